import Foundation
@testable import PostLint
@testable import PostLintLanguageServer
import PostLintTestSupport
import Testing

/// A check with a fix, since no built-in check attaches fixes yet: "colour" → "color" style rewrite of
/// the word "thru" to "through", so code actions have something to offer.
private struct ThruCheck: Check {
    let descriptor = CheckDescriptor(
        id: "no-thru", title: "Informal spelling", explanation: "Official posts use standard spelling.",
        policy: PolicyClause(section: "8", heading: "Content of Webspace", text: "Posts must be written with care."),
        defaultLevel: .warning, help: "Write “through”.", isFixable: true)

    func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let bytes = document.source.utf8
        let needle = Array("thru".utf8)
        var findings: [Finding] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if Array(bytes[index..<index + needle.count]) == needle {
                let range = index..<index + needle.count
                findings.append(Finding(range: range, message: "“thru” is informal",
                                        fix: Fix(description: "Replace with “through”",
                                                 edits: [Fix.Edit(range: range, replacement: "through")])))
                index += needle.count
            } else {
                index += 1
            }
        }
        return findings
    }
}

@Suite struct LanguageServerFramingTests {
    private func frames(_ chunks: [String]) -> [MessageReader.Frame] {
        var reader = MessageReader()
        var result: [MessageReader.Frame] = []
        for chunk in chunks {
            reader.append(Array(chunk.utf8))
            while let frame = reader.next() { result.append(frame) }
        }
        return result
    }

    @Test func readsMessagesSplitAnywhereAndSeveralInOneChunk() {
        let one = "{\"a\":\"é😀\"}"
        let two = "{}"
        let stream = "Content-Length: \(one.utf8.count)\r\n\r\n\(one)Content-Length: 2\r\n\r\n\(two)"
        let bytes = Array(stream.utf8)
        // Every split point, including inside the header and inside a multi-byte character.
        for split in 0...bytes.count {
            var reader = MessageReader()
            var result: [MessageReader.Frame] = []
            reader.append(bytes[..<split])
            while let frame = reader.next() { result.append(frame) }
            reader.append(bytes[split...])
            while let frame = reader.next() { result.append(frame) }
            #expect(result == [.message(Array(one.utf8)), .message(Array(two.utf8))], "split at \(split)")
        }
    }

    @Test func headersAreCaseInsensitiveAndContentTypeIsAllowed() {
        #expect(frames(["content-length:2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"])
            == [.message(Array("{}".utf8))])
    }

    @Test func aBrokenHeaderIsReportedAndTheNextMessageStillArrives() {
        let result = frames(["Content-Lenght: 5\r\n\r\nhello", "Content-Length: 2\r\n\r\n{}"])
        #expect(result.count == 2)
        if case .malformed(let reason) = result.first { #expect(reason.contains("Content-Length")) } else {
            Issue.record("expected a malformed frame, got \(result)")
        }
        #expect(result.last == .message(Array("{}".utf8)))
        let notANumber = frames(["Content-Length: twelve\r\n\r\n", "Content-Length: 2\r\n\r\n{}"])
        #expect(notANumber.count == 2)
        #expect(notANumber.last == .message(Array("{}".utf8)))
    }

    @Test func framingWritesTheByteLength() {
        #expect(String(decoding: MessageFramer.frame(Array("{\"é\":1}".utf8)), as: UTF8.self) == "Content-Length: 8\r\n\r\n{\"é\":1}")
    }
}

@Suite struct LanguageServerPositionTests {
    // "😀" is one code point and two UTF-16 units; "é" one of each; "中" one of each (three bytes).
    let source = SourceText(path: "t.txt", text: "a😀é I think\r\n中😀x\n")

    @Test func negotiatesCodePointsWhenOfferedElseUTF16() {
        #expect(PositionEncoding.negotiate(offered: ["utf-8", "utf-32", "utf-16"]) == .utf32)
        #expect(PositionEncoding.negotiate(offered: ["utf-8", "utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-8"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
    }

