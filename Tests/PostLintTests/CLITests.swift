import Foundation
import PostLint
import Testing

/// The command line as users and scripts meet it: exit statuses, formats, errors that name the file.
@Suite struct CLITests {
    @Test func versionIsPrinted() throws {
        let result = try PostLintProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == PostLintInfo.version)
    }

    @Test func cleanDraftExitsZero() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.txt", "We are proud of every pupil.\n\nMrs Ann Lee, Headteacher\n")
        let result = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test func findingAtFailLevelExitsOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.txt", "I think the fair was great.\n\nMrs Ann Lee, Headteacher\n")
        let warningsPass = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(warningsPass.status == 0, "personal-opinion is a warning; the default fail level is error")
        let result = try PostLintProcess.run(["check", "post.txt", "--fail-level", "warning"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("post.txt:1:1: warning:"))
        #expect(result.standardOutput.contains("[personal-opinion]"))
    }

    @Test func configuredLevelDecidesTheExitStatus() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "rules:\n  personal-opinion: error\n")
        try folder.write("post.md", "In my opinion, the fair was great.\n\nMrs Ann Lee, Headteacher\n")
        let result = try PostLintProcess.run(["check", "."], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("post.md:1:1: error:"))
    }

    @Test func missingFileIsReportedAndTheRestStillChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.txt", "I think so.\n")
        let result = try PostLintProcess.run(["check", "missing.html", "post.txt"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("missing.html"))
        #expect(result.standardOutput.contains("no such file or directory"))
        #expect(result.standardOutput.contains("post.txt:1:1: warning:"))
    }

    @Test func badConfigurationNamesFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "school:\n  name: Beechwood\n  phone: [\"01625 000000\"]\n")
        try folder.write("post.txt", "I think so.\n")
        let result = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains(".postlint.yml:3:3:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("post.txt:1:1: warning:"), "the draft is still checked")
    }

    @Test func unknownOptionIsAUsageErrorWithStatusTwo() throws {
        let result = try PostLintProcess.run(["check", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--no-such-option"))
    }

    @Test func standardInputUsesTheGivenFileName() throws {
        let folder = try TemporaryFolder()
        let result = try PostLintProcess.run(["check", "-", "--stdin-filename", "draft.md", "--format", "json"],
                                             in: folder.path, standardInput: "# News\n\nIMO the best term yet.\n\nMr Ahmed, Headteacher\n")
        #expect(result.status == 0)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        #expect(report.files.map(\.path) == ["draft.md"])
        #expect(report.files.first?.diagnostics.map(\.snippet) == ["IMO"])
    }

    @Test func outputFileIsWrittenAndStdoutStaysEmpty() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.txt", "I believe in miracles.\n")
        let result = try PostLintProcess.run(["check", "post.txt", "--format", "sarif", "--output", "out.sarif"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.absolute("out.sarif")))) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
    }

    @Test func unwritableOutputIsAnErrorAndLeavesNoFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.txt", "Hello.\n")
        let result = try PostLintProcess.run(["check", "post.txt", "--output", "no/such/folder/report.txt"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("no/such/folder/report.txt"))
        #expect(!FileManager.default.fileExists(atPath: folder.absolute("no")))
    }

    @Test func rulesAndExplainDescribeEveryRule() throws {
        let rules = try PostLintProcess.run(["rules"])
        #expect(rules.status == 0)
        for descriptor in Linter().descriptors {
            #expect(rules.standardOutput.contains(descriptor.id))
            let explain = try PostLintProcess.run(["explain", descriptor.id])
            #expect(explain.status == 0)
            #expect(explain.standardOutput.contains("§\(descriptor.policy.section)"))
        }
        let unknown = try PostLintProcess.run(["explain", "no-such-rule"])
        #expect(unknown.status == 2)
    }

    @Test func initWritesAStarterThatLoadsAndRefusesToOverwrite() throws {
        let folder = try TemporaryFolder()
        let first = try PostLintProcess.run(["init"], in: folder.path)
        #expect(first.status == 0)
        let written = try String(contentsOfFile: folder.absolute(".postlint.yml"), encoding: .utf8)
        #expect(written == ConfigurationTemplate.starter)
        let second = try PostLintProcess.run(["init"], in: folder.path)
        #expect(second.status == 2)
        try folder.write("post.txt", "Hello.\n")
        let check = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(check.status == 0, "the starter configuration loads: \(check.standardOutput)")
    }

    @Test func docsRulesPageMatchesTheRegistry() throws {
        let page = try String(contentsOfFile: PostLintProcess.packageRoot + "/docs/rules.md", encoding: .utf8)
        #expect(page == RuleDocumentation.markdown(Linter().descriptors),
                "docs/rules.md is stale: run `swift run postlint rules --format markdown > docs/rules.md`")
    }
}
