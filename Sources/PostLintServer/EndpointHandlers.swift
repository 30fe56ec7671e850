import Hummingbird
import PostLint

/// What each endpoint answers. Checking runs in the `LintPool`; everything else is a fixed text.
struct EndpointHandlers: Sendable {
    let checker: DraftChecker
    let options: ServerOptions
    let pool: LintPool
    /// `postlint rules --format json`, rendered once.
    let rulesJSON: String

    init(checker: DraftChecker, options: ServerOptions) throws {
        self.checker = checker
        self.options = options
        pool = LintPool(width: options.lintConcurrency)
        rulesJSON = try RuleDocumentation.json(checker.linter.descriptors) + "\n"
    }

    func respond(to endpoint: Endpoint, request: Request) async throws -> Response {
        switch endpoint {
        case .page: Self.text(EmbeddedServerFiles.page, type: "text/html; charset=utf-8")
        case .pageStyle: Self.text(EmbeddedServerFiles.pageStyle, type: "text/css; charset=utf-8")
        case .pageScript: Self.text(EmbeddedServerFiles.pageScript, type: "text/javascript; charset=utf-8")
        case .health: Self.text("{\"status\":\"ok\"}\n", type: Self.json)
        case .rules: Self.text(rulesJSON, type: Self.json)
        case .openAPI: Self.text(EmbeddedServerFiles.openAPI, type: "application/yaml; charset=utf-8")
        case .check: try await check(request)
        }
    }

    private static let json = "application/json; charset=utf-8"

    private static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `POST /api/v1/check`: the body is read within the time limit, the draft checked in the pool,
    /// and the report rendered by the CLI's JSON or (with `Accept: application/sarif+json`) SARIF reporter.
    private func check(_ request: Request) async throws -> Response {
        let started = ContinuousClock.now
        let contentType = request.headers[.contentType]
        let mediaType = contentType.map(MultipartForm.mediaType)
        guard mediaType == "application/json" || mediaType == "multipart/form-data" else {
            throw APIError(.unsupportedMediaType,
                           "send the draft as application/json or multipart/form-data (Content-Type was \(contentType.map { "'\($0.prefix(80))'" } ?? "missing"))")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodySize {
            throw tooLarge
        }
        let body = try await readBody(request.body, within: options.requestTimeout)
        let draft = mediaType == "application/json"
            ? try JSONDraftReader.draft(from: body)
            : try MultipartDraftReader.draft(from: body, contentType: contentType ?? "")
        let sarif = request.headers[.accept]?.lowercased().contains("application/sarif+json") ?? false
        let remaining = options.requestTimeout - started.duration(to: .now)
        let checker = checker
        let outcome = await pool.run(waitingAtMost: remaining) { () -> Result<String, APIError> in
            let report = checker.check(draft)
            // No source means the draft could not be read at all (a damaged .docx, undecodable bytes).
            guard report.source != nil else {
                let reasons = report.problems.filter { $0.severity == .error }.map(\.message)
                return .failure(APIError(.unprocessableContent, "the draft could not be read: " + reasons.joined(separator: "; ")))
            }
            return .success(checker.render(report, as: sarif ? .sarif : .json))
        }
        guard let outcome else {
            throw APIError(.serviceUnavailable, "the server is busy checking other drafts; try again shortly",
                           headers: [.retryAfter: "1"])
        }
        return Self.text(try outcome.get(), type: sarif ? "application/sarif+json; charset=utf-8" : Self.json)
    }

    private var tooLarge: APIError {
        APIError(.contentTooLarge, "the request body is larger than this server's limit of \(options.maxBodySize) bytes")
    }

    /// Collects the body up to `maxBodySize`, giving up after `limit` (a client that sends too slowly).
    private func readBody(_ body: RequestBody, within limit: Duration) async throws -> ByteBuffer {
        let maxSize = options.maxBodySize
        let tooLarge = tooLarge
        return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask {
                var collected = ByteBuffer()
                for try await var chunk in body {
                    guard collected.readableBytes + chunk.readableBytes <= maxSize else { throw tooLarge }
                    collected.writeBuffer(&chunk)
                }
                return collected
            }
            group.addTask {
                try await Task.sleep(for: limit)
                throw APIError(.requestTimeout, "the request body did not arrive within \(limit)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
