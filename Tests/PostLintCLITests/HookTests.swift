import Foundation
import PostLint
import PostLintGit
import PostLintTestSupport
import Testing

/// `postlint hook install|uninstall` with real git in temporary repositories: the installed hook checks
/// what is staged, not the working copy, and never clobbers or removes a hook that is not PostLint's.
@Suite struct HookTests {
    static let opinionConfig = "rules:\n  personal-opinion: error\n"
    static let bad = "I think the fair was great.\n\nMrs Ann Lee, Headteacher\n"
    static let clean = "The fair was great.\n\nMrs Ann Lee, Headteacher\n"

    /// A new repository (in a folder whose name has a space) with a configuration that makes
    /// opinions errors.
    struct Repository {
        let folder: TemporaryFolder
        let path: String

        init() throws {
            folder = try TemporaryFolder()
            path = try folder.makeFolder("school site")
            try git(["init", "-q", "."])
            try write(".postlint.yml", HookTests.opinionConfig)
        }

        @discardableResult
        func git(_ arguments: [String]) throws -> String {
            String(decoding: try Git.run(["-c", "user.name=Test", "-c", "user.email=test@example.com",
                                          "-c", "commit.gpgsign=false"] + arguments, in: path), as: UTF8.self)
        }

        /// `git commit`, returning its status and what it (and the hook) printed.
        func commit(_ message: String = "post", paths: [String] = [], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                                 "-c", "commit.gpgsign=false", "commit", "-q", "-m", message] + paths
            process.currentDirectoryURL = URL(fileURLWithPath: path)
            if let environment { process.environment = environment }
            let log = folder.absolute("commit-output-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            process.waitUntilExit()
            try handle.close()
            return (process.terminationStatus, try String(contentsOfFile: log, encoding: .utf8))
        }

        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            try folder.write("school site/" + relative, text)
        }

        func postlint(_ arguments: [String], executable: URL? = nil) throws -> PostLintProcess.Result {
            try PostLintProcess.run(arguments, in: path, executable: executable)
        }

        var hook: String { path + "/.git/hooks/pre-commit" }

