import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostLint
import PostLintReporters
@testable import PostLintServer
import PostLintTestSupport

/// A folder with a `.postlint.yml` and a roster, and the server built on it, for the HTTP tests.
/// The roster holds pupils whose names no request ever contains, so any of them in a response or
/// in the log is a leak.
final class ServerFixture: Sendable {
    /// Roster pupils never named in a request.
    static let unseenNames = ["Xanthippe", "Quornbury", "Zebedee", "Wolstenholme"]
    /// A roster pupil the drafts do name.
    static let namedPupil = "Oliver Whitfield"
    /// Text that appears only in drafts, to look for in the log.
    static let contentMarker = "Marmalade-Zeppelin-4417"

    let folder: String
    let log: LogRecorder

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.write("Legal Surname,Legal Forename,Year,Reg\nWhitfield,Oliver,3,3W\nQuornbury,Xanthippe,4,4B\nWolstenholme,Zebedee,5,5C\n",
                       to: folder + "/pupils.csv")
        try Self.write("roster: [pupils.csv]\n", to: folder + "/.postlint.yml")
        log = LogRecorder()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func checker() throws -> DraftChecker {
        try DraftChecker(configPath: nil, workingDirectory: folder)
    }

    /// Options whose workers are the `postlint` binary under test, with a time limit no test reaches: the
    /// in-process server runs on the test process's cooperative threads, which the suites beside it can
    /// keep busy for minutes, and a draft a test expects checked must not be answered 503 for that. The
    /// limit itself is tested on the real server (ServeEndToEndTests, ServeResilienceTests).
    static var options: ServerOptions {
        var options = ServerOptions()
        options.requestTimeout = .seconds(900)
        options.workerExecutable = PostLintProcess.executable.path
        return options
    }

    func application(_ options: ServerOptions = ServerFixture.options) throws -> some ApplicationProtocol {
        var options = options
        options.port = 0
        return try PostLintServer.application(checker: checker(), options: options, logger: log.logger)
    }

    /// Runs `body` against the server through HummingbirdTesting (`.router` by default, or `.live`).
    func test<Value>(_ setup: TestingSetup = .router, options: ServerOptions = ServerFixture.options,
                     _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await application(options).test(setup, body)
    }
}

/// Keeps every log message the server writes, so tests can read what it would have printed.
final class LogRecorder: Sendable {
    private let lines = LockedLines()

    var logger: Logger {
        let lines = lines
        return Logger(label: "postlint-test") { _ in RecordingHandler(lines: lines) }
    }

    var text: String { lines.joined }

    final class LockedLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) {
            lock.withLock { lines.append(line) }
        }

        var joined: String { lock.withLock { lines.joined(separator: "\n") } }
    }

    struct RecordingHandler: LogHandler {
        let lines: LockedLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lines.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
        }
    }
}

/// Request bodies and response reading shared by the HTTP tests.
enum HTTPTestSupport {
    static let jsonType: HTTPFields = [.contentType: "application/json"]

    static func json(_ content: String, format: String? = nil, filename: String? = nil) -> ByteBuffer {
        var object: [String: String] = ["content": content]
        object["format"] = format
        object["filename"] = filename
        let data = try! JSONSerialization.data(withJSONObject: object)
        return ByteBuffer(bytes: Array(data))
    }

    /// A `multipart/form-data` body: `(name, filename, bytes)` per part.
    static func multipart(_ parts: [(name: String, filename: String?, bytes: [UInt8])],
                          boundary: String = "postlint-test-boundary") -> (headers: HTTPFields, body: ByteBuffer) {
        var bytes: [UInt8] = []
        for part in parts {
            let filename = part.filename.map { "; filename=\"\($0)\"" } ?? ""
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"\(filename)\r\n\r\n".utf8)
            bytes += part.bytes + Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(bytes: bytes))
    }

    static func report(_ response: TestResponse) throws -> JSONReport {
        try JSONDecoder().decode(JSONReport.self, from: Data(response.body.readableBytesView))
    }

    /// The `error` object of an error response.
    static func error(_ response: TestResponse) throws -> (status: Int, message: String) {
        struct Body: Decodable {
            struct Detail: Decodable {
                var status: Int
                var message: String
            }
            var error: Detail
        }
        let body = try JSONDecoder().decode(Body.self, from: Data(response.body.readableBytesView))
        return (body.error.status, body.error.message)
    }

    static func text(_ response: TestResponse) -> String {
        String(decoding: response.body.readableBytesView, as: UTF8.self)
    }
}
