import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing
import Yams

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

    @Test func brokenHTMLIsReportedWithItsLineAndTheFileIsStillChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("broken.html", "<html><body>\n<p>I think the fair was fun.</p>\n<p>Unclosed <!-- comment\n")
        try folder.write("other.txt", "I believe so.\n")
        let result = try PostLintProcess.run(["check", "broken.html", "other.txt"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("broken.html:3:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("broken.html:2:4: warning:"), "findings in the broken file are still reported")
        #expect(result.standardOutput.contains("other.txt:1:1: warning:"), "the other file is still checked")
    }

    @Test func binaryFileWithAnHTMLNameIsAClearError() throws {
        let folder = try TemporaryFolder()
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: URL(fileURLWithPath: folder.absolute("photo.html")))
        let result = try PostLintProcess.run(["check", "photo.html"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("photo.html"))
        #expect(result.standardOutput.contains("PNG"))
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

    /// A folder with nothing PostLint reads is a mistake (a wrong path, a folder of PDFs), not a pass.
    @Test(arguments: [[String](), ["notice.pdf", "photo.PNG", ".hidden.md"]])
    func folderWithNoDraftsExitsTwoAndSaysWhatWasSearched(files: [String]) throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("drafts")
        for file in files { try folder.write("drafts/" + file, "I think so.\n") }
        let result = try PostLintProcess.run(["check", "drafts"], in: folder.path)
        #expect(result.status == 2, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("drafts: error: no drafts found"), "\(result.standardOutput)")
        for ext in DocumentFormat.knownExtensions {
            #expect(result.standardOutput.contains(".\(ext)"), "the message lists .\(ext)")
        }
        let sarif = try PostLintProcess.run(["check", "drafts", "--format", "sarif"], in: folder.path)
        #expect(sarif.status == 2)
        #expect(sarif.standardOutput.contains("no drafts found"), "machine formats carry it too")
        let named = try PostLintProcess.run(["check", "drafts/notice.pdf"], in: folder.path)
        #expect(named.status == 2)
        #expect(named.standardOutput.contains(FileCollector.unsupportedMessage) == files.contains("notice.pdf"))
    }

    @Test func standardInputAloneIsNotAnEmptyRun() throws {
        let folder = try TemporaryFolder()
        let result = try PostLintProcess.run(["check", "-"], in: folder.path, standardInput: "Hello.\n")
        #expect(result.status == 0, "\(result.standardOutput)")
    }

    /// The pre-commit hooks pass exactly the files PostLint reads: their `files` pattern and the
    /// extension table must agree.
    @Test func preCommitHooksMatchTheExtensionTable() throws {
        let manifest = try String(contentsOfFile: PostLintProcess.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: manifest) as? [[String: Any]])
        #expect(!hooks.isEmpty)
        for hook in hooks {
            let pattern = try #require(hook["files"] as? String)
            let regex = try NSRegularExpression(pattern: pattern)
            func matches(_ name: String) -> Bool {
                regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
            for ext in DocumentFormat.knownExtensions {
                #expect(matches("news/post." + ext) && matches("news/POST." + ext.uppercased()), "\(ext)")
            }
            for other in ["pdf", "png", "csv", "doc", "htmlx", "docx.bak"] {
                #expect(!matches("news/post." + other), "\(other)")
            }
        }
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
