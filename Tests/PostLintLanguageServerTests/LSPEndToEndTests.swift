import Foundation
import PostLint
@testable import PostLintLanguageServer
import PostLintTestSupport
import Testing

/// `postlint lsp` driven over stdio by a real client, as an editor would.
@Suite(.serialized) struct LSPEndToEndTests {
    static let opinion = "Well done 😀 I think every child did well.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n"
    static let fixed = "Well done 😀 every child did well.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n"

    private func initialize(_ client: LSPClient, encodings: [String], root: String) throws -> [String: Any] {
        let id = client.request("initialize", [
            "processId": NSNull(), "rootUri": DocumentURI.fileURI(root),
            "capabilities": ["general": ["positionEncodings": encodings],
                             "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]],
        ])
        let result = try #require(try client.response(id)["result"] as? [String: Any])
        client.notify("initialized")
        return result
    }

    private func open(_ client: LSPClient, _ uri: String, _ text: String, languageID: String = "plaintext") {
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": languageID, "version": 1, "text": text]])
    }

    private func codes(_ params: [String: Any]) -> [String] {
        (params["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    @Test func aFullSessionOverStdio() throws {
        let folder = try TemporaryFolder()
        let draft = try folder.write("My Drafts/sports day.txt", Self.opinion)
        let uri = DocumentURI.fileURI(draft)
        #expect(uri.contains("My%20Drafts/sports%20day.txt"))
        let client = try LSPClient(directory: folder.path)

        // initialize: UTF-16 when the client does not offer code points.
        let result = try initialize(client, encodings: ["utf-16"], root: folder.path)
        let capabilities = try #require(result["capabilities"] as? [String: Any])
        #expect(capabilities["positionEncoding"] as? String == "utf-16")
        #expect(capabilities["hoverProvider"] as? Bool == true)
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 1)
        #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "postlint")
        // It asks to be told about configuration and roster changes.
        let registration = try client.wait(for: "client/registerCapability") { $0["method"] as? String == "client/registerCapability" }
        client.send(["jsonrpc": "2.0", "id": registration["id"]!, "result": NSNull()])

        // didOpen → the opinion after the emoji, at UTF-16 columns (the emoji counts two).
        open(client, uri, Self.opinion)
        let opened = try client.diagnostics(uri)
        #expect(opened["version"] as? Int == 1)
        let diagnostic = try #require((opened["diagnostics"] as? [[String: Any]])?.first)
        #expect(codes(opened) == ["personal-opinion"])
        #expect(diagnostic["severity"] as? Int == 2)
        #expect(diagnostic["source"] as? String == "postlint")
        #expect((diagnostic["codeDescription"] as? [String: Any])?["href"] as? String
            == "https://github.com/postlint/postlint/blob/main/docs/rules.md#personal-opinion")
        #expect(diagnostic["range"] as? [String: [String: Int]] == ["start": ["line": 0, "character": 13],
                                                                  "end": ["line": 0, "character": 20]])

