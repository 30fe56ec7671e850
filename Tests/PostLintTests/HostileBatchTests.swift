import Foundation
import PostLint
import PostLintTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A whole batch with bad files in the middle: every other draft is still reported, in order.
@Suite(.timeLimit(.minutes(3))) struct HostileBatchTests {
    @Test func fiftyDraftsWithABinaryAFIFOAndAnUnreadableFileInTheMiddle() throws {
        let folder = try TemporaryFolder()
        var good: [String] = []
        for index in 1...50 {
            let name = String(format: "drafts/post-%02d", index)
            switch index {
            case 25:
                try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
                    .write(to: URL(fileURLWithPath: folder.absolute(name + ".html")))
            case 26:
                try folder.write(name + ".txt", "I think this one is locked.\n")
                chmod(folder.absolute(name + ".txt"), 0)
            default:
                let ext = ["html", "md", "txt"][index % 3]
                let body = ext == "html" ? "<p>I think post \(index) is great.</p>\n" : "I think post \(index) is great.\n"
                good.append(try folder.write("\(name).\(ext)", body).replacingOccurrences(of: folder.path + "/", with: ""))
            }
        }
        // A FIFO inside the folder is skipped; one named on the command line is a problem, and neither blocks.
        #expect(mkfifo(folder.absolute("drafts/post-27-pipe.html"), 0o644) == 0)
        #expect(mkfifo(folder.absolute("pipe.md"), 0o644) == 0)
        let result = try HostileInputTests.runUnprivileged(["check", "--color", "never", "drafts", "pipe.md"], in: folder)
        #expect(!result.timedOut)
        #expect(result.status == 2, "\(result.standardError)")
        let output = result.standardOutput
        for name in good {
            #expect(output.contains("\(name):1:") && output.contains("“I think”"), "\(name) is reported")
        }
        #expect(output.contains("drafts/post-25.html"), "the PNG is named")
        #expect(output.contains("pipe.md"), "the named FIFO is a problem")
        #expect(!output.contains("post-27-pipe"), "the FIFO in the folder is skipped")
        if getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            #expect(output.contains("drafts/post-26.txt"), "the unreadable file is named")
            #expect(output.contains("permission denied"))
        }
        // Reports keep the files' order.
        let positions = good.compactMap { output.range(of: "\($0):1:")?.lowerBound }
        #expect(positions == positions.sorted())
    }

    /// A link to a file outside the folder is refused (a credentials file must not reach a report),
    /// a link inside it is checked, and names that are not UTF-8 or paths past PATH_MAX are reported.
    @Test func linksOutsideTheFolderOddNamesAndDeepPathsAreReportedNotSkipped() throws {
        let outside = try TemporaryFolder()
        let secret = try outside.write("token.md", "I think the token is ghp_SECRETSECRET.\n")
        let folder = try TemporaryFolder()
        try folder.write("drafts/inside.md", "I think so.\n")
        try folder.link("drafts/escape.md", to: secret)
        try folder.link("drafts/alias.md", to: folder.absolute("drafts/inside.md"))
        let odd = Array(folder.absolute("drafts/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let descriptor = odd.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
        }
        #expect(descriptor >= 0)
        close(descriptor)
        // A tree deeper than PATH_MAX (4096 bytes), built one folder at a time relative to the last.
        let deep = try folder.makeFolder("deep")
        defer { _ = try? PostLintProcess.run(["-rf", deep], executable: URL(fileURLWithPath: "/bin/rm")) }
        var parent = open(deep, O_RDONLY | O_DIRECTORY)
        let segment = String(repeating: "d", count: 200)
        for _ in 0..<25 {
            #expect(mkdirat(parent, segment, 0o755) == 0)
            let child = openat(parent, segment, O_RDONLY | O_DIRECTORY)
            close(parent)
            parent = child
        }
        let post = openat(parent, "post.md", O_CREAT | O_WRONLY, 0o644)
        #expect(post >= 0)
        close(post)
        close(parent)

        let result = try PostLintProcess.run(["check", "--format", "json", "."], in: folder.path)
        let output = result.standardOutput + result.standardError
        #expect(result.status == 2, "\(output)")
        #expect(!output.contains("SECRET"), "the linked file was read")
        #expect(output.contains("drafts/escape.md") && output.contains("outside the folder being checked"))
        #expect(output.contains("drafts/alias.md") && output.contains("drafts/inside.md"))
        #expect(output.contains("caf\\\\xE9.md") && output.contains("not valid UTF-8"), "\(output)")
        #expect(output.contains("ile name too long"), "the deep draft is reported, not skipped")
    }
}
