import Foundation
import PostLint
import PostLintGit
import PostLintTestSupport
import Testing

/// `check --fix --diff` through the real binary: a patch of exactly what `--fix` writes, and
/// nothing written.
@Suite struct FixDiffTests {
    static let post = """
        Sports day

        Well done to Oliver Whitfield, who won the sack race.
        Our thanks to every parent who came.
        The egg and spoon race went to Amara Okonkwo-Hale.
        Mrs Lee, Headteacher
        """  // no line break at the end, on purpose

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\nAmara,Okonkwo-Hale\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        try folder.write("news posts/day.txt", post)
        try folder.write("news posts/clean.txt", "The fair was fun.\n\nMrs Lee, Headteacher\n")
        return folder
    }

    @Test func diffWritesNothingAndAppliesToWhatFixWrites() throws {
        let folder = try Self.folder()
        let result = try PostLintProcess.run(["check", "--fix", "--diff", "news posts"], in: folder.path)
        #expect(result.status == 1, "findings fail the run as without --diff: \(result.standardError)")
        #expect(try String(contentsOfFile: folder.absolute("news posts/day.txt"), encoding: .utf8) == Self.post, "nothing written")
        let diff = result.standardOutput
        #expect(diff.hasPrefix("--- a/news posts/day.txt\t\n+++ b/news posts/day.txt\t\n@@ -1,6 +1,6 @@\n"), "\(diff)")
        #expect(diff.contains("-Well done to Oliver Whitfield, who won the sack race.\n+Well done to Oliver, who won the sack race.\n"))
        #expect(diff.contains("+The egg and spoon race went to Amara.\n"))
        #expect(diff.hasSuffix(" Mrs Lee, Headteacher\n\\ No newline at end of file\n"))
        #expect(!diff.contains("clean.txt"), "a file with nothing to fix is not in the diff")
        #expect(!diff.contains("error:"), "only the diff on standard output")

        // The patch, applied by git, gives exactly what --fix writes.
        let patch = try folder.write("fixes.patch", diff)
        let fixed = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: folder.absolute("news posts"), toPath: fixed.absolute("news posts"))
        try FileManager.default.copyItem(atPath: folder.absolute("pupils.csv"), toPath: fixed.absolute("pupils.csv"))
        try FileManager.default.copyItem(atPath: folder.absolute(".postlint.yml"), toPath: fixed.absolute(".postlint.yml"))
        _ = try PostLintProcess.run(["check", "--fix", "news posts"], in: fixed.path)
        _ = try Git.run(["apply", patch], in: folder.path)
        #expect(try String(contentsOfFile: folder.absolute("news posts/day.txt"), encoding: .utf8)
                == String(contentsOfFile: fixed.absolute("news posts/day.txt"), encoding: .utf8))
        #expect(try String(contentsOfFile: folder.absolute("news posts/day.txt"), encoding: .utf8).contains("Well done to Oliver, who"))
    }

    @Test func diffIsOnlyForFix() throws {
        let folder = try Self.folder()
        let alone = try PostLintProcess.run(["check", "--diff", "news posts"], in: folder.path)
        #expect(alone.status == 2 && alone.standardError.contains("--fix"))
        let sarif = try PostLintProcess.run(["check", "--fix", "--diff", "--format", "sarif", "news posts"], in: folder.path)
        #expect(sarif.status == 2)
        #expect(try String(contentsOfFile: folder.absolute("news posts/day.txt"), encoding: .utf8) == Self.post)
    }

    /// Hunks: changes far apart get their own, with three lines of context and line numbers that
    /// follow the lines an earlier change added.
    @Test func hunksAreSeparatedAndNumbered() {
        let original = Array((1...20).map { "line \($0)\n" }.joined().utf8)
        func offset(of text: String) -> Int {
            let bytes = Array(text.utf8)
            return (0...(original.count - bytes.count)).first { Array(original[$0..<($0 + bytes.count)]) == bytes }!
        }
        let two = offset(of: "line 2\n")
        let eighteen = offset(of: "line 18\n")
        let diff = UnifiedDiff.render(original: original, edits: [
            Fix.Edit(range: two..<(two + 6), replacement: "line two\nline 2½"),
            Fix.Edit(range: eighteen..<(eighteen + 7), replacement: "line eighteen"),
        ], path: "n.txt")
        #expect(diff == """
            --- a/n.txt
            +++ b/n.txt
            @@ -1,5 +1,6 @@
             line 1
            -line 2
            +line two
            +line 2½
             line 3
             line 4
             line 5
            @@ -15,6 +16,6 @@
             line 15
             line 16
             line 17
            -line 18
            +line eighteen
             line 19
             line 20

            """)
    }
}