    @Test func columnsAfterAnEmojiDifferBetweenUTF16AndUTF32() {
        let iOffset = Array(source.utf8).firstIndex(of: UInt8(ascii: "I"))!
        let utf16 = PositionConverter(source: source, encoding: .utf16)
        let utf32 = PositionConverter(source: source, encoding: .utf32)
        let utf8 = PositionConverter(source: source, encoding: .utf8)
        #expect(utf16.position(ofByte: iOffset) == LSP.Position(line: 0, character: 5))
        #expect(utf32.position(ofByte: iOffset) == LSP.Position(line: 0, character: 4))
        #expect(utf8.position(ofByte: iOffset) == LSP.Position(line: 0, character: 8))
        // The same through a diagnostic's region positions.
        let region = source.lines.region(of: iOffset..<iOffset + 7)
        #expect(utf16.range(region) == LSP.Range(start: .init(line: 0, character: 5), end: .init(line: 0, character: 12)))
        #expect(utf32.range(region) == LSP.Range(start: .init(line: 0, character: 4), end: .init(line: 0, character: 11)))
        // Second line: after "中😀" the x is at UTF-16 3, code point 2.
        let xOffset = Array(source.utf8).lastIndex(of: UInt8(ascii: "x"))!
        #expect(utf16.position(ofByte: xOffset) == LSP.Position(line: 1, character: 3))
        #expect(utf32.position(ofByte: xOffset) == LSP.Position(line: 1, character: 2))
    }

    @Test func positionsRoundTripToBytesInEveryEncoding() {
        let bytes = source.utf8
        for encoding in PositionEncoding.allCases {
            let converter = PositionConverter(source: source, encoding: encoding)
            for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                if offset > 0, bytes[offset - 1] == 0x0D { continue }  // between CR and LF: no character
                #expect(converter.byteOffset(of: converter.position(ofByte: offset)) == offset, "\(encoding) \(offset)")
            }
        }
    }

    @Test func aLoneCREndsALineAsTheSpecificationSays() {
        // Old Mac line ends, then CR LF, then LF: LSP counts each as one line end.
        let source = SourceText(path: "t.txt", text: "one\rtwo 😀x\r\nthree\nfour")
        let bytes = Array(source.utf8)
        for encoding in PositionEncoding.allCases {
            let converter = PositionConverter(source: source, encoding: encoding)
            let x = bytes.firstIndex(of: UInt8(ascii: "x"))!
            let character = switch encoding { case .utf8: 8; case .utf16: 6; case .utf32: 5 }
            #expect(converter.position(ofByte: x) == LSP.Position(line: 1, character: character), "\(encoding)")
            #expect(converter.position(ofByte: bytes.firstIndex(of: UInt8(ascii: "h"))!) == LSP.Position(line: 2, character: 1))
            #expect(converter.position(ofByte: bytes.count) == LSP.Position(line: 3, character: 4))
            #expect(converter.byteOffset(of: .init(line: 1, character: 0)) == 4)
            #expect(converter.byteOffset(of: .init(line: 0, character: 99)) == 3, "the end of the first line is its CR")
            #expect(converter.byteOffset(of: .init(line: 2, character: 0)) == bytes.firstIndex(of: UInt8(ascii: "h"))! - 1)
        }
    }

    @Test func positionsPastTheEndOfALineOrInsideASurrogatePairAreClamped() {
        let utf16 = PositionConverter(source: source, encoding: .utf16)
        let lineEnd = Array(source.utf8).firstIndex(of: 0x0D)!
        #expect(utf16.byteOffset(of: .init(line: 0, character: 99)) == lineEnd)
        #expect(utf16.byteOffset(of: .init(line: 0, character: 2)) == 1)  // inside 😀: its start
        #expect(utf16.byteOffset(of: .init(line: 9, character: 0)) == source.utf8.count)
    }

    @Test func fileURIsArePercentDecoded() {
        #expect(DocumentURI.filePath("file:///home/j%20patel/Drafts/caf%C3%A9.md") == "/home/j patel/Drafts/café.md")
        #expect(DocumentURI.filePath("file://localhost/tmp/a.txt") == "/tmp/a.txt")
        #expect(DocumentURI.filePath("file:///tmp/100%.txt") == "/tmp/100%.txt")
        #expect(DocumentURI.filePath("untitled:Untitled-1") == nil)
        #expect(DocumentURI.filePath(DocumentURI.fileURI("/tmp/a b/é#1.md")) == "/tmp/a b/é#1.md")
    }

    @Test func formatComesFromTheLanguageIDElseTheExtension() {
        #expect(LanguageServer.format(languageID: "html", uri: "file:///a.txt", path: "/a.txt") == .html)
        #expect(LanguageServer.format(languageID: "markdown", uri: "untitled:1", path: nil) == .markdown)
        #expect(LanguageServer.format(languageID: "jinja", uri: "file:///a.md", path: "/a.md") == .markdown)
        #expect(LanguageServer.format(languageID: "plaintext", uri: "untitled:1", path: nil) == .text)
        #expect(LanguageServer.format(languageID: "text", uri: "file:///notes", path: "/notes") == .text)  // Neovim
        #expect(LanguageServer.format(languageID: "python", uri: "file:///a.py", path: "/a.py") == nil)
    }

    @Test func jsonValuesKeepNumbersBooleansAndStrings() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":1,"b":true,"c":1.5,"d":"x","e":null,"f":[0]}"#.utf8))
        #expect(value == .object(["a": .int(1), "b": .bool(true), "c": .double(1.5), "d": .string("x"), "e": .null,
                                  "f": .array([.int(0)])]))
    }
}

