import Foundation
import PostLintTestSupport
import Testing

/// What the real `postlint serve` answers to requests HTTP itself gets wrong, on a raw connection:
/// every answer is the API's JSON error with the security headers, never an empty 400 or a 500.
/// `HEAD` answers like `GET` without a body, and SARIF names no folder of the server's.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ServeProtocolTests {
    struct RawReply {
        var status: Int
        var headers: [String: String]
        var body: String

        init(_ text: String) {
            let parts = text.components(separatedBy: "\r\n\r\n")
            let head = parts[0].components(separatedBy: "\r\n")
            status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
            headers = Dictionary(head.dropFirst().compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
            body = parts.dropFirst().joined(separator: "\r\n\r\n")
        }
    }

    static func send(_ request: String, to server: ServeProcess) throws -> RawReply {
        let socket = try LoopbackSocket(port: server.port)
        socket.send(request)
        return RawReply(socket.readUntilClosed(timeout: .seconds(10)).text)
    }

    static let cases: [(name: String, request: String, statuses: Set<Int>)] = [
        ("unknown method", "BREW /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", [400]),
        ("huge URL", "GET /\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", [400, 414, 431]),
        ("huge header", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "b", count: 200_000))\r\n\r\n", [431]),
        ("Content-Length and Transfer-Encoding",
         "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
         [400]),
        ("bad chunk size",
         "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
         [400]),
    ]

    @Test func parserErrorsAreJSONWithTheSecurityHeaders() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        for refusal in Self.cases {
            let reply = try Self.send(refusal.request, to: server)
            #expect(refusal.statuses.contains(reply.status), "\(refusal.name): \(reply.status)")
            #expect(reply.body.contains("{\"error\":{\"message\":"), "\(refusal.name): \(reply.body.prefix(200))")
            #expect(reply.body.contains("\"status\":\(reply.status)"), "\(refusal.name)")
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8", "\(refusal.name)")
            #expect(reply.headers["content-security-policy"]?.contains("default-src 'self'") == true, "\(refusal.name)")
            #expect(reply.headers["x-content-type-options"] == "nosniff", "\(refusal.name)")
            #expect(reply.headers["cache-control"] == "no-store", "\(refusal.name)")
        }
        #expect(try await server.request("/healthz").status == 200)
        #expect(!server.stop().log.contains("failed:"), "no parser error became a 500")
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        for path in ["/healthz", "/", "/api/v1/rules"] {
            let get = try await server.request(path)
            let head = try Self.send("HEAD \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", to: server)
            #expect(head.status == 200, "HEAD \(path)")
            #expect(head.body.isEmpty, "HEAD \(path) sent a body")
            #expect(head.headers["content-length"] == String(get.body.count), "HEAD \(path)")
            #expect(head.headers["content-type"] == get.header("Content-Type"), "HEAD \(path)")
            #expect(head.headers["content-security-policy"] != nil, "HEAD \(path)")
        }
        let headCheck = try Self.send("HEAD /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", to: server)
        #expect(headCheck.status == 405)
    }

    @Test func sarifNamesTheDraftNotTheServersFolder() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        let reply = try await server.postJSON(["content": "<p>Ring 07700 900123</p>", "filename": "news.html"],
                                              headers: ["Accept": "application/sarif+json"])
        #expect(reply.status == 200)
        let folder = URL(fileURLWithPath: fixture.folder).resolvingSymlinksInPath().path
        for name in [fixture.folder, folder, URL(fileURLWithPath: fixture.folder).lastPathComponent] {
            #expect(!reply.text.contains(name), "the SARIF log names the server's folder \(name)")
        }
        let log = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "news.html")
    }
}
