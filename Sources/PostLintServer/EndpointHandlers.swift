import Foundation
import Hummingbird
import NIOCore
import PostLint

/// What each endpoint answers. Checking runs in worker processes (`WorkerPool`); everything else is
/// a fixed text.
struct EndpointHandlers: Sendable {
    let checker: DraftChecker
    let options: ServerOptions
    let pool: WorkerPool
    /// `postlint rules --format json`, rendered once.
    let rulesJSON: String

    init(checker: DraftChecker, options: ServerOptions) throws {
        guard let executable = options.workerExecutable else {
            throw ServerSetupError(messages: ["no worker executable: set ServerOptions.workerExecutable to a postlint binary"])
        }
        self.checker = checker
        self.options = options
        pool = WorkerPool(executable: executable,
                          arguments: CheckWorkerArguments.make(checker: checker, maxFindings: options.maxFindings),
                          heavyWidth: options.lintConcurrency, queueLength: options.queueLength)
        rulesJSON = try RuleDocumentation.json(checker.linter.descriptors(for: checker.configuration)) + "\n"
    }

    func respond(to endpoint: Endpoint, request: Request, context: ServerRequestContext) async throws -> Response {
        switch endpoint {
        case .page: Self.text(EmbeddedServerFiles.page, type: "text/html; charset=utf-8")
        case .pageStyle: Self.text(EmbeddedServerFiles.pageStyle, type: "text/css; charset=utf-8")
        case .pageScript: Self.text(EmbeddedServerFiles.pageScript, type: "text/javascript; charset=utf-8")
        case .health: Self.text("{\"status\":\"ok\"}\n", type: Self.json)
        case .rules: Self.text(rulesJSON, type: Self.json)
        case .openAPI: Self.text(EmbeddedServerFiles.openAPI, type: "application/yaml; charset=utf-8")
        case .check: try await check(request, channel: context.channel)
        }
    }

    private static let json = "application/json; charset=utf-8"

    private static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `POST /api/v1/check`: the body is read within the time limit, then the draft is checked by a
    /// worker, which renders the CLI's JSON or (with `Accept: application/sarif+json`) SARIF report.
    /// The check is stopped when its client goes away or the time limit passes.
    private func check(_ request: Request, channel: any Channel) async throws -> Response {
        let deadline = ContinuousClock.now + options.requestTimeout
        let contentType = request.headers[.contentType]
        let mediaType = contentType.map(MultipartForm.mediaType)
        guard mediaType == "application/json" || mediaType == "multipart/form-data" else {
            throw APIError(.unsupportedMediaType,
                           "send the draft as application/json or multipart/form-data (Content-Type was \(contentType.map { "'\($0.prefix(80))'" } ?? "missing"))")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init) {
            if length > options.maxBodySize { throw tooLarge }
            // A body this large cannot hold a quick draft: refuse it before reading it if it would only queue.
            if length > options.quickDraftSize, await pool.queueIsFull { throw WorkerPool.Failure.queueFull }
        }
        let body = try await readBody(request.body, until: deadline)
        let draft = mediaType == "application/json"
            ? try JSONDraftReader.draft(from: body)
            : try MultipartDraftReader.draft(from: body, contentType: contentType ?? "")
        let sarif = request.headers[.accept]?.lowercased().contains("application/sarif+json") ?? false
        let header = try JSONEncoder().encode(CheckWorkerRequest(format: draft.format, filename: draft.filename, sarif: sarif))
        let heavy = draft.format == .docx || draft.bytes.count > options.quickDraftSize
        let pool = pool
        let limit = options.requestTimeout
        let parts = try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
            group.addTask { try await pool.run([Array(header), draft.bytes], heavy: heavy) }
            group.addTask {
                try await Task.sleep(until: deadline)
                throw APIError(.serviceUnavailable, "checking this draft did not finish within this server's limit of \(limit)")
            }
            group.addTask {
                try await ClientDeparture.wait(for: channel)
                throw ClientDeparture.Gone()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        let reply = try JSONDecoder().decode(CheckWorkerReply.self, from: Data(parts[0]))
        let text = String(decoding: parts[1], as: UTF8.self)
        guard reply.isReport else { throw APIError(HTTPResponse.Status(code: reply.status), text) }
        return Self.text(text, type: sarif ? "application/sarif+json; charset=utf-8" : Self.json)
    }

    private var tooLarge: APIError {
        APIError(.contentTooLarge, "the request body is larger than this server's limit of \(options.maxBodySize) bytes")
    }

    /// Collects the body up to `maxBodySize`, giving up at `deadline` (a client that sends too slowly).
    private func readBody(_ body: RequestBody, until deadline: ContinuousClock.Instant) async throws -> ByteBuffer {
        let maxSize = options.maxBodySize
        let tooLarge = tooLarge
        let limit = options.requestTimeout
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
                try await Task.sleep(until: deadline)
                throw APIError(.requestTimeout, "the request body did not arrive within \(limit)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
