import Foundation
import Hummingbird
import PostLintServer
import PostLintTestSupport
import Testing
import Yams

/// `docs/openapi.yaml` describes exactly the routes the server has: no route is undocumented and no
/// documented route is missing.
@Suite struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        let text = try String(contentsOfFile: PostLintProcess.packageRoot + "/docs/openapi.yaml", encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let fixture = try ServerFixture()
        let router = try PostLintServer.router(checker: fixture.checker(), options: ServerFixture.options, logger: fixture.log.logger)
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        // HEAD mirrors GET on every GET route (ServeProtocolTests): the document lists GET only.
        let served = routes.filter { !$0.hasPrefix("HEAD ") }
        #expect(routes.subtracting(served) == Set(served.filter { $0.hasPrefix("GET ") }.map { "HEAD " + $0.dropFirst(4) }))
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
        #expect(!served.isEmpty)
        #expect(served == documented, "served only: \(served.subtracting(documented)); documented only: \(documented.subtracting(served))")
    }

    @Test func isOpenAPI31AndDocumentsEveryErrorStatusOfTheCheck() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let check = try #require(paths["/api/v1/check"]?["post"] as? [String: Any])
        let responses = try #require(check["responses"] as? [String: Any])
        #expect(Set(responses.keys) == ["200", "400", "408", "413", "415", "422", "500", "503"])
    }
}