/// Drives a `LanguageServer` in-process through its injectable output.
final class InProcessClient {
    private(set) var sent: [[String: Any]] = []
    private(set) var exitStatus: Int32?
    var server: LanguageServer!

    init(linter: Linter = Linter(), encodings: [String] = ["utf-16"]) {
        server = LanguageServer(linter: linter, workingDirectory: "/", send: { [unowned self] bytes in
            // Strip the header: everything after the blank line.
            let text = String(decoding: bytes, as: UTF8.self)
            let body = text[text.range(of: "\r\n\r\n")!.upperBound...]
            self.sent.append(try! JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any])
        }, onExit: { [unowned self] status in self.exitStatus = status })
        request(1, "initialize", ["capabilities": ["general": ["positionEncodings": encodings]]])
        notify("initialized", [:])
    }

    func raw(_ text: String) { server.handle(Array(text.utf8)) }

    func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) {
        server.handle(Array(try! JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": id, "method": method, "params": params])))
    }

    func notify(_ method: String, _ params: [String: Any]) {
        server.handle(Array(try! JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "method": method, "params": params])))
    }

    func reply(_ id: Int) -> [String: Any]? {
        sent.last { ($0["id"] as? Int) == id }
    }

    func lastDiagnostics(_ uri: String) -> [[String: Any]]? {
        let params = sent.last { ($0["method"] as? String) == "textDocument/publishDiagnostics"
            && (($0["params"] as? [String: Any])?["uri"] as? String) == uri }?["params"] as? [String: Any]
        return params?["diagnostics"] as? [[String: Any]]
    }
}

@Suite struct LanguageServerHandlerTests {
    let uri = "untitled:post"

