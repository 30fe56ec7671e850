import Foundation
import PostLint
@testable import PostLintLanguageServer
import PostLintTestSupport
import Testing

/// `postlint lsp` through the real binary (and its worker) with a broken `.postlint.yml`: the draft
/// itself carries an error at line 1, so a teacher who never opens the configuration still sees that
/// it was not checked as the school set it up; a typo elsewhere leaves the roster working.
@Suite(.serialized) struct FailClosedEditorTests {
    private func openDraft(in fixture: FailClosedFixture) throws -> (client: LSPClient, diagnostics: [[String: Any]]) {
        let client = try LSPClient(directory: fixture.path)
        let id = client.request("initialize", ["processId": NSNull(), "rootUri": DocumentURI.fileURI(fixture.path),
                                               "capabilities": ["general": ["positionEncodings": ["utf-16"]]]])
        _ = try client.response(id)
        client.notify("initialized")
        let uri = DocumentURI.fileURI(fixture.folder.absolute("news/post.txt"))
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
                                                                "text": FailClosedFixture.draft]])
        return (client, try client.diagnostics(uri)["diagnostics"] as? [[String: Any]] ?? [])
    }

    private func start(_ diagnostic: [String: Any]) -> [String: Int]? {
        (diagnostic["range"] as? [String: Any])?["start"] as? [String: Int]
    }

    @Test func aTypoElsewhereStillShowsThePupilsFullNameAndAnErrorOnTheDraft() throws {
        let fixture = try FailClosedFixture(configuration: FailClosedFixture.typo)
        let (client, diagnostics) = try openDraft(in: fixture)
        let pupil = try #require(diagnostics.first { $0["code"] as? String == "pupil-name" }, "\(diagnostics)")
        #expect(pupil["severity"] as? Int == 1)
        #expect(start(pupil) == ["line": 0, "character": 13])
        #expect((pupil["message"] as? String)?.contains("full name") == true)
        let configuration = try #require(diagnostics.first { ($0["message"] as? String)?.contains("configuration has errors") == true })
        #expect(configuration["severity"] as? Int == 1)
        #expect(start(configuration) == ["line": 0, "character": 0])
        #expect((configuration["message"] as? String)?.contains(".postlint.yml:3:3: unknown key `domians` in `school`; did you mean `domains`?") == true)
        // The configuration file itself is marked at the typo.
        let onFile = try client.diagnostics(DocumentURI.fileURI(fixture.folder.absolute(".postlint.yml")))
        #expect((onFile["diagnostics"] as? [[String: Any]])?.first.map(start) == ["line": 2, "character": 2])
        client.notify("exit")
        _ = client.waitForExit()
    }

    @Test(arguments: FailClosedFixture.BrokenRoster.allCases)
    func aBrokenRosterIsAnErrorOnTheDraftNamingWhatWasNotChecked(_ broken: FailClosedFixture.BrokenRoster) throws {
        let fixture = try FailClosedFixture(broken)
        let (client, diagnostics) = try openDraft(in: fixture)
        let unchecked = try #require(diagnostics.first { $0["code"] as? String == "pupil-name" }, "\(diagnostics)")
        #expect(unchecked["severity"] as? Int == 1)
        #expect(start(unchecked) == ["line": 0, "character": 0])
        #expect((unchecked["message"] as? String)?.hasPrefix("pupil-name (Pupil's name) was NOT checked") == true)
        #expect(diagnostics.filter { $0["code"] as? String == "pupil-name" }.count == 1, "no finding from a roster that did not load")
        client.notify("exit")
        _ = client.waitForExit()
        for name in FailClosedFixture.unseenNames {
            #expect(!client.standardError.contains(name))
            #expect(!client.pending.contains { "\($0)".contains(name) })
        }
    }
}