        // hover on the finding.
        let hover = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 15]])
        let contents = try #require((try client.response(hover)["result"] as? [String: Any])?["contents"] as? [String: Any])
        #expect(contents["kind"] as? String == "markdown")
        #expect((contents["value"] as? String)?.contains("Personal opinion") == true)
        #expect((contents["value"] as? String)?.contains("§8 Content of Webspace") == true)

        // codeAction answers (personal-opinion offers no fix: an empty list).
        let action = client.request("textDocument/codeAction", [
            "textDocument": ["uri": uri],
            "range": ["start": ["line": 0, "character": 13], "end": ["line": 0, "character": 20]],
            "context": ["diagnostics": [diagnostic]],
        ])
        #expect(try client.response(action)["result"] is [Any])

        // Malformed input and an unknown method do not stop the server.
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{bad json".utf8))
        let parseError = try client.wait(for: "a ParseError") { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        #expect(parseError["id"] is NSNull)
        client.sendRaw(Array("Content-Lenght: 2\r\n\r\n{}".utf8))  // a misspelt header
        _ = try client.wait(for: "a ParseError for the broken header") { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        let unknown = client.request("postlint/unknownMethod")
        #expect((try client.response(unknown)["error"] as? [String: Any])?["code"] as? Int == -32601)
        client.notify("postlint/unknownNotification")
        let again = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 15]])
        #expect(try client.response(again)["result"] is [String: Any])

        // didChange to the fixed text → an empty list.
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": Self.fixed]]])
        let changed = try client.diagnostics(uri)
        #expect(changed["version"] as? Int == 2)
        #expect(codes(changed) == [])

        // A configuration turning the rule off, announced by didChangeWatchedFiles.
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [["text": Self.opinion]]])
        #expect(codes(try client.diagnostics(uri)) == ["personal-opinion"])
        let configuration = try folder.write(".postlint.yml", "rules:\n  personal-opinion: off\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": DocumentURI.fileURI(configuration), "type": 1]]])
        #expect(codes(try client.diagnostics(uri)) == [])

        // Edited again (to an error level), picked up on save by its modification stamp alone.
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: error\n")
        client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        let saved = try client.diagnostics(uri)
        #expect(codes(saved) == ["personal-opinion"])
        #expect((saved["diagnostics"] as? [[String: Any]])?.first?["severity"] as? Int == 1)

        // A broken configuration: one message with file:line:col, and checking goes on with the defaults.
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: sometimes\n")
        client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        let shown = try client.wait(for: "window/showMessage") { $0["method"] as? String == "window/showMessage" }
        let message = (shown["params"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains(".postlint.yml:2:21"))
        let withDefaults = try client.diagnostics(uri)
        #expect((withDefaults["diagnostics"] as? [[String: Any]])?.first?["severity"] as? Int == 2)

        // didClose → an empty list.
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        #expect(codes(try client.diagnostics(uri)) == [])

        // shutdown, a request after it, exit → 0.
        let shutdown = client.request("shutdown")
        #expect(try client.response(shutdown)["result"] is NSNull)
        let late = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        #expect((try client.response(late)["error"] as? [String: Any])?["code"] as? Int == -32600)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
        #expect(!client.standardError.contains("I think"))  // the log never holds draft text
        #expect(client.pending.allSatisfy { $0["unparseable"] == nil })
    }

    @Test func pupilNameQuickFixAndRosterReload() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Legal Surname,Legal Forename,Preferred Forename,Year,Reg\nWhitfield,Oliver,,3,3W\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        let text = "🎉 Oliver Whitfield won the race and Priya Sharma came second.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n"
        let draft = try folder.write("news/race.txt", text)
        let uri = DocumentURI.fileURI(draft)
        let client = try LSPClient(directory: folder.path)
        _ = try initialize(client, encodings: ["utf-16"], root: folder.path)
        open(client, uri, text)
        let opened = try client.diagnostics(uri)
        #expect(codes(opened) == ["pupil-name"])
        let diagnostic = try #require((opened["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["severity"] as? Int == 1)
        #expect(diagnostic["range"] as? [String: [String: Int]] == ["start": ["line": 0, "character": 3],
                                                                  "end": ["line": 0, "character": 19]])

        // The fix as a quick fix, its edit in UTF-16 positions of the current text.
        let action = client.request("textDocument/codeAction", [
            "textDocument": ["uri": uri],
            "range": ["start": ["line": 0, "character": 5], "end": ["line": 0, "character": 5]],
            "context": ["diagnostics": [diagnostic], "only": ["quickfix"]],
        ])
        let actions = try #require(try client.response(action)["result"] as? [[String: Any]])
        #expect(actions.count == 1)
        #expect(actions.first?["kind"] as? String == "quickfix")
        #expect((actions.first?["title"] as? String)?.contains("Oliver") == true)
        let edits = try #require(((actions.first?["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[uri])
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == "")
        #expect(edits.first?["range"] as? [String: [String: Int]] == ["start": ["line": 0, "character": 9],
                                                                    "end": ["line": 0, "character": 19]])

        // A new roster export is picked up on the next check.
        try folder.write("pupils.csv", "Legal Surname,Legal Forename,Preferred Forename,Year,Reg\nWhitfield,Oliver,,3,3W\nSharma,Priya,,4,4F\n")
        client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        #expect(codes(try client.diagnostics(uri)) == ["pupil-name", "pupil-name"])
        #expect(!client.standardError.contains("Priya") && !client.standardError.contains("Oliver"))

        let shutdown = client.request("shutdown")
        _ = try client.response(shutdown)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func codePointColumnsWhenTheClientOffersThem() throws {
        let folder = try TemporaryFolder()
        let client = try LSPClient(directory: folder.path)
        let result = try initialize(client, encodings: ["utf-8", "utf-32", "utf-16"], root: folder.path)
        #expect((result["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-32")
        let uri = DocumentURI.fileURI(folder.absolute("post.md"))
        open(client, uri, Self.opinion, languageID: "markdown")
        let diagnostic = try #require((try client.diagnostics(uri)["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["range"] as? [String: [String: Int]] == ["start": ["line": 0, "character": 12],
                                                                  "end": ["line": 0, "character": 19]])
        client.notify("exit")  // without shutdown
        #expect(client.waitForExit() == 1)
    }

    @Test func endOfInputWithoutExitEndsTheServer() throws {
        let folder = try TemporaryFolder()
        let client = try LSPClient(directory: folder.path)
        _ = try initialize(client, encodings: [], root: folder.path)
        let shutdown = client.request("shutdown")
        _ = try client.response(shutdown)
        try client.closeInput()
        #expect(client.waitForExit() == 0)
    }

    /// Each edit of a typical post is answered with the diagnostics of that version, the same the
    /// engine finds in the text (how fast is `postlint-bench --only lsp-latency`, docs/benchmarks.md).
    /// Edits alternate between adding an opinion and a plain paragraph, so a stale answer shows.
    @Test func everyChangeIsAnsweredWithTheDiagnosticsOfThatVersion() throws {
        let folder = try TemporaryFolder()
        let sample = try String(contentsOfFile: PostLintProcess.packageRoot + "/Samples/news/harvest-festival.html", encoding: .utf8)
        let client = try LSPClient(directory: folder.path)
        _ = try initialize(client, encodings: ["utf-16"], root: folder.path)
        let uri = DocumentURI.fileURI(folder.absolute("harvest-festival.html"))
        open(client, uri, sample, languageID: "html")
        _ = try client.diagnostics(uri)
        var opinions: [Int] = []
        for version in 2...7 {
            let paragraph = version.isMultiple(of: 2) ? "<p>I think edit \(version) was lovely.</p>" : "<p>Edit \(version).</p>"
            let edited = sample.replacingOccurrences(of: "</body>", with: paragraph + "</body>")
            #expect(edited != sample)
            client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version],
                                                     "contentChanges": [["text": edited]]])
            let published = try client.diagnostics(uri)
            #expect(published["version"] as? Int == version)
            let expected = Linter().lint(text: edited, path: folder.absolute("harvest-festival.html"), format: .html)
                .diagnostics.map { "\($0.ruleID)@\($0.region.start.line - 1)" }
            let lines = (published["diagnostics"] as? [[String: Any]] ?? []).map { diagnostic in
                "\(diagnostic["code"] as? String ?? "")@\((diagnostic["range"] as? [String: [String: Int]])?["start"]?["line"] ?? -1)"
            }
            #expect(lines.sorted() == expected.sorted(), "version \(version)")
            opinions.append(lines.filter { $0.hasPrefix("personal-opinion@") }.count)
        }
        #expect(opinions[0] == opinions[1] + 1, "the opinion an edit adds is found, and gone with the next edit: \(opinions)")
        let shutdown = client.request("shutdown")
        _ = try client.response(shutdown)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }
}
