import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostLintServer
import PostLintTestSupport
import Testing

/// Every refusal is a JSON error with the status that names the problem, and none crashes the server.
/// (The limit is against hangs: beside the other suites, the in-process server can wait minutes for the test
/// process's cooperative threads.)
@Suite(.timeLimit(.minutes(10))) struct ServerErrorTests {
    typealias Support = HTTPTestSupport

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var contentType: String?
        var body: [UInt8]
        var status: HTTPResponse.Status
        /// Words the message must contain, so it says what was wrong.
        var mentions: String
    }

    static let multipartType = "multipart/form-data; boundary=b"

    static let cases: [Case] = [
        Case(description: "JSON that does not parse", contentType: "application/json", body: Array("{\"content\": ".utf8),
             status: .badRequest, mentions: "not valid JSON"),
        Case(description: "JSON without content", contentType: "application/json", body: Array("{\"format\": \"html\"}".utf8),
             status: .badRequest, mentions: "missing 'content'"),
        Case(description: "content that is not a string", contentType: "application/json", body: Array("{\"content\": 12}".utf8),
             status: .badRequest, mentions: "'content' must be a string"),
        Case(description: "a JSON array", contentType: "application/json", body: Array("[1, 2]".utf8),
             status: .badRequest, mentions: "JSON object"),
        Case(description: "multipart without a boundary", contentType: "multipart/form-data", body: Array("x".utf8),
             status: .badRequest, mentions: "boundary"),
        Case(description: "multipart without the draft", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nhtml\r\n--b--\r\n".utf8),
             status: .badRequest, mentions: "missing content"),
        Case(description: "multipart cut short", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nhello".utf8),
             status: .badRequest, mentions: "closing boundary"),
        Case(description: "multipart with a broken header", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition form-data\r\r\r\n\r\nhello\r\n--b--\r\n".utf8),
             status: .badRequest, mentions: "malformed"),
        Case(description: "a multipart header name that is not ASCII", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition: form-data; name=\"content\"\r\nX-\u{E9}t\u{E9}: 1\r\n\r\nhi\r\n--b--\r\n".utf8),
             status: .badRequest, mentions: "malformed header"),
        Case(description: "a form post", contentType: "application/x-www-form-urlencoded", body: Array("content=hi".utf8),
             status: .unsupportedMediaType, mentions: "application/json or multipart/form-data"),
        Case(description: "no Content-Type", contentType: nil, body: Array("hi".utf8),
             status: .unsupportedMediaType, mentions: "missing"),
        Case(description: "a PDF upload", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"post.pdf\"\r\n\r\n%PDF-1.4\r\n--b--\r\n".utf8),
             status: .unsupportedMediaType, mentions: ".pdf"),
        Case(description: "an image upload without an extension", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b--\r\n".utf8),
             status: .unsupportedMediaType, mentions: "image/png"),
        Case(description: "an unknown format", contentType: "application/json", body: Array("{\"content\": \"hi\", \"format\": \"pdf\"}".utf8),
             status: .unprocessableContent, mentions: "unknown format 'pdf'"),
        Case(description: "a Word document as JSON text", contentType: "application/json",
             body: Array("{\"content\": \"hi\", \"format\": \"docx\"}".utf8),
             status: .unprocessableContent, mentions: "multipart/form-data"),
        Case(description: "a .docx that is not one", contentType: multipartType,
             body: Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"post.docx\"\r\n\r\nnot a zip\r\n--b--\r\n".utf8),
             status: .unprocessableContent, mentions: "could not be read"),
    ]

    @Test(arguments: cases) func refusesWithTheRightStatus(_ refusal: Case) async throws {
        let fixture = try ServerFixture()
        var fields: HTTPFields = [:]
        fields[.contentType] = refusal.contentType
        let headers = fields
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: headers,
                                     body: ByteBuffer(bytes: refusal.body)) { response in
                #expect(response.status == refusal.status)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let error = try Support.error(response)
                #expect(error.status == Int(refusal.status.code))
                #expect(error.message.contains(refusal.mentions), "\(error.message)")
            }
            // The server goes on answering after each refusal.
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func uploadsKeepANonASCIIFileName() async throws {
        let fixture = try ServerFixture()
        let upload = Support.multipart([("file", "caf\u{E9} news.html", Array("<p>Hi</p>".utf8))])
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: upload.headers, body: upload.body) { response in
                let report = try Support.report(response)
                #expect(response.status == .ok)
                #expect(report.files.first?.path == "caf\u{E9} news.html")
            }
        }
    }

    @Test func refusesABodyOverTheLimit() async throws {
        let fixture = try ServerFixture()
        var options = ServerFixture.options
        options.maxBodySize = 1000
        let big = Support.json(String(repeating: "a", count: 2000))
        let small = Support.json(String(repeating: "a", count: 900))
        for setup in [TestingSetup.router, .live] {
            try await fixture.test(setup, options: options) { client in
                try await client.execute(uri: "/api/v1/check", method: .post, headers: Support.jsonType, body: big) { response in
                    let error = try Support.error(response)
                    #expect(response.status == .contentTooLarge)
                    #expect(error.message.contains("1000 bytes"))
                }
                try await client.execute(uri: "/api/v1/check", method: .post, headers: Support.jsonType, body: small) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test func unknownPathsAre404AndWrongMethods405() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v2/check", method: .post, headers: Support.jsonType,
                                     body: Support.json("hi")) { response in
                let error = try Support.error(response)
                #expect(response.status == .notFound)
                #expect(error.status == 404)
            }
            try await client.execute(uri: "/api/v1/check", method: .get) { response in
                let error = try Support.error(response)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
                #expect(error.message.contains("POST"))
            }
            try await client.execute(uri: "/api/v1/rules", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
            }
        }
    }
}
