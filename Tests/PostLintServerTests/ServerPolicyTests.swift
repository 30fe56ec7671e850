import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostLint
import PostLintReporters
@testable import PostLintServer
import Testing

/// Who may call the server, what it tells them and what it writes down.
/// (The limit is against hangs: beside the other suites, the in-process server can wait minutes for the test
/// process's cooperative threads.)
@Suite(.timeLimit(.minutes(10))) struct ServerPolicyTests {
    typealias Support = HTTPTestSupport

    static let otherSite = "https://evil.example"
    static let staffSite = "https://intranet.school.example"

    private static func headers(origin: String, extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        fields[.origin] = origin
        return fields
    }

    @Test func noCrossOriginAccessByDefault() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var headers = Self.headers(origin: Self.staffSite, extra: Support.jsonType)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: headers, body: Support.json("hi")) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            headers = Self.headers(origin: Self.staffSite, extra: [.accessControlRequestMethod: "POST"])
            try await client.execute(uri: "/api/v1/check", method: .options, headers: headers) { response in
                #expect(response.status == .methodNotAllowed, "a preflight is not answered")
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[.accessControlAllowMethods] == nil)
            }
        }
    }

    @Test func configuredOriginsOnly() async throws {
        let fixture = try ServerFixture()
        var options = ServerFixture.options
        options.allowedOrigins = [Self.staffSite]
        try await fixture.test(options: options) { client in
            let preflight = Self.headers(origin: Self.staffSite, extra: [.accessControlRequestMethod: "POST"])
            try await client.execute(uri: "/api/v1/check", method: .options, headers: preflight) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == Self.staffSite)
                #expect(response.headers[.accessControlAllowMethods] == "GET, POST")
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
            }
            let post = Self.headers(origin: Self.staffSite, extra: Support.jsonType)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: post, body: Support.json("hi")) { response in
                #expect(response.headers[.accessControlAllowOrigin] == Self.staffSite)
                #expect(response.headers[.vary] == "Origin")
            }
            let stranger = Self.headers(origin: Self.otherSite, extra: Support.jsonType)
            try await client.execute(uri: "/api/v1/check", method: .post, headers: stranger, body: Support.json("hi")) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    /// Sends drafts (good and bad) to every endpoint; no response may hold a roster name the draft
    /// did not contain, and the log may hold nothing of any draft.
    @Test func responsesAndTheLogKeepRosterAndContentPrivate() async throws {
        let fixture = try ServerFixture()
        let marker = ServerFixture.contentMarker
        let drafts = [
            Support.json("\(marker): well done \(ServerFixture.namedPupil) and Xanthipe Q.", format: "html"),
            Support.json("\(marker) \(ServerFixture.namedPupil)", format: "pdf"),
            Support.json("\(marker) Zebedee W. and the Quornbury family", filename: "\(marker).md"),
            ByteBuffer(string: "{\"content\": \"\(marker)"),
        ]
        let responses = try await fixture.test { client in
            var bodies: [String] = []
            for draft in drafts {
                for accept in ["application/json", "application/sarif+json"] {
                    var headers = Support.jsonType
                    headers[.accept] = accept
                    bodies.append(try await client.execute(uri: "/api/v1/check?note=\(marker)", method: .post,
                                                           headers: headers, body: draft) { Support.text($0) })
                }
            }
            for path in ["/", "/page.js", "/page.css", "/healthz", "/api/v1/rules", "/api/v1/openapi.yaml", "/no-such-page"] {
                bodies.append(try await client.execute(uri: path, method: .get) { Support.text($0) })
            }
            return bodies
        }
        #expect(responses[0].contains(ServerFixture.namedPupil), "the matched text is reported")
        for body in responses {
            for name in ["Xanthippe", "Wolstenholme"] {
                #expect(!body.contains(name), "a response holds the roster name \(name)")
            }
        }
        let log = fixture.log.text
        #expect(log.contains("POST /api/v1/check 200"), "the log has one line per request: \(log)")
        #expect(log.contains("POST /api/v1/check 422"))
        for secret in [marker, "Oliver", "Whitfield", "Xanthip", "Zebedee", "Quornbury", "note="] {
            #expect(!log.contains(secret), "the log holds \(secret): \(log)")
        }
    }
}
