import Foundation
@testable import PostLint
@testable import PostLintReporters
import PostLintTestSupport
import Testing

/// The SARIF log's structure, as GitHub code scanning reads it. (Schema validity and snippet
/// exactness were checked during development with the official schema; tests stay self-contained.)
struct SARIFReporterTests {
    func parse(_ report: RunReport = ReporterFixture.report()) throws -> [String: Any] {
        let text = SARIFReporter().render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    func results(_ report: RunReport = ReporterFixture.report()) throws -> [[String: Any]] {
        try #require(try run(parse(report))["results"] as? [[String: Any]])
    }

    func region(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        #expect(locations.count == 1)
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["region"] as? [String: Any])
    }

    func artifact(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["artifactLocation"] as? [String: Any])
    }

    @Test func logHasSchemaVersionAndDriver() throws {
        let log = try parse()
        #expect(log["$schema"] as? String == SARIFLog.schemaURI)
        #expect(log["version"] as? String == "2.1.0")
        let run = try run(log)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "postlint")
        #expect(driver["version"] as? String == PostLintInfo.version)
        #expect(driver["semanticVersion"] as? String == PostLintInfo.version)
        #expect(driver["informationUri"] as? String == PostLintInfo.repositoryURL)
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        #expect(bases["%SRCROOT%"]?["uri"] == "file:///work/site/")
    }

    @Test func everyRuleIsDescribed() throws {
        let driver = try #require((try run(parse())["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ReporterFixture.rules.map(\.id))
        let fullName = rules[0]
        #expect(fullName["name"] as? String == "FullName")
        #expect((fullName["shortDescription"] as? [String: String])?["text"] == "Pupil's full name")
        #expect((fullName["fullDescription"] as? [String: String])?["text"] == "Full names identify pupils.")
        let help = try #require(fullName["help"] as? [String: String])
        #expect(help["text"]?.contains("Use a first name or initials.") == true)
        #expect(help["text"]?.contains("\u{00A7}8 Content of Webspace") == true)
        #expect(help["markdown"]?.contains("> Pupils' full names") == true)
        #expect(fullName["helpUri"] as? String == ReporterFixture.rules[0].documentationURL)
        #expect((fullName["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect((fullName["properties"] as? [String: Any])?["tags"] as? [String] == ["privacy"])

        let off = try #require(rules.first { $0["id"] as? String == "exclamation" })
        let configuration = try #require(off["defaultConfiguration"] as? [String: Any])
        #expect(configuration["level"] as? String == "none")
        #expect(configuration["enabled"] as? Bool == false)
        #expect((rules[3]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
    }

    @Test func resultsPointAtTheirRules() throws {
        let driver = try #require((try run(parse())["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ids = try #require(driver["rules"] as? [[String: Any]]).map { $0["id"] as? String }
        let results = try results()
        #expect(results.count == 5)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String } == ["warning", "note", "error", "warning", "warning"])
        #expect((results[0]["message"] as? [String: String])?["text"] == "Pupil's full name in a post")
    }

    @Test func regionsCountCodePointsAndSnippetsUseLF() throws {
        let results = try results()
        let afterEmoji = try region(results[1])
        #expect(afterEmoji["startLine"] as? Int == 2)
        #expect(afterEmoji["startColumn"] as? Int == 28)
        #expect(afterEmoji["endColumn"] as? Int == 35)
        let twoLines = try region(results[3])
        #expect(twoLines["startLine"] as? Int == 3)
        #expect(twoLines["startColumn"] as? Int == 20)
        #expect(twoLines["endLine"] as? Int == 4)
        #expect(twoLines["endColumn"] as? Int == 5)
        #expect((twoLines["snippet"] as? [String: String])?["text"] == "to\nbook")
    }

    @Test func urisAreRelativeAndPercentEncoded() throws {
        let location = try artifact(try results()[0])
        #expect(location["uri"] as? String == "posts/Sports%20day%20%E2%9C%93.md")
        #expect(location["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test func pathsOutsideTheWorkingDirectoryAreAbsoluteFileURIs() throws {
        let outside = ReporterFixture.file(path: "/srv/\u{00C9}t\u{00E9} plan.md")
        let results = try results(RunReport(rules: ReporterFixture.rules, files: [outside], workingDirectory: "/work/site"))
        let location = try artifact(results[0])
        #expect(location["uri"] as? String == "file:///srv/%C3%89t%C3%A9%20plan.md")
        #expect(location["uriBaseId"] == nil)
    }

    @Test func suppressedFindingsAreMarkedInSource() throws {
        let results = try results()
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        #expect(suppressed.first?["ruleId"] as? String == "contact-email")
        #expect(suppressed.first?["suppressions"] as? [[String: String]] == [["kind": "inSource"]])
    }

    @Test func fixesBecomeReplacementsOfRegions() throws {
        let results = try results()
        let fixes = try #require(results[0]["fixes"] as? [[String: Any]])
        #expect(fixes.count == 1)
        #expect((fixes[0]["description"] as? [String: String])?["text"] == "Replace the name with initials")
        let changes = try #require(fixes[0]["artifactChanges"] as? [[String: Any]])
        #expect((changes[0]["artifactLocation"] as? [String: String])?["uri"] == "posts/Sports%20day%20%E2%9C%93.md")
        let replacement = try #require((changes[0]["replacements"] as? [[String: Any]])?.first)
        #expect(replacement["deletedRegion"] as? [String: Int]
            == ["startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 21])
        #expect((replacement["insertedContent"] as? [String: String])?["text"] == "J. S.")
        #expect(results[1]["fixes"] == nil)
    }

    func fingerprints(_ report: RunReport) throws -> [String] {
        try results(report).map { try #require(($0["partialFingerprints"] as? [String: String])?["postlint/v1"]) }
    }

    @Test func fingerprintsSurviveLinesInsertedAbove() throws {
        let before = try fingerprints(ReporterFixture.report([ReporterFixture.file()]))
        let after = try fingerprints(ReporterFixture.report([ReporterFixture.file(prefix: ["New intro line.", ""])]))
        #expect(before == after)
        #expect(Set(before).count == before.count)
        #expect(before.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test func repeatedFindingsGetDistinctFingerprints() {
        var fingerprint = PartialFingerprint()
        let first = fingerprint.next(ruleID: "full-name", snippet: "Jane  Smith")
        let second = fingerprint.next(ruleID: "full-name", snippet: "Jane\nSmith")
        let other = fingerprint.next(ruleID: "phone-number", snippet: "Jane Smith")
        #expect(first != second)
        #expect(first != other)
        var again = PartialFingerprint()
        #expect(again.next(ruleID: "full-name", snippet: " Jane Smith ") == first)
    }

    /// The byte-level path for ASCII snippets must give exactly what the Character-level one gives,
    /// or every fingerprint in code scanning would change.
    @Test(arguments: ["Jane  Smith", " Jane\r\nSmith\t", "\u{0B}a\u{0C}b\u{0D}", "", "   ", "a\u{1F}b\u{1C}c", "one two  three\n",
                      "Zoë  O’Brien", "Zoë\u{00A0}O\u{2003}Brien\u{0085}"])
    func asciiNormalisingAgreesWithCharacters(_ snippet: String) {
        let characters = snippet.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(PartialFingerprint.normalise(snippet) == characters)
    }

    /// `next` hashes as it goes; it must give the hash of `identity`, which `Baseline` uses.
    @Test func nextIsTheHashOfTheIdentity() {
        var fast = PartialFingerprint()
        var slow = PartialFingerprint()
        let findings = [("pupil-name", "Jane  Smith"), ("pupil-name", "Jane\nSmith"), ("contact-phone", " 01632 960000 "),
                        ("pupil-name", "Zoë\u{00A0}O’Brien"), ("pupil-name", "Zoë O’Brien"), ("missing-logo", ""), ("missing-logo", "")]
        for (rule, snippet) in findings {
            #expect(fast.next(ruleID: rule, snippet: snippet)
                    == PartialFingerprint.hex(PartialFingerprint.fnv1a64(slow.identity(ruleID: rule, snippet: snippet))))
        }
    }

    @Test func fnv1aMatchesPublishedVectors() {
        #expect(PartialFingerprint.hex(PartialFingerprint.fnv1a64("")) == "cbf29ce484222325")
        #expect(PartialFingerprint.hex(PartialFingerprint.fnv1a64("a")) == "af63dc4c8601ec8c")
        #expect(PartialFingerprint.hex(PartialFingerprint.fnv1a64("foobar")) == "85944171f73967e8")
    }

    @Test func problemsBecomeToolExecutionNotifications() throws {
        let invocations = try #require(try run(parse())["invocations"] as? [[String: Any]])
        let invocation = try #require(invocations.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.map { $0["level"] as? String } == ["warning", "error"])
        #expect((notifications[1]["message"] as? [String: String])?["text"] == "cannot read: Permission denied")
        let located = try #require((notifications[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(located["region"] as? [String: Int] == ["startLine": 1, "startColumn": 3])

        let warningsOnly = try run(parse(ReporterFixture.report([ReporterFixture.file()])))
        let success = (warningsOnly["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool
        #expect(success == true)
    }

    @Test func unknownRulesGetAPlaceholderSoTheLogStaysValid() throws {
        let source = SourceText(path: "a.md", text: "x\n")
        let diagnostic = Diagnostic(ruleID: "mystery-rule", level: .warning, message: "m",
                                    region: source.lines.region(of: 0..<1), snippet: "x")
        let report = RunReport(rules: ReporterFixture.rules,
                               files: [FileReport(path: "a.md", format: .markdown, diagnostics: [diagnostic])],
                               workingDirectory: "/w")
        let run = try run(parse(report))
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "mystery-rule")
        #expect(rules[index]["name"] as? String == "MysteryRule")
    }

    @Test func outputIsDeterministic() {
        #expect(SARIFReporter().render(ReporterFixture.report()) == SARIFReporter().render(ReporterFixture.report()))
        #expect(SARIFReporter.upperCamelCase("no-full-names-2") == "NoFullNames2")
    }

    /// Drafts stored as Windows-1252 or UTF-16 are declared with their encoding, through the real
    /// binary, so a consumer decodes them as PostLint did before placing code-point columns.
    @Test func nonUTF8DraftsDeclareTheirEncoding() throws {
        let folder = try TemporaryFolder()
        let text = "Caf\u{E9} news: I think ring 07700 900123.\n"
        try Data(text.data(using: .windowsCP1252)!).write(to: URL(fileURLWithPath: folder.absolute("cafe.txt")))
        try Data([0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!)).write(to: URL(fileURLWithPath: folder.absolute("wide.txt")))
        try folder.write("plain.txt", text)
        let result = try PostLintProcess.run(["check", "--format", "sarif", "."], in: folder.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let artifacts = try #require(try run(log)["artifacts"] as? [[String: Any]], "\(result.standardOutput)")
        let declared = Dictionary(uniqueKeysWithValues: artifacts.map {
            (($0["location"] as? [String: Any])?["uri"] as? String ?? "", $0["encoding"] as? String ?? "")
        })
        #expect(declared == ["cafe.txt": "windows-1252", "wide.txt": "UTF-16LE"])
    }
}
