import Foundation
import PostLint
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
}
