import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// `rules-path:` through the real binary: a rule of the school's own in `check`, `rules` and SARIF; a
/// broken rule file as `file:line:column`, a failing exit status and a NOT-checked error on each draft.
struct RulesPathCLITests {
    static let jargon = """
        id: school-jargon
        kind: pattern
        policy: {section: "8", heading: Content of Webspace, text: Posts are written for parents.}
        message: "“{match}” is jargon"
        help: Say what it means.
        patterns: ["(INSET|inset) day"]
        """

    /// A school whose configuration sits in a sub-folder with its rules beside it: `rules-path` is
    /// relative to that configuration, not to where postlint runs.
    private func school(rule: String = Self.jargon) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yml", "rules-path: [postlint-rules]\n")
        try folder.write("site/postlint-rules/jargon.yml", rule)
        try folder.write("site/news/post.txt", "Friday is an INSET day. Ring 07700 900123.\n")
        return folder
    }

    @Test func aRuntimeRuleFiresInASubFolderConfigurationAndIsListed() throws {
        let folder = try school()
        let result = try PostLintProcess.run(["check", "site", "--format", "json", "--quiet"], in: folder.path)
        #expect(result.status == 1, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let files = json["files"] as? [[String: Any]] ?? []
        let findings = files.flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
        let jargon = try #require(findings.first { $0["ruleId"] as? String == "school-jargon" }, "\(findings)")
        #expect(jargon["line"] as? Int == 1 && jargon["column"] as? Int == 14 && jargon["endColumn"] as? Int == 23, "\(jargon)")
        #expect(findings.contains { $0["ruleId"] as? String == "contact-phone" })

        let rules = try PostLintProcess.run(["rules"], in: folder.absolute("site/news"))
        #expect(rules.status == 0)
        #expect(rules.standardOutput.contains("school-jargon"))
        #expect(rules.standardOutput.contains("personal-opinion"))
    }

    @Test func sarifListsTheRuntimeRuleInToolDriverRules() throws {
        let folder = try school()
        let result = try PostLintProcess.run(["check", "site", "--format", "sarif", "--quiet"], in: folder.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any]) ?? [:]
        let ids = (driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("school-jargon") && ids.contains("pupil-name"), "\(ids)")
        let results = run["results"] as? [[String: Any]] ?? []
        let jargon = try #require(results.first { $0["ruleId"] as? String == "school-jargon" })
        #expect(jargon["ruleIndex"] as? Int == ids.firstIndex(of: "school-jargon"))
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func aBrokenRuleFileFailsTheRunAtItsLineWhileBuiltInFindingsAreReported(_ format: String) throws {
        let folder = try school(rule: Self.jargon.replacingOccurrences(of: "kind: pattern", with: "kind: patterns"))
        let result = try PostLintProcess.run(["check", "site", "--format", format, "--quiet"], in: folder.path)
        #expect(result.status == 2, "a broken rule file fails the run")
        let output = result.standardOutput
        #expect(output.contains("contact-phone"), "built-in findings are still reported")
        #expect(output.contains("unknown value `patterns` for `kind`: use phrases, pattern, list; did you mean `pattern`?"))
        #expect(output.contains("school-jargon (site/postlint-rules/jargon.yml) was NOT checked"), "\(output)")
        if format == "text" { #expect(output.contains("site/postlint-rules/jargon.yml:2:7: error: unknown value `patterns`")) }
    }

    /// Each way a value can be there but unusable (null, empty, the wrong type, a key the kind does not
    /// read) fails the run with `file:line:column`, and the draft says which rule, or which file, did
    /// not run, beside the built-in findings.
    @Test(arguments: BrokenRuleFile.allCases)
    func anUnusableValueInARuleFileFailsTheRunAndTheDraftSaysWhatWasNotChecked(_ broken: BrokenRuleFile) throws {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yml", "rules-path: [postlint-rules]\nrules: {missing-author-position: off}\n")
        try folder.write("site/postlint-rules/jargon.yml", broken.text)
        try folder.write("site/news/post.txt", BrokenRuleFile.draft)
        let result = try PostLintProcess.run(["check", "site", "--quiet"], in: folder.path)
        #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
        let output = result.standardOutput
        let file = "site/postlint-rules/jargon.yml"
        #expect(output.contains("\(file):\(broken.line):\(broken.column): error: \(broken.message)\n"), "\(output)")
        #expect(output.contains("site/news/post.txt:1:1: error: " + broken.notChecked(file: file)), "\(output)")
        #expect(output.contains("[contact-phone]"), "built-in findings are still reported")
        #expect(!output.contains("[school-jargon]"), "\(output)")
    }

    @Test func aRuleFileTakingABuiltInIDFailsTheRun() throws {
        let folder = try school(rule: Self.jargon.replacingOccurrences(of: "school-jargon", with: "contact-email"))
        let result = try PostLintProcess.run(["check", "site", "--quiet"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("site/postlint-rules/jargon.yml:1:5: error: rule id `contact-email` is a built-in rule's"))
    }

    @Test func hookRunOffersEveryOutputFormat() throws {
        // Help is wrapped to the terminal's width: compare words.
        let help = try PostLintProcess.run(["hook", "run", "--help"]).standardOutput
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Output format: text, json, sarif, github or html"), "\(help)")
    }
}
