import Foundation
import PostLintTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--output` and `--fix` write only what they mean to: a regular file replaced whole with its owner
/// and permissions (never setuid), a device or FIFO streamed into, a link refused or followed to
/// its target, a hard-linked draft refused, and no temporary file left when a signal ends the run.
@Suite(.timeLimit(.minutes(3))) struct OutputSafetyTests {
    static let isRoot = geteuid() == 0

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try HostileInputTests.writeRoster(in: folder)
        try folder.write("news.html", "<p>Well done Oliver Whitfield!</p>\n")
        return folder
    }

    static func mode(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    @Test func aReportNeverKeepsSetuidBitsAndKeepsItsOwner() throws {
        let folder = try Self.folder()
        let report = try folder.write("report.json", "old")
        chmod(report, 0o4755)
        if Self.isRoot { chown(report, 65534, 65534) }
        let result = try PostLintProcess.run(["check", "--format", "json", "--output", "report.json", "news.html"], in: folder.path)
        #expect(result.status == 1, "\(result.standardError)")
        let info = Self.mode(report)
        #expect(info.st_mode & 0o7777 == 0o755, "setuid dropped, the rest kept")
        if Self.isRoot { #expect(info.st_uid == 65534 && info.st_gid == 65534, "the owner is kept") }
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("\"ruleId\""))
    }

    @Test func aLinkIsRefusedAndADeviceOrFIFOIsStreamedIntoNotReplaced() throws {
        let folder = try Self.folder()
        let target = try folder.write("elsewhere.txt", "keep me")
        try folder.link("report.json", to: target)
        let linked = try PostLintProcess.run(["check", "--format", "json", "--output", "report.json", "news.html"], in: folder.path)
        #expect(linked.status == 2)
        #expect(linked.standardError.contains("symbolic link"), "\(linked.standardError)")
        #expect(Self.mode(folder.absolute("report.json")).st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")

        if Self.isRoot {
            let device = folder.absolute("null")
            #expect(mknod(device, S_IFCHR | 0o666, dev_t(0x103)) == 0)
            let result = try PostLintProcess.run(["check", "--output", device, "news.html"], in: folder.path)
            #expect(result.status == 1, "\(result.standardError)")
            #expect(Self.mode(device).st_mode & S_IFMT == S_IFCHR, "the device node is still a device node")
        }

        let fifo = folder.absolute("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(descriptor, &buffer, buffer.count) > 0 {}
            close(descriptor)
        }
        reader.start()
        usleep(200_000)  // the reader is waiting in open() before PostLint looks for one
        let result = try PostLintProcess.run(["check", "--format", "json", "--output", fifo, "news.html"], in: folder.path)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(Self.mode(fifo).st_mode & S_IFMT == S_IFIFO)
        let lonely = folder.absolute("lonely")
        #expect(mkfifo(lonely, 0o644) == 0)
        let unread = try PostLintProcess.run(["check", "--output", lonely, "news.html"], in: folder.path, timeout: .seconds(20))
        #expect(!unread.timedOut && unread.status == 2 && unread.standardError.contains("no process is reading"))
    }

    @Test func fixFollowsASymlinkToItsTargetAndRefusesHardLinks() throws {
        let folder = try Self.folder()
        let real = try folder.write("real/news.html", "<p>Well done Oliver Whitfield!</p>\n")
        try FileManager.default.removeItem(atPath: folder.absolute("news.html"))
        try folder.link("news.html", to: real)
        let fixed = try PostLintProcess.run(["check", "--fix", "news.html"], in: folder.path)
        #expect(fixed.standardError.contains("applied 1 fix"), "\(fixed.standardOutput)\(fixed.standardError)")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "<p>Well done Oliver!</p>\n", "the real file is fixed")
        #expect(Self.mode(folder.absolute("news.html")).st_mode & S_IFMT == S_IFLNK, "the link is still a link")

        let draft = try folder.write("hard.html", "<p>Well done Oliver Whitfield!</p>\n")
        #expect(link(draft, folder.absolute("other-name.html")) == 0)
        let refused = try PostLintProcess.run(["check", "--fix", "hard.html"], in: folder.path)
        #expect(refused.standardOutput.contains("hard links"), "\(refused.standardOutput)")
        for name in ["hard.html", "other-name.html"] {
            #expect(try String(contentsOfFile: folder.absolute(name), encoding: .utf8).contains("Whitfield"))
        }
    }

    @Test(arguments: [SIGINT, SIGTERM]) func aSignalDuringOutputLeavesNoTemporaryFile(signal: Int32) throws {
        let folder = try Self.folder()
        // Spawned with no signals blocked, as from a shell (the test runner's threads block them, and
        // a child would inherit that); standard input is a pipe left open, so PostLint waits on it
        // with the report's temporary file already made.
        var input: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_addclose(&actions, input[1])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let arguments = [PostLintProcess.executable.path, "check", "--stdin-filename", "post.md", "--output", folder.absolute("report.json"), "-"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, PostLintProcess.executable.path, &actions, &attributes, &argv, environ) == 0)
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        close(input[0])
        defer { close(input[1]) }

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(30))
        func leftovers() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".postlint-") }
        }
        while leftovers().isEmpty, clock.now < deadline { usleep(10_000) }
        #expect(!leftovers().isEmpty, "the temporary report was created")
        // No race however soon the signal comes: the writer registers the name for removal before
        // it creates the file, so a file we can see is one the handler will remove.
        kill(pid, signal)
        var status: Int32 = 0
        var waited: pid_t = 0
        while clock.now < deadline {
            waited = waitpid(pid, &status, WNOHANG)
            if waited != 0 { break }
            usleep(10_000)
        }
        if waited == 0 { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0) }
        #expect(waited == pid && status & 0x7F == signal, "ended by the signal (status \(status))")
        #expect(leftovers().isEmpty, "\(leftovers())")
    }

    /// A Word draft is opened in memory: with no usable temporary folder at all it is still read,
    /// so no copy of it can be left on disk when the process dies.
    @Test func aWordDraftIsReadWithoutATemporaryCopy() throws {
        let folder = try Self.folder()
        let draft = try DocxFixture.docx(DocxFixture.p("Well done to Oliver Whitfield!"))
        try Data(draft).write(to: URL(fileURLWithPath: folder.absolute("named.docx")))
        let result = try PostLintProcess.run(["check", "--format", "json", "named.docx"], in: folder.path,
                                             environment: ["TMPDIR": folder.absolute("no-such-folder")])
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("Oliver Whitfield"))
    }
}
