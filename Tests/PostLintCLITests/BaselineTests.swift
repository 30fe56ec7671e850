import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// `postlint baseline` and `check --baseline` through the real binary: known findings are reported
/// as known and do not fail the run, new ones do; the file holds no draft text and no name.
@Suite struct BaselineTests {
    static let old = "Well done to Oliver Whitfield for the poem.\nI think the fair was great.\n\nMrs Ann Lee, Headteacher\n"

    static func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\nrules:\n  personal-opinion: error\n")
        try folder.write("news/old post.txt", old)
        try folder.write("news/clean.txt", "The fair was fun.\n\nMrs Ann Lee, Headteacher\n")
        return folder
    }

    @Test func knownFindingsDoNotFailAndNewOnesDo() throws {
        let folder = try Self.site()
        #expect(try PostLintProcess.run(["check", "news"], in: folder.path).status == 1, "the site has errors")
        let written = try PostLintProcess.run(["baseline", "news", "--output", ".postlint-baseline.json"], in: folder.path)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.contains("recorded 2 findings in 2 drafts"), "\(written.standardOutput)")

        let baselineText = try String(contentsOfFile: folder.absolute(".postlint-baseline.json"), encoding: .utf8)
        for secret in ["Oliver", "Whitfield", "think", "fair", "old post"] {
            #expect(!baselineText.contains(secret), "no draft text, name or path in clear: \(secret)")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(baselineText.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: String]])
        #expect(object["version"] as? Int == 1)
        #expect(findings.map { $0["rule"] } == ["personal-opinion", "pupil-name"])
        #expect(findings.allSatisfy { $0["fingerprint"]?.count == 64 }, "SHA-256 in hex")

        let known = try PostLintProcess.run(["check", "news", "--baseline", ".postlint-baseline.json"], in: folder.path)
        #expect(known.status == 0, "\(known.standardOutput)")
        #expect(!known.standardOutput.contains("[pupil-name]"), "known findings are not listed in text")
        #expect(known.standardOutput.contains("2 in the baseline"), "\(known.standardOutput)")

        // Lines moved: still known. A new finding: fails, and only it is shown.
        try folder.write("news/old post.txt", "Sports news\n\n" + Self.old + "I believe the play was better.\n")
        let moved = try PostLintProcess.run(["check", "news", "--baseline", ".postlint-baseline.json"], in: folder.path)
        #expect(moved.status == 1, "\(moved.standardOutput)")
        #expect(moved.standardOutput.contains("news/old post.txt:7:1: error:"), "\(moved.standardOutput)")
        #expect(!moved.standardOutput.contains("old post.txt:3:"), "the moved known finding stays known")

        let sarif = try PostLintProcess.run(["check", "news", "--baseline", ".postlint-baseline.json", "--format", "sarif"],
                                            in: folder.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let states = results.map { "\($0["ruleId"] ?? "") \($0["baselineState"] ?? "none")" }.sorted()
        #expect(states == ["personal-opinion new", "personal-opinion unchanged", "pupil-name unchanged"])

        let json = try PostLintProcess.run(["check", "news", "--baseline", ".postlint-baseline.json", "--format", "json"], in: folder.path)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.standardOutput.utf8))
        #expect(report.summary.baseline == 2 && report.summary.errors == 1)
        #expect(report.files.flatMap(\.diagnostics).compactMap(\.baselineState).sorted() == ["new", "unchanged", "unchanged"])
    }

    /// Paths are recorded from the baseline file's folder: the same baseline works from a subfolder.
    @Test func baselineWorksFromAnotherWorkingDirectory() throws {
        let folder = try Self.site()
        try folder.makeFolder("ci")
        #expect(try PostLintProcess.run(["baseline", ".", "--output", "ci/baseline.json"], in: folder.path).status == 0)
        let fromSubfolder = try PostLintProcess.run(["check", ".", "--baseline", "../ci/baseline.json"], in: folder.absolute("news"))
        #expect(fromSubfolder.status == 0, "\(fromSubfolder.standardOutput)")
        #expect(fromSubfolder.standardOutput.contains("2 in the baseline"))
    }

    /// A finding about the whole draft (no byline) sits on the first line only for want of a place:
    /// editing that line keeps it known.
    @Test func wholeDraftFindingsStayKnownWhenTheFirstLineChanges() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.txt", "Sports day was on Friday.\n")
        #expect(try PostLintProcess.run(["baseline", ".", "-o", "b.json"], in: folder.path).status == 0)
        try folder.write("post.txt", "Sports day was on a sunny Friday.\n")
        let check = try PostLintProcess.run(["check", ".", "--baseline", "b.json", "--fail-level", "warning"], in: folder.path)
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("1 in the baseline"))
    }

    @Test func aBaselineThatIsNotOneIsAnError() throws {
        let folder = try Self.site()
        try folder.write("notes.json", "{\"hello\": 1}")
        let wrong = try PostLintProcess.run(["check", "news", "--baseline", "notes.json"], in: folder.path)
        #expect(wrong.status == 2 && wrong.standardError.contains("not a PostLint baseline"), "\(wrong.standardError)")
        let missing = try PostLintProcess.run(["check", "news", "--baseline", "missing.json"], in: folder.path)
        #expect(missing.status == 2 && missing.standardError.contains("missing.json"))
        let empty = try PostLintProcess.run(["baseline", "nothing-here", "--output", "b.json"], in: try folder.makeFolder("x"))
        #expect(empty.status == 2, "\(empty.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.absolute("x/b.json")))
    }
}
