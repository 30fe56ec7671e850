import Foundation
import PostLint
@testable import PostLintLanguageServer
import PostLintTestSupport
import Testing

/// `postlint lsp` runs its checks in a worker process: a check that traps costs its document an error
/// diagnostic, and the server goes on answering for that document and every other.
@Suite(.serialized, .timeLimit(.minutes(3))) struct LSPResilienceTests {
    static let trapMarker = "Trap-Here-5c19"

    @Test func aDocumentWhoseCheckTrapsGetsAnErrorAndTheServerGoesOn() throws {
        let folder = try TemporaryFolder()
        let client = try LSPClient(directory: folder.path, environment: ["POSTLINT_TEST_TRAP": Self.trapMarker])
        let id = client.request("initialize", ["processId": NSNull(), "rootUri": DocumentURI.fileURI(folder.path),
                                               "capabilities": [:] as [String: Any]])
        _ = try client.response(id)
        client.notify("initialized")
        let bad = DocumentURI.fileURI(try folder.write("bad.txt", "x"))
        let good = DocumentURI.fileURI(try folder.write("good.txt", "x"))
        let opinion = "I think every child did well.\n"
        for round in 1...2 {
            client.notify("textDocument/didOpen", ["textDocument": [
                "uri": bad, "languageId": "plaintext", "version": round, "text": "Hello \(Self.trapMarker)\n"]])
            let failed = try #require(try client.diagnostics(bad)["diagnostics"] as? [[String: Any]])
            #expect(failed.count == 1)
            #expect(failed.first?["severity"] as? Int == 1)
            #expect((failed.first?["message"] as? String)?.contains("could not check this document") == true)

            client.notify("textDocument/didOpen", ["textDocument": [
                "uri": good, "languageId": "plaintext", "version": round, "text": opinion]])
            let checked = try #require(try client.diagnostics(good)["diagnostics"] as? [[String: Any]])
            #expect(checked.compactMap { $0["code"] as? String }.contains("personal-opinion"), "round \(round)")
            let hover = client.request("textDocument/hover", ["textDocument": ["uri": good],
                                                              "position": ["line": 0, "character": 3]])
            #expect(try client.response(hover)["result"] is [String: Any], "the server still answers requests")
            client.notify("textDocument/didClose", ["textDocument": ["uri": bad]])
            _ = try client.diagnostics(bad)
        }
        #expect(client.process.isRunning)
        #expect(client.standardError.contains("stopped unexpectedly"))
        #expect(!client.standardError.contains(Self.trapMarker), "the log holds nothing of the document")
        let shutdown = client.request("shutdown")
        _ = try client.response(shutdown)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }
}
