import Foundation
@testable import PostLint
@testable import PostLintGit
import Testing

/// `check --changed-since REF` and the hook's default through the real binary and real git: only
/// findings on lines the change touched, whole-draft findings when the draft changed.
@Suite struct ChangedSinceTests {
    typealias Repository = HookTests.Repository
    static let opinion = "I think the fair was great.\n\nMrs Ann Lee, Headteacher\n"

    /// A repository with one committed post holding an old error, one untouched post and a page.
    static func repository() throws -> Repository {
        let repo = try Repository()
        try repo.write("news/old.txt", opinion)
        try repo.write("news/other.txt", opinion)
        try repo.write("news/page.html", "<p>The fair.</p>\n<p>Mrs Ann Lee, Headteacher</p>\n")
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "-m", "old posts"])
        return repo
    }

    @Test func onlyChangedLinesUnstagedStagedAndUntracked() throws {
        let repo = try Self.repository()
        try repo.write("news/old.txt", "I think the fair was great.\nI believe the play was better.\n\nMrs Ann Lee, Headteacher\n")
        let unstaged = try repo.postlint(["check", "news", "--changed-since", "HEAD"])
        #expect(unstaged.status == 1)
        #expect(unstaged.standardOutput.contains("news/old.txt:2:1: error:"), "\(unstaged.standardOutput)")
        #expect(!unstaged.standardOutput.contains("news/old.txt:1:1"), "the old line is not reported")
        #expect(!unstaged.standardOutput.contains("other.txt"), "an untouched draft is not reported")
        #expect(unstaged.standardOutput.contains("1 file checked"), "an untouched draft is not even read")

        try repo.git(["add", "news/old.txt"])
        let staged = try repo.postlint(["check", "news", "--changed-since", "HEAD"])
        #expect(staged.standardOutput.contains("news/old.txt:2:1: error:") && !staged.standardOutput.contains("news/old.txt:1:1"))

        try repo.write("news/new post.txt", Self.opinion)
        let untracked = try repo.postlint(["check", "news", "--changed-since", "HEAD"])
        #expect(untracked.standardOutput.contains("news/new post.txt:1:1: error:"), "an untracked draft is new throughout")

        // The whole-draft finding (no logo) comes with any change to the page, wherever it is.
        try repo.write("news/page.html", "<p>The fair.</p>\n<p>Mrs Ann Lee, Headteacher</p>\n<p>Thanks all.</p>\n")
        let page = try repo.postlint(["check", "news/page.html", "--changed-since", "HEAD"])
        #expect(page.standardOutput.contains("[missing-logo]"), "\(page.standardOutput)")
        let all = try repo.postlint(["check", "news"])
        #expect(all.standardOutput.contains("news/other.txt:1:1: error:"), "without the option everything is reported")
    }

    @Test func nothingChangedPassesAndABadReferenceIsAnError() throws {
        let repo = try Self.repository()
        let clean = try repo.postlint(["check", "news", "--changed-since", "HEAD"])
        #expect(clean.status == 0, "\(clean.standardOutput)")
        #expect(clean.standardError.contains("none of the 3 drafts changed since HEAD"), "\(clean.standardError)")
        let bad = try repo.postlint(["check", "news", "--changed-since", "no-such-branch"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("no-such-branch is not a commit"), "\(bad.standardError)")
    }

    /// The hook reports only what the commit changes: an old error elsewhere in a draft does not
    /// block a commit that fixes a typo; `--all-lines` checks the staged drafts throughout.
    @Test func hookReportsOnlyTheLinesTheCommitChanges() throws {
        let repo = try Self.repository()
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try repo.write("news/old.txt", "I think the fair was great.\n\nMrs Ann Lee, Headteacher of Beechwood\n")
        try repo.git(["add", "news/old.txt"])
        let allLines = try repo.postlint(["hook", "run", "--all-lines"])
        #expect(allLines.status == 1, "\(allLines.standardOutput)")
        let commit = try repo.commit()
        #expect(commit.status == 0, "the old error is not on a changed line: \(commit.output)")

        try repo.write("news/old.txt", "I think the fair was great.\nIn my opinion it was the best.\n\nMrs Ann Lee, Headteacher of Beechwood\n")
        try repo.git(["add", "news/old.txt"])
        let blocked = try repo.commit()
        #expect(blocked.status != 0)
        #expect(blocked.output.contains("news/old.txt:2:1: error:"), "\(blocked.output)")
        #expect(!blocked.output.contains("news/old.txt:1:1:"), "\(blocked.output)")
    }

    /// A finding's lines, checked against changed ranges: an end just after a line break is not on
    /// the next line.
    @Test func findingLinesAgainstChangedRanges() {
        func region(_ a: (Int, Int), _ b: (Int, Int)) -> SourceRegion {
            SourceRegion(start: SourcePosition(line: a.0, column: a.1), end: SourcePosition(line: b.0, column: b.1), byteRange: 0..<1)
        }
        #expect(ChangedLines.lines(of: region((2, 5), (3, 1))) == 2...2)
        #expect(ChangedLines.lines(of: region((2, 5), (3, 4))) == 2...3)
        #expect(ChangedLines.lines(of: region((4, 1), (4, 1))) == 4...4)
        let changed = [1...1, 5...7, 20...20]
        #expect(ChangedLines.overlaps(changed, 7...9) && ChangedLines.overlaps(changed, 3...5) && ChangedLines.overlaps(changed, 20...20))
        #expect(!ChangedLines.overlaps(changed, 2...4) && !ChangedLines.overlaps(changed, 8...19) && !ChangedLines.overlaps(changed, 21...30))
    }

    @Test func patchParsingSkipsHunkBodiesAndUnquotesPaths() {
        let patch = """
            diff --git a/x.md b/x.md
            --- a/x.md
            +++ b/x.md
            @@ -1,0 +2,2 @@
            +++ b/not-a-file.md
            +@@ -9 +9 @@
            @@ -10 +12 @@ heading
            -old
            +new
            diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"
            --- "a/caf\\303\\251 \\"x\\".md"
            +++ "b/caf\\303\\251 \\"x\\".md"
            @@ -3 +3,0 @@
            -gone

            """
        let parsed = ChangedLines.parsePatch(Data(patch.utf8))
        #expect(parsed.map(\.path) == ["x.md", "café \"x\".md"])
        #expect(parsed.first?.ranges == [2...3, 12...12])
        #expect(parsed.last?.ranges == [])
    }
}
