import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 6's catalogue of bad drafts, each through the real binary: no crash, no hang (every run has a
/// deadline and the test a time limit), bounded memory where size matters, a message naming the file
/// (and line), the other file still checked, and the documented exit status.
///
/// Cases already covered elsewhere through the CLI are not repeated: a PNG named `.html`, a missing
/// file, an unclosed comment (CLITests), a Word file that `--fix` leaves alone (DocxReaderTests).
/// Serialized: several cases are large, and the cores are shared; each run has its own deadline.
@Suite(.serialized, .timeLimit(.minutes(3))) struct HostileInputTests {
    /// The draft every run checks beside the hostile one: its warning proves the run went on.
    static let witness = ("other.txt", "I think so.\n")
    static let witnessFinding = "other.txt:1:1: warning: “I think”"

    /// Writes `files` plus the witness, checks them all, and checks the common promises.
    static func check(_ files: [(String, [UInt8])], arguments: [String] = [], setUp: (TemporaryFolder) throws -> Void = { _ in },
                      timeout: Duration = .seconds(90)) throws -> (PostLintProcess.Result, TemporaryFolder) {
        let folder = try TemporaryFolder()
        for (name, bytes) in files {
            let path = folder.absolute(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        try folder.write(witness.0, witness.1)
        try setUp(folder)
        let names = files.map(\.0)
        let result = try PostLintProcess.run(["check", "--color", "never"] + names + [witness.0] + arguments,
                                             in: folder.path, timeout: timeout)
        #expect(!result.timedOut, "postlint did not finish in time")
        #expect(result.status >= 0 && result.status <= 2, "crashed: status \(result.status)\n\(result.standardError)")
        let witnessed = arguments.contains("json") ? result.standardOutput.contains("\"path\" : \"other.txt\"") || result.standardOutput.contains("\"path\":\"other.txt\"")
            : result.standardOutput.contains(witnessFinding)
        #expect(witnessed, "the other draft is still checked:\n\(result.standardOutput.prefix(2000))")
        return (result, folder)
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: Drafts

    @Test(arguments: ["empty.html", "empty.md", "empty.txt"]) func emptyDraft(name: String) throws {
        let (result, _) = try Self.check([(name, [])], arguments: ["--format", "json"])
        try Self.expectOnlyWholeDraftFindings(result, name)
    }

    @Test(arguments: ["blank.html", "blank.md", "blank.txt"]) func whitespaceOnlyDraft(name: String) throws {
        let (result, _) = try Self.check([(name, Self.bytes("  \n\t\n\r\n   \u{00A0}\n"))], arguments: ["--format", "json"])
        try Self.expectOnlyWholeDraftFindings(result, name)
    }

    /// A draft with nothing in it is read without a problem and gets only what a whole post must
    /// have: a byline, and in HTML the logo.
    static func expectOnlyWholeDraftFindings(_ result: PostLintProcess.Result, _ name: String) throws {
        #expect(result.status != 2, "an empty draft is not an error: \(result.standardOutput)")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        let file = try #require(report.files.first { $0.path == name })
        #expect(file.problems.isEmpty, "\(file.problems)")
        let expected = name.hasSuffix(".html") ? ["missing-author-position", "missing-logo"] : ["missing-author-position"]
        #expect(file.diagnostics.map(\.ruleId).sorted() == expected)
    }

    @Test func pdfNamedHTMLIsAClearError() throws {
        var pdf = Self.bytes("%PDF-1.7\n%")
        pdf += [0xE2, 0xE3, 0xCF, 0xD3, 0x0A] + Self.bytes("1 0 obj\n<< /Type /Catalog >>\nstream\n")
        pdf += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let (result, _) = try Self.check([("report.html", pdf)])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("report.html"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("error"))
    }

    @Test(arguments: ["nul.html", "nul.md", "nul.txt"]) func nulBytesNameTheFileAndLine(name: String) throws {
        let (result, _) = try Self.check([(name, Self.bytes("Fine line.\nA broken ") + [0] + Self.bytes(" line.\n"))])
        #expect(result.standardOutput.contains("\(name):2:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("NUL"))
    }

    @Test func invalidUTF8IsReadAndSaid() throws {
        // Latin-1/Windows-1252 bytes that are not UTF-8: read as Windows-1252, with a warning.
        let (result, _) = try Self.check([("old.txt", Self.bytes("Caf") + [0xE9, 0x20, 0xFF, 0xFE, 0x80] + Self.bytes("\nI think so.\n"))])
        #expect(result.standardOutput.contains("old.txt:2:1: warning:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("old.txt"))
        #expect(result.standardOutput.contains("Windows-1252"), "\(result.standardOutput)")
    }

    @Test(arguments: [false, true]) func utf16WithBOM(bigEndian: Bool) throws {
        let text = "<p>Our news.</p>\n<p>I think the fair was fun.</p>\n"
        var encoded: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            encoded += bigEndian ? pair : pair.reversed()
        }
        let (result, _) = try Self.check([("utf16.html", encoded)])
        #expect(result.standardOutput.contains("utf16.html:2:4: warning:"), "\(result.standardOutput)")
    }

    @Test func windows1252SmartQuotes() throws {
        let text = Self.bytes("Our head said ") + [0x93] + Self.bytes("well done") + [0x94] + Self.bytes(".\nI think it") + [0x92] + Self.bytes("s great.\n")
        let (result, _) = try Self.check([("smart.md", text)])
        #expect(result.standardOutput.contains("smart.md:2:1: warning:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Windows-1252"), "\(result.standardOutput)")
    }

    @Test(.timeLimit(.minutes(5)), arguments: ["big.html"]) func fiftyMegabyteDraft(name: String) throws {
        let paragraph = name.hasSuffix(".html")
            ? "<p>The children of Year 3 visited the farm and fed the lambs on a sunny morning in spring.</p>\n"
            : "The children of Year 3 visited the farm and fed the lambs on a sunny morning in spring.\n\n"
        var draft = [UInt8]()
        draft.reserveCapacity(50_100_000)
        let unit = Self.bytes(paragraph)
        while draft.count < 50_000_000 { draft += unit }
        draft += Self.bytes(name.hasSuffix(".html") ? "<p>I think so.</p>\n" : "I think so.\n")
        let (result, _) = try Self.check([(name, draft)], timeout: .seconds(280))
        #expect(result.standardOutput.contains("\(name):"), "the last line's finding is reported")
        #expect(result.peakMemoryKB < 3_000_000, "peak memory \(result.peakMemoryKB) kB for a 50 MB draft")
    }

    @Test(arguments: ["line.html", "line.md", "line.txt"]) func fiveMegabyteLine(name: String) throws {
        var line = [UInt8]()
        let unit = Self.bytes("The children fed the lambs &amp; the goats. ")
        while line.count < 5_000_000 { line += unit }
        line += Self.bytes("I think so.\n")
        let (result, _) = try Self.check([(name, line)])
        #expect(result.standardOutput.contains("\(name):1:"), "\(result.standardOutput.prefix(1000))")
        #expect(result.peakMemoryKB < 1_500_000, "peak memory \(result.peakMemoryKB) kB for a 5 MB line")
    }

    @Test func htmlNestedHundredThousandDeep() throws {
        let draft = String(repeating: "<div>", count: 100_000) + "<p>I think so.</p>" + String(repeating: "</div>", count: 100_000)
        let (result, _) = try Self.check([("deep.html", Self.bytes(draft))])
        #expect(result.standardOutput.contains("deep.html:1:"), "\(result.standardOutput.prefix(1000))")
        #expect(result.standardOutput.contains("nested"))
        #expect(result.peakMemoryKB < 1_500_000, "peak memory \(result.peakMemoryKB) kB")
    }

    @Test func unclosedTagsAndAttributes() throws {
        let draft = "<html><body>\n<p>I think the fair was fun.</p>\n<p class=\"x>Unclosed attribute\n<a href='y'>link\n<p"
        let (result, _) = try Self.check([("open.html", Self.bytes(draft))])
        #expect(result.status == 2, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("open.html:2:4: warning:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("open.html:3:") || result.standardOutput.contains("open.html:5:"),
                "the problem names its line: \(result.standardOutput)")
    }

    @Test func scriptStyleAndCDATAAreNotProse() throws {
        let draft = """
            <html><head><style>/* Oliver Whitfield 07700 900123 */ p { color: red }</style>
            <script>var pupil = "Oliver Whitfield"; var phone = "07700 900123"; // I think</script></head>
            <body><img src="logo.png" alt="logo"><![CDATA[ Oliver Whitfield 07700 900123 oliver@example.com ]]>
            <p>We had a lovely day.</p><p>Mrs Ann Lee, Headteacher</p></body></html>
            """
        let (result, _) = try Self.check([("script.html", Self.bytes(draft))], arguments: ["--format", "json"],
                                         setUp: { try Self.writeRoster(in: $0) })
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        let file = try #require(report.files.first { $0.path == "script.html" })
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics.map(\.ruleId))")
    }

    static func writeRoster(in folder: TemporaryFolder) throws {
        try folder.write("pupils.csv", "Legal Surname,Legal Forename\nWhitfield,Oliver\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
    }

    @Test func thousandsOfCharacterReferences() throws {
        let references = String(repeating: "&amp;&#169;&#x263A;&eacute;&nosuch;&#0;&#xD800;&#99999999; ", count: 20_000)
        let (result, _) = try Self.check([("refs.html", Self.bytes("<p>\(references)</p>\n<p>I think so.</p>\n")),
                                          ("refs.md", Self.bytes("\(references)\n\nI think so.\n"))])
        #expect(result.standardOutput.contains("refs.html:2:4: warning:"), "\(result.standardOutput.prefix(2000))")
        #expect(result.standardOutput.contains("refs.md:3:1: warning:"))
    }

    @Test func doctypeEntitiesAreNeitherExpandedNorFetched() throws {
        let folder = try TemporaryFolder()
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let secretPath = try folder.write("secret.txt", secret)
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)"
        var laughs = "<!ENTITY l0 \"lol\">"
        for level in 1...12 { laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        let draft = """
            <!DOCTYPE html [\(laughs)<!ENTITY secret SYSTEM "file://\(secretPath)"><!ENTITY plain SYSTEM "\(secretPath)">\
            <!ENTITY net SYSTEM "\(url)/entity"><!ENTITY % pe SYSTEM "\(url)/pe"> %pe;]>
            <html><head><link rel="stylesheet" href="\(url)/style.css"><script src="\(url)/x.js"></script></head>
            <body><img src="\(url)/logo.png" alt="logo"><iframe src="\(url)/frame"></iframe>
            <p>&l12; &secret; &plain; &net;</p>
            <p>I think so.</p></body></html>
            """
        try folder.write("entities.html", draft)
        try folder.write("entities.md", "[x](\(url)/md) ![logo](\(url)/logo.png)\n\nI think so.\n")
        let external = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(url)/dtd\"><html><body><p>I think.</p></body></html>\n"
        try folder.write("external.xhtml", external)
        try folder.write(Self.witness.0, Self.witness.1)
        let result = try PostLintProcess.run(["check", "entities.html", "entities.md", "external.xhtml", Self.witness.0],
                                             in: folder.path, timeout: .seconds(60))
        #expect(!result.timedOut, "nothing waits on the silent listener")
        #expect(result.standardOutput.contains(Self.witnessFinding))
        #expect(result.standardOutput.contains("entities.html:5:4: warning:"), "\(result.standardOutput)")
        #expect(!(result.standardOutput + result.standardError).contains(secret), "a SYSTEM entity was read")
        #expect(!(result.standardOutput + result.standardError).contains("lollollol"), "an entity was expanded")
        #expect(result.peakMemoryKB < 500_000)
        #expect(listener.connections() == 0, "postlint opened a network connection")
    }

    @Test func markdownWithBrokenFrontMatter() throws {
        let cases: [(String, String)] = [
            ("unclosed.md", "---\ntitle: News\nauthor: [Mrs Lee\n\nI think so.\n"),
            ("badyaml.md", "---\ntitle: [unclosed\n  - : :\n---\nI think so.\n"),
            ("tabs.md", "---\n\ttitle: x\n---\nI think so.\n"),
            ("bomb.md", "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\nI think so.\n"),
        ]
        let (result, _) = try Self.check(cases.map { ($0.0, Self.bytes($0.1)) }, timeout: .seconds(60))
        // The body after the front matter is still checked, on its own line…
        for (name, line) in [("unclosed.md", 5), ("badyaml.md", 5), ("tabs.md", 4), ("bomb.md", 11)] {
            #expect(result.standardOutput.contains("\(name):\(line):1: warning: “I think”"), "\(name): \(result.standardOutput)")
        }
        // …and front matter that is not YAML is an error at its line.
        #expect(result.standardOutput.contains("badyaml.md:3:1: error: badyaml.md: front matter is not valid YAML"))
        #expect(result.standardOutput.contains("tabs.md:2:1: error: tabs.md: front matter is not valid YAML"))
        #expect(result.peakMemoryKB < 500_000)
    }

    @Test func corruptAndZipBombWordDrafts() throws {
        var bomb = Array(DocxFixture.document(DocxFixture.p("Hello.")).utf8)
        bomb.append(contentsOf: [UInt8](repeating: 0x20, count: 200_000_000))
        var bombZip = try DocxFixture.zip([("word/document.xml", bomb)])
        DocxFixture.declareUncompressedSize(2048, of: "word/document.xml", in: &bombZip)
        var truncated = try DocxFixture.docx(DocxFixture.p("I think so."))
        truncated.removeLast(truncated.count / 2)
        let (result, _) = try Self.check([("bomb.docx", bombZip), ("truncated.docx", truncated),
                                          ("text.docx", Self.bytes("I think so, but I am not a zip.\n"))])
        #expect(result.status == 2)
        for (name, reason) in [("bomb.docx", "unpacking was stopped"), ("truncated.docx", "the zip archive is damaged"),
                               ("text.docx", "does not start like one")] {
            let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("\(name): error:") }
            #expect(line?.contains(reason) == true, "\(name) is named with why: \(result.standardOutput)")
        }
        #expect(result.peakMemoryKB < 1_000_000, "peak memory \(result.peakMemoryKB) kB for a zip bomb")
    }

    // MARK: Paths

    @Test func symlinkLoopsEnd() throws {
        let (result, _) = try Self.check([("news/post.txt", Self.bytes("I believe it.\n"))], arguments: ["news", "loop.html"]) { folder in
            try folder.link("news/again", to: folder.absolute("news"))
            try folder.link("news/up", to: "..")
            try folder.link("loop.html", to: "loop2.html")
            try folder.link("loop2.html", to: "loop.html")
        }
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("loop.html"), "\(result.standardOutput)")
        #expect(result.standardOutput.components(separatedBy: "news/post.txt:1:1: warning: “I believe”").count == 2, "checked once")
    }

    @Test func fifoNamedOrInAFolderNeverBlocks() throws {
        let (result, _) = try Self.check([], arguments: ["pipe.html", "drafts"]) { folder in
            _ = try folder.makeFolder("drafts")
            #expect(mkfifo(folder.absolute("pipe.html"), 0o644) == 0)
            #expect(mkfifo(folder.absolute("drafts/pipe.md"), 0o644) == 0)
        }
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("pipe.html"), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("pipe.md"), "FIFOs found while walking are skipped")
    }

    @Test func unreadableFileIsReportedAndTheRestChecked() throws {
        // Root reads any file, so the run drops to `nobody` when the tests run as root.
        let folder = try TemporaryFolder()
        try folder.write("locked.html", "<p>I think so.</p>\n")
        try folder.write(Self.witness.0, Self.witness.1)
        chmod(folder.absolute("locked.html"), 0)
        let result = try Self.runUnprivileged(["check", "locked.html", Self.witness.0], in: folder)
        #expect(!result.timedOut)
        #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("locked.html"))
        #expect(result.standardOutput.contains("permission denied"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains(Self.witnessFinding))
    }

    /// Runs postlint as `nobody` when the tests are root (via setpriv), else as the current user.
    static func runUnprivileged(_ arguments: [String], in folder: TemporaryFolder) throws -> PostLintProcess.Result {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            return try PostLintProcess.run(arguments, in: folder.path)
        }
        chmod(folder.path, 0o755)
        return try PostLintProcess.run(arguments, in: folder.path,
                                       executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                                       prefix: ["--reuid=65534", "--regid=65534", "--clear-groups", PostLintProcess.executable.path])
    }

    @Test func fileThatVanishesBeforeItIsReadIsAProblemNamingIt() throws {
        let folder = try TemporaryFolder()
        let gone = try folder.write("gone.html", "<p>I think so.</p>\n")
        let kept = try folder.write("kept.txt", "I think so.\n")
        let collected = FileCollector(resolver: ConfigurationResolver(loader: ConfigurationLoader(knownRuleIDs: Set(Linter().descriptors.map(\.id))), workingDirectory: folder.path)).collect([folder.path])
        #expect(collected.files.count == 2)
        try FileManager.default.removeItem(atPath: gone)
        var reports: [FileReport] = []
        BatchLinter(linter: Linter()) { _ in BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil) }
            .run(collected.files.map { ($0, DocumentFormat(path: $0)!) }) { reports.append($0) }
        #expect(reports.count == 2)
        let vanished = try #require(reports.first { $0.path.hasSuffix("gone.html") })
        #expect(vanished.problems.first?.message.contains("no such file or directory") == true)
        #expect(reports.first { $0.path == kept || $0.path.hasSuffix("kept.txt") }?.diagnostics.isEmpty == false)
    }

    @Test func namesWithSpacesQuotesAndNonASCII() throws {
        let names = ["my post.html", "it's \"quoted\".md", "café ñandú 日本.txt", "tab\there.txt", "back\\slash.md"]
        let (result, _) = try Self.check(names.map { ($0, Self.bytes("I think so.\n")) }, arguments: ["--format", "json"])
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        for name in names {
            let file = report.files.first { $0.path == name }
            #expect(file?.diagnostics.contains { $0.ruleId == "personal-opinion" } == true, "\(name): \(report.files.map(\.path))")
        }
        let folder = try Self.folderWith(names)
        let text = try PostLintProcess.run(["check", "--color", "never", "."], in: folder.path)
        for name in names { #expect(text.standardOutput.contains(name), "\(name) in \(text.standardOutput)") }
    }

    static func folderWith(_ names: [String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in names { try folder.write(name, "I think so.\n") }
        return folder
    }

    @Test func pathGivenTwiceIsCheckedOnce() throws {
        let (result, folder) = try Self.check([], arguments: [Self.witness.0, "./\(Self.witness.0)", "."])
        #expect(result.standardOutput.components(separatedBy: Self.witnessFinding).count == 2, "\(result.standardOutput)")
        let absolute = try PostLintProcess.run(["check", folder.absolute(Self.witness.0), Self.witness.0], in: folder.path)
        #expect(absolute.standardOutput.components(separatedBy: Self.witnessFinding).count == 2, "\(absolute.standardOutput)")
    }

    // MARK: Configuration and roster

    @Test(arguments: [
        ("school: [unclosed\n", ".postlint.yml:2:1:"),
        ("school:\n  name: Beechwood\n   domains: x\n", ".postlint.yml:3:"),
        ("rules: 5\n", ".postlint.yml:1:8:"),
        ("school:\n  name: [a, b]\n", ".postlint.yml:2:9:"),
        ("rules:\n  pupil-name: loud\n", ".postlint.yml:2:15:"),
        ("colour: red\n", ".postlint.yml:1:1:"),
        ("roster: 7\n", ".postlint.yml:1:9:"),
        ("\u{FEFF}ignore: {a: b}\n", ".postlint.yml:1:"),
    ])
    func brokenConfigurationNamesFileLineAndColumn(yaml: String, expected: String) throws {
        let (result, _) = try Self.check([], setUp: { try $0.write(".postlint.yml", yaml) })
        #expect(result.status == 2)
        #expect(result.standardOutput.contains(expected), "\(result.standardOutput)")
    }

    @Test func aliasBombConfigurationIsRefusedQuickly() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (index, name) in "bcdefghi".enumerated() {
            let previous = Array("abcdefghi")[index]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "ignore: *i\n"
        let (result, _) = try Self.check([], setUp: { try $0.write(".postlint.yml", yaml) }, timeout: .seconds(60))
        #expect(result.status == 2)
        #expect(result.standardOutput.contains(".postlint.yml:"), "\(result.standardOutput)")
        #expect(result.peakMemoryKB < 500_000)
    }

    @Test(arguments: [
        ("Year,Reg\n3,3W\n", "pupils.csv:1:"),
        ("", "pupils.csv"),
        ("Surname,Forename\n", "pupils.csv"),
        ("Surname,Forename\nWhitfield\n", "pupils.csv:2:"),
        ("Surname,Forename\n\"Whitfield,Oliver\n", "pupils.csv:2:"),
    ])
    func brokenRosterNamesTheFileAndLine(csv: String, expected: String) throws {
        let (result, _) = try Self.check([], setUp: { folder in
            try folder.write("pupils.csv", csv)
            try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        })
        #expect(result.status == 2)
        #expect(result.standardOutput.contains(expected), "\(result.standardOutput)")
    }

    @Test func missingRosterFileIsAnErrorNamingIt() throws {
        let (result, _) = try Self.check([], setUp: { try $0.write(".postlint.yml", "roster: [nowhere/pupils.csv]\n") })
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("pupils.csv"), "\(result.standardOutput)")
    }

    @Test func duplicateNamesAndAFiveMegabyteRoster() throws {
        var csv = "Legal Surname,Legal Forename,Year\nWhitfield,Oliver,3\nWHITFIELD,oliver,3\n"
        var index = 0
        while csv.utf8.count < 5_000_000 {
            csv += "Surname\(index),Forename\(index),\(index % 7)\n"
            index += 1
        }
        let (result, _) = try Self.check([("news.txt", Self.bytes("Well done Oliver Whitfield!\n"))], setUp: { folder in
            try folder.write("pupils.csv", csv)
            try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        })
        #expect(result.status == 1, "\(result.standardOutput.prefix(2000))")
        #expect(result.standardOutput.contains("news.txt:1:11: error:"), "\(result.standardOutput.prefix(2000))")
        #expect(result.peakMemoryKB < 1_500_000)
    }

    // MARK: Output

    @Test func outputThatCannotBeWrittenLeavesNoPartialFile() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.witness.0, Self.witness.1)
        _ = try folder.makeFolder("report.json")  // a folder where the report should go
        let result = try PostLintProcess.run(["check", Self.witness.0, "--format", "json", "--output", "report.json"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("report.json"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["other.txt", "report.json"], "no temporary file is left: \(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.absolute("report.json")).isEmpty)
    }

    @Test func fixReplacesAtomicallyAndKeepsPermissions() throws {
        let folder = try TemporaryFolder()
        try Self.writeRoster(in: folder)
        let draft = try folder.write("news.html", "<p>Well done Oliver Whitfield!</p>\n")
        chmod(draft, 0o640)
        var before = stat()
        stat(draft, &before)
        let result = try PostLintProcess.run(["check", "--fix", "news.html"], in: folder.path)
        #expect(!result.timedOut)
        #expect(result.standardError.contains("applied 1 fix"), "\(result.standardOutput)\(result.standardError)")
        #expect(try String(contentsOfFile: draft, encoding: .utf8) == "<p>Well done Oliver!</p>\n")
        var after = stat()
        stat(draft, &after)
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_ino != before.st_ino, "replaced by rename, not rewritten in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".postlint.yml", "news.html", "pupils.csv"])
    }
}

/// A TCP listener on 127.0.0.1 that counts the connections made to it, to prove nothing was fetched.
final class LoopbackListener {
    let socketDescriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { close(descriptor); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
    }

    /// Connections waiting to be accepted (the kernel completes the handshake without us).
    func connections() -> Int {
        var count = 0
        while true {
            let client = accept(socketDescriptor, nil, nil)
            guard client >= 0 else { return count }
            close(client)
            count += 1
        }
    }

    deinit { close(socketDescriptor) }
}
