import Foundation
import PostLint
@testable import PostLintServer
import PostLintTestSupport
import Testing

/// `postlint serve` with `rules-path:`: its workers check with the rules the configuration loads, list
/// them in SARIF answers, and a broken rule file stops the server from starting (fail closed).
struct RulesPathServerTests {
    static let jargon = """
        id: school-jargon
        kind: phrases
        policy: {section: "8", heading: Content of Webspace, text: Posts are written for parents.}
        message: "“{match}” is jargon"
        phrases: [INSET day]
        """

    @Test func aServedDraftIsCheckedWithTheRuntimeRule() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules-path: rules/jargon.yml\n")
        try folder.write("rules/jargon.yml", Self.jargon)
        let checker = try DraftChecker(configPath: nil, workingDirectory: folder.path)
        let report = checker.check(Draft(bytes: Array("<p>Friday is an INSET day.</p>".utf8), format: .html, filename: "post.html"))
        let jargon = try #require(report.diagnostics.first { $0.ruleID == "school-jargon" })
        #expect(jargon.region.start.column == 17 && jargon.region.end.column == 26)
        #expect(checker.render(report, as: .sarif).contains("\"id\" : \"school-jargon\""))
    }

    @Test func aBrokenRuleFileStopsTheServerFromStarting() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules-path: rules\n")
        try folder.write("rules/jargon.yml", Self.jargon.replacingOccurrences(of: "phrases: [INSET day]", with: "phrases: []"))
        #expect {
            _ = try DraftChecker(configPath: nil, workingDirectory: folder.path)
        } throws: { error in
            "\(error)".contains("rules/jargon.yml:5:10: `phrases` needs at least one entry")
        }
    }
}