        func commitCount() throws -> Int {
            (try? git(["rev-list", "--count", "HEAD"])).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        }
    }

    @Test func installWritesAnExecutableMarkedHook() throws {
        let repo = try Repository()
        let result = try repo.postlint(["hook", "install"])
        #expect(result.status == 0, "\(result.standardError)")
        let attributes = try FileManager.default.attributesOfItem(atPath: repo.hook)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o111 == 0o111 } == true)
        let script = try String(contentsOfFile: repo.hook, encoding: .utf8)
        #expect(script.hasPrefix("#!/bin/sh\n# postlint-managed-hook"))
        #expect(script.contains(PostLintProcess.executable.resolvingSymlinksInPath().path), "the installing binary is baked in")
        let again = try repo.postlint(["hook", "install"])
        #expect(again.status == 0 && again.standardOutput.contains("updated"), "its own hook is replaced without --force")
    }

    @Test func stagedBadDraftFixedOnlyInTheWorkingCopyIsStillBlocked() throws {
        let repo = try Repository()
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try repo.write("news/fair post.md", Self.bad)
        try repo.git(["add", "."])
        try repo.write("news/fair post.md", Self.clean)  // fixed, but not staged
        let commit = try repo.commit()
        #expect(commit.status != 0, "the staged content has an error")
        #expect(commit.output.contains("news/fair post.md:1:1: error:"), "\(commit.output)")
        #expect(commit.output.contains("[personal-opinion]"))
        #expect(commit.output.contains("commit blocked"))
        #expect(try repo.commitCount() == 0)

        try repo.git(["add", "news/fair post.md"])
        let fixed = try repo.commit()
        #expect(fixed.status == 0, "\(fixed.output)")
        #expect(try repo.commitCount() == 1)
    }

    @Test func stagedCleanDraftBrokenOnlyInTheWorkingCopyIsAllowed() throws {
        let repo = try Repository()
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try repo.write("post.md", Self.clean)
        try repo.git(["add", "."])
        try repo.write("post.md", Self.bad)  // broken, but not staged
        let commit = try repo.commit()
        #expect(commit.status == 0, "\(commit.output)")
        #expect(try repo.commitCount() == 1)
    }

    /// `git commit PATH` commits the working copy of PATH through a temporary index (GIT_INDEX_FILE):
    /// the hook checks that, since it is what will be committed.
    @Test func commitOfNamedPathsChecksWhatWillBeCommitted() throws {
        let repo = try Repository()
        try repo.write("post.txt", Self.clean)
        try repo.git(["add", "."])
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        #expect(try repo.commit().status == 0)
        try repo.write("post.txt", Self.bad)  // not staged, but named on the command line
        let commit = try repo.commit(paths: ["post.txt"])
        #expect(commit.status != 0, "\(commit.output)")
        #expect(commit.output.contains("post.txt:1:1: error:"))
    }

    /// Word drafts are staged as blobs too: the zip is read from the index, not from the working copy.
    @Test func stagedWordDraftIsChecked() throws {
        let repo = try Repository()
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try FileManager.default.copyItem(atPath: PostLintProcess.packageRoot + "/Samples/news/sports-day.docx",
                                         toPath: repo.path + "/sports day.docx")
        try repo.git(["add", "."])
        try FileManager.default.removeItem(atPath: repo.path + "/sports day.docx")  // only the staged copy is left
        let commit = try repo.commit()
        #expect(commit.status != 0)
        #expect(commit.output.contains("sports day.docx: footer 1, paragraph 1"), "\(commit.output)")
    }

    @Test func warningsDoNotBlockAndOnlyDraftsAreChecked() throws {
        let repo = try Repository()
        try repo.write(".postlint.yml", "rules:\n  personal-opinion: warning\n")
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try repo.write("post.txt", Self.bad)
        try repo.write("notes.csv", "I think, so\n")
        try repo.git(["add", "."])
        let commit = try repo.commit()
        #expect(commit.status == 0, "\(commit.output)")
        #expect(commit.output.contains("post.txt:1:1: warning:"), "warnings are shown")
        #expect(!commit.output.contains("notes.csv"))
    }

    @Test func ignoredAndDeletedDraftsAreNotChecked() throws {
        let repo = try Repository()
        try repo.write(".postlint.yml", Self.opinionConfig + "ignore: [\"archive/**\"]\n")
        try repo.write("old.txt", Self.bad)
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "-m", "before the hook"])
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try repo.write("archive/2019 post.txt", Self.bad)
        try repo.git(["add", "."])
        try repo.git(["rm", "-q", "old.txt"])
        let commit = try repo.commit()
        #expect(commit.status == 0, "\(commit.output)")
    }

    @Test func refusesToReplaceAForeignHook() throws {
        let repo = try Repository()
        let foreign = "#!/bin/sh\necho other tool\n"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try foreign.write(toFile: repo.hook, atomically: true, encoding: .utf8)
        let result = try repo.postlint(["hook", "install"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not PostLint's"))
        #expect(try String(contentsOfFile: repo.hook, encoding: .utf8) == foreign)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit.postlint-backup"))
    }

    @Test func forceKeepsTheForeignHookAsABackupAndUninstallRestoresIt() throws {
        let repo = try Repository()
        let foreign = "#!/bin/sh\necho other tool\n"
        let backup = repo.path + "/.git/hooks/pre-commit.postlint-backup"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try foreign.write(toFile: repo.hook, atomically: true, encoding: .utf8)
        let result = try repo.postlint(["hook", "install", "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == foreign)
        #expect(try String(contentsOfFile: repo.hook, encoding: .utf8).contains("postlint-managed-hook"))

        let uninstall = try repo.postlint(["hook", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.standardError)")
        #expect(try String(contentsOfFile: repo.hook, encoding: .utf8) == foreign, "the previous hook is back")
        #expect(!FileManager.default.fileExists(atPath: backup))
    }

    @Test func uninstallLeavesAForeignHookAlone() throws {
        let repo = try Repository()
        let foreign = "#!/bin/sh\necho other tool\n"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try foreign.write(toFile: repo.hook, atomically: true, encoding: .utf8)
        let result = try repo.postlint(["hook", "uninstall"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not PostLint's"))
        #expect(try String(contentsOfFile: repo.hook, encoding: .utf8) == foreign)
    }

    @Test func uninstallRemovesItsOwnHook() throws {
        let repo = try Repository()
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        let result = try repo.postlint(["hook", "uninstall"])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: repo.hook))
        try repo.write("post.txt", Self.bad)
        try repo.git(["add", "."])
        #expect(try repo.commit().status == 0, "no hook any more")
        let again = try repo.postlint(["hook", "uninstall"])
        #expect(again.status == 0 && again.standardOutput.contains("nothing to do"))
    }

    @Test func honoursCoreHooksPath() throws {
        let repo = try Repository()
        try repo.git(["config", "core.hooksPath", "team hooks"])
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.path + "/team hooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.hook))
        try repo.write("post.txt", Self.bad)
        try repo.git(["add", "post.txt"])
        #expect(try repo.commit().status != 0)
    }

    /// The binary lives in a folder with a space and its name has a quote: the baked path is quoted
    /// for the shell. When that binary is gone and none is on PATH the commit is blocked with a reason.
    @Test func bakedBinaryPathWithSpacesAndQuotesAndAMissingBinary() throws {
        let repo = try Repository()
        let binFolder = try repo.folder.makeFolder("tools dir")
        let binary = binFolder + "/it's postlint"
        // A hard link, not a copy: a copy's open write descriptor can leak into a process another
        // test forks at that moment, and exec then fails with "Text file busy".
        do {
            try FileManager.default.linkItem(atPath: PostLintProcess.executable.path, toPath: binary)
        } catch {
            try FileManager.default.copyItem(atPath: PostLintProcess.executable.path, toPath: binary)
        }
        let install = try repo.postlint(["hook", "install"], executable: URL(fileURLWithPath: binary))
        #expect(install.status == 0, "\(install.standardError)")
        try repo.write("sub folder/my post.txt", Self.bad)
        try repo.git(["add", "."])
        let commit = try repo.commit()
        #expect(commit.status != 0)
        #expect(commit.output.contains("sub folder/my post.txt:1:1: error:"), "\(commit.output)")

        try FileManager.default.removeItem(atPath: binary)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/usr/bin:/bin"
        let missing = try repo.commit(environment: environment)
        #expect(missing.status != 0)
        #expect(missing.output.contains("is gone and postlint is not on PATH"), "\(missing.output)")
    }

    @Test func hookRunOutsideARepositoryIsAnError() throws {
        let folder = try TemporaryFolder()
        let result = try PostLintProcess.run(["hook", "run"], in: folder.path,
                                             environment: ["GIT_CEILING_DIRECTORIES": (folder.path as NSString).deletingLastPathComponent])
        #expect(result.status == 2)
        #expect(result.standardError.contains("could not read the staged files"))
    }

    /// A hook carrying PostLint's marker but edited since is never replaced without a backup, and
    /// uninstall restores the latest backup (the hook in place at the last install), not the oldest.
    @Test func installBacksUpAnEditedHookAndUninstallRestoresTheLatestBackup() throws {
        let repo = try Repository()
        let hooks = repo.path + "/.git/hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        let oldest = "#!/bin/sh\necho oldest\n"
        try oldest.write(toFile: repo.hook, atomically: true, encoding: .utf8)
        #expect(try repo.postlint(["hook", "install", "--force"]).status == 0)
        let edited = try String(contentsOfFile: repo.hook, encoding: .utf8) + "echo my own step\n"
        try edited.write(toFile: repo.hook, atomically: true, encoding: .utf8)

        let reinstall = try repo.postlint(["hook", "install"])
        #expect(reinstall.status == 0, "\(reinstall.standardError)")
        #expect(try String(contentsOfFile: hooks + "/pre-commit.postlint-backup", encoding: .utf8) == oldest)
        #expect(try String(contentsOfFile: hooks + "/pre-commit.postlint-backup.1", encoding: .utf8) == edited)
        #expect(try repo.postlint(["hook", "install"]).status == 0, "an unedited hook is updated in place")
        #expect(!FileManager.default.fileExists(atPath: hooks + "/pre-commit.postlint-backup.2"))

        let uninstall = try repo.postlint(["hook", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.standardError)")
        #expect(try String(contentsOfFile: repo.hook, encoding: .utf8) == edited, "the latest backup is restored")
        #expect(try String(contentsOfFile: hooks + "/pre-commit.postlint-backup", encoding: .utf8) == oldest)

        let refused = try repo.postlint(["hook", "uninstall"])
        #expect(refused.status == 2, "an edited hook is not removed")
        #expect(try String(contentsOfFile: repo.hook, encoding: .utf8) == edited)
    }
}