    @Test func codeActionsOfferTheFixWithEditsInTheNegotiatedEncoding() throws {
        for (encoding, start) in [("utf-16", 5), ("utf-32", 4)] {
            let client = InProcessClient(linter: Linter(checks: [ThruCheck()]), encodings: [encoding])
            client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
                                                                    "text": "a😀é thru the woods\n"]])
            let diagnostics = try #require(client.lastDiagnostics(uri))
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?["code"] as? String == "no-thru")
            client.request(2, "textDocument/codeAction", [
                "textDocument": ["uri": uri],
                "range": ["start": ["line": 0, "character": start + 1], "end": ["line": 0, "character": start + 1]],
                "context": ["diagnostics": []],
            ])
            let actions = try #require(client.reply(2)?["result"] as? [[String: Any]])
            #expect(actions.count == 1)
            #expect(actions.first?["kind"] as? String == "quickfix")
            #expect(actions.first?["title"] as? String == "Replace with “through”")
            let changes = try #require((actions.first?["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])
            let edit = try #require(changes[uri]?.first)
            #expect(edit["newText"] as? String == "through")
            let range = try #require(edit["range"] as? [String: [String: Int]])
            #expect(range["start"] == ["line": 0, "character": start])
            #expect(range["end"] == ["line": 0, "character": start + 4])
            // Outside the finding, and with `only` excluding quick fixes: nothing.
            client.request(3, "textDocument/codeAction", [
                "textDocument": ["uri": uri],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 1]],
            ])
            #expect((client.reply(3)?["result"] as? [Any])?.isEmpty == true)
            client.request(4, "textDocument/codeAction", [
                "textDocument": ["uri": uri],
                "range": ["start": ["line": 0, "character": start], "end": ["line": 0, "character": start]],
                "context": ["diagnostics": [], "only": ["refactor"]],
            ])
            #expect((client.reply(4)?["result"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func hoverExplainsTheRuleAndPolicyClause() throws {
        let client = InProcessClient()
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
                                                                "text": "😀 I think so.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n"]])
        client.request(2, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 4]])
        let result = try #require(client.reply(2)?["result"] as? [String: Any])
        let value = try #require((result["contents"] as? [String: Any])?["value"] as? String)
        #expect(value.contains("**Personal opinion** (`personal-opinion`, warning)"))
        #expect(value.contains("**Policy §8 Content of Webspace:**"))
        #expect(value.contains("> Personal opinions should not be expressed on official school sites."))
        #expect(value.contains("**How to fix:**"))
        #expect(result["range"] as? [String: [String: Int]] == ["start": ["line": 0, "character": 3],
                                                              "end": ["line": 0, "character": 10]])
        client.request(3, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 0]])
        #expect(client.reply(3)?["result"] is NSNull)
    }

    @Test func suppressedFindingsAreNotPublishedAndCloseClearsTheList() throws {
        let client = InProcessClient()
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
            "text": "<!-- postlint-disable-next-line personal-opinion -->\nI think so.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n"]])
        #expect(client.lastDiagnostics(uri)?.isEmpty == true)
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                 "contentChanges": [["text": "I think so.\n"]]])
        #expect(client.lastDiagnostics(uri)?.compactMap { $0["code"] as? String }.contains("personal-opinion") == true)
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        #expect(client.lastDiagnostics(uri)?.isEmpty == true)
    }

    @Test func aBurstOfChangesIsCheckedOnce() {
        let client = InProcessClient()
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
                                                                "text": "Hello.\n"]])
        let before = client.sent.count
        let changes = (2...5).map { version in
            Array(try! JSONSerialization.data(withJSONObject: [
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": "I think \(version).\n"]]],
            ] as [String: Any]))
        }
        client.server.handle(batch: changes)
        #expect(client.sent.count == before + 1)
        let params = client.sent.last?["params"] as? [String: Any]
        #expect(params?["version"] as? Int == 5)
    }

    @Test func errorsFollowJSONRPCAndTheServerKeepsGoing() {
        let client = InProcessClient()
        client.raw("{not json")
        #expect((client.sent.last?["error"] as? [String: Any])?["code"] as? Int == -32700)
        client.raw("[1, 2]")
        #expect((client.sent.last?["error"] as? [String: Any])?["code"] as? Int == -32600)
        client.request(5, "workspace/somethingNew")
        #expect((client.reply(5)?["error"] as? [String: Any])?["code"] as? Int == -32601)
        let count = client.sent.count
        client.notify("$/somethingNew", [:])
        #expect(client.sent.count == count)  // unknown notifications are ignored
        client.request(6, "textDocument/hover", ["textDocument": ["uri": uri]])  // no position
        #expect((client.reply(6)?["error"] as? [String: Any])?["code"] as? Int == -32602)
        client.request(7, "shutdown")
        #expect(client.reply(7)?["result"] is NSNull)
        client.request(8, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
        #expect((client.reply(8)?["error"] as? [String: Any])?["code"] as? Int == -32600)
        client.notify("exit", [:])
        #expect(client.exitStatus == 0)
    }

    @Test func documentsInOtherLanguagesAreNotChecked() {
        let client = InProcessClient()
        let count = client.sent.count
        client.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///tmp/x.py", "languageId": "python",
                                                                "version": 1, "text": "# I think so\n"]])
        #expect(client.sent.count == count)
    }

    @Test func exitWithoutShutdownIsStatusOne() {
        let client = InProcessClient()
        client.notify("exit", [:])
        #expect(client.exitStatus == 1)
    }

    @Test func requestsBeforeInitializeAreRefused() {
        var replies: [String] = []
        let server = LanguageServer(workingDirectory: "/", send: { replies.append(String(decoding: $0, as: UTF8.self)) },
                                    onExit: { _ in })
        server.handle(Array(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#.utf8))
        #expect(replies.last?.contains("-32002") == true)
    }

    @Test func aChangedConfigurationIsPickedUpOnTheNextCheckAndErrorsAreShownOnce() throws {
        let folder = try TemporaryFolder()
        let draft = try folder.write("drafts/post.txt", "I think so.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n")
        let uri = DocumentURI.fileURI(draft)
        let client = InProcessClient()
        func codes() -> [String] { client.lastDiagnostics(uri)?.compactMap { $0["code"] as? String } ?? [] }
        func save() { client.notify("textDocument/didSave", ["textDocument": ["uri": uri]]) }
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1,
                                                                "text": try String(contentsOfFile: draft, encoding: .utf8)]])
        #expect(codes() == ["personal-opinion"])
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: off\n")
        save()
        #expect(codes() == [])
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: sometimes\n")
        save()
        save()
        let messages = client.sent.filter { $0["method"] as? String == "window/showMessage" }
        #expect(messages.count == 1)
        let message = (messages.first?["params"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains(".postlint.yml:2:21"))
        #expect(codes() == ["personal-opinion"])  // checked with the defaults meanwhile
        // The error is also a diagnostic on the configuration file, at its line and column.
        let configurationURI = DocumentURI.fileURI(folder.absolute(".postlint.yml"))
        let onConfiguration = try #require(client.lastDiagnostics(configurationURI))
        #expect(onConfiguration.count == 1)
        let start = (onConfiguration.first?["range"] as? [String: Any])?["start"] as? [String: Int]
        #expect(start == ["line": 1, "character": 20])
        #expect(onConfiguration.first?["severity"] as? Int == 1)
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: error\n")
        save()
        #expect(client.lastDiagnostics(uri)?.first?["severity"] as? Int == 1)
        #expect(client.lastDiagnostics(configurationURI)?.isEmpty == true, "fixed: its diagnostics are cleared")
        // Broken again after being fixed: shown again.
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: sometimes\n")
        save()
        #expect(client.sent.filter { $0["method"] as? String == "window/showMessage" }.count == 2)
        // A roster that cannot be used: its own errors are a message (they are the roster file's), and the
        // draft gets an error at line 1 saying pupil names were NOT checked — never a clean-looking draft.
        try folder.write("pupils.csv", "Colour,Size\nred,4\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        save()
        let rosterMessage = (client.sent.last { $0["method"] as? String == "window/showMessage" }?["params"]
            as? [String: Any])?["message"] as? String ?? ""
        #expect(rosterMessage.contains("pupils.csv"))
        #expect(codes() == ["personal-opinion", "pupil-name"])
        let unchecked = try #require(client.lastDiagnostics(uri)?.first { $0["code"] as? String == "pupil-name" })
        #expect(unchecked["severity"] as? Int == 1)
        #expect((unchecked["message"] as? String)?.contains("NOT checked") == true)
        #expect((unchecked["range"] as? [String: Any])?["start"] as? [String: Int] == ["line": 0, "character": 0])
    }
}
