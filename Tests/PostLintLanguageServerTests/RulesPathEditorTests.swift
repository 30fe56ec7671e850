import Foundation
import PostLint
@testable import PostLintLanguageServer
import PostLintTestSupport
import Testing

/// `postlint lsp` through the real binary (and its worker) with `rules-path:`: the editor underlines
/// what a school's own rule finds, exactly where it is.
@Suite(.serialized) struct RulesPathEditorTests {
    @Test func anOpenDraftShowsTheRuntimeRulesFinding() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules-path: [rules]\n")
        try folder.write("rules/jargon.yml", """
            id: school-jargon
            kind: pattern
            policy: {section: "8", heading: Content of Webspace, text: Posts are written for parents.}
            message: "“{match}” is jargon"
            patterns: ["(INSET|inset) day"]
            """)
        let client = try LSPClient(directory: folder.path)
        let id = client.request("initialize", ["processId": NSNull(), "rootUri": DocumentURI.fileURI(folder.path),
                                               "capabilities": ["general": ["positionEncodings": ["utf-16"]]]])
        _ = try client.response(id)
        client.notify("initialized")
        let uri = DocumentURI.fileURI(folder.absolute("news/post.txt"))
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
                                                                "text": "Dear parents,\nFriday is an inset day.\n"]])
        let diagnostics = try client.diagnostics(uri)["diagnostics"] as? [[String: Any]] ?? []
        let jargon = try #require(diagnostics.first { $0["code"] as? String == "school-jargon" }, "\(diagnostics)")
        let range = jargon["range"] as? [String: [String: Int]]
        #expect(range?["start"] == ["line": 1, "character": 13])
        #expect(range?["end"] == ["line": 1, "character": 22])
        #expect(jargon["message"] as? String == "“inset day” is jargon")
        client.notify("exit")
        _ = client.waitForExit()
    }
}
