import ArgumentParser
import Foundation
import PostLint
import PostLintGit
import PostLintReporters

/// `postlint hook install|uninstall|run`: a plain git pre-commit hook, for repositories that do not
/// use the pre-commit framework. The hook checks the *staged* content of staged drafts.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove a git pre-commit hook that checks the staged drafts.",
        subcommands: [HookInstallCommand.self, HookUninstallCommand.self, HookRunCommand.self])
}

/// What identifies a hook as PostLint's: `uninstall` removes only a file carrying this line, and
/// `install` replaces such a file without `--force`.
enum PreCommitHook {
    static let marker = "# postlint-managed-hook"
    static let backupName = "pre-commit.postlint-backup"

    /// The hook script. `binary` is the postlint that installed it; when that file is gone (moved,
    /// upgraded elsewhere), `postlint` on PATH is used instead.
    static func script(binary: String, failLevel: Level) -> String {
        """
        #!/bin/sh
        \(marker): written by `postlint hook install`; `postlint hook uninstall` removes it.
        # Checks the staged content of the staged drafts (not the working copy) and blocks the commit
        # when PostLint finds something at level \(failLevel.rawValue) or above, or cannot read a draft.
        # Skip it once with `git commit --no-verify`.
        installed=\(shellQuoted(binary))
        postlint="$installed"
        if [ ! -x "$postlint" ]; then
          postlint=$(command -v postlint) || {
            echo "postlint hook: $installed is gone and postlint is not on PATH;" \\
                 "reinstall it, or commit with --no-verify" >&2
            exit 1
          }
        fi
        exec "$postlint" hook run --fail-level \(failLevel.rawValue)

        """
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func isPostLints(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix(marker) }
    }

    /// Whether the hook is exactly a script `install` writes (for some binary and level): only such a
    /// file holds nothing of anyone's, so only it may be replaced or removed without a backup.
    static func isUnedited(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("installed='") && $0.hasSuffix("'") }) else {
            return false
        }
        let binary = line.dropFirst("installed='".count).dropLast().replacingOccurrences(of: "'\\''", with: "'")
        return Level.allCases.contains { script(binary: binary, failLevel: $0) == text }
    }

    /// The hooks folder git uses for the repository around the current folder: `git rev-parse
    /// --git-path hooks` honours linked worktrees, `core.hooksPath` and `GIT_DIR`.
    static func hooksFolder() throws -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let output: Data
        do {
            output = try Git.run(["rev-parse", "--git-path", "hooks"], in: cwd)
        } catch {
            printError("postlint: not in a git repository (\(error))")
            throw ExitStatus.error
        }
        let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
        return path.hasPrefix("/") ? path : (cwd as NSString).appendingPathComponent(path)
    }

    /// The running binary's absolute path (symlinks resolved), for baking into the hook.
    static func currentExecutable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        if let path = Bundle.main.executablePath { return (path as NSString).standardizingPath }
        let argument = CommandLine.arguments[0]
        guard argument.contains("/") else { return argument }
        let absolute = argument.hasPrefix("/") ? argument
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(argument)
        return (absolute as NSString).standardizingPath
    }

    /// The backups in `folder`, oldest first: `pre-commit.postlint-backup`, then `.1`, `.2`…
    static func backups(in folder: String) -> [(number: Int, path: String)] {
        let base = (folder as NSString).appendingPathComponent(backupName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> (Int, String)? in
            if name == backupName { return (0, base) }
            guard name.hasPrefix(backupName + "."), let number = Int(name.dropFirst(backupName.count + 1)), number > 0 else {
                return nil
            }
            return (number, "\(base).\(number)")
        }.sorted { $0.0 < $1.0 }
    }

    /// The name for a new backup: after every existing one, so the highest number is the latest.
    static func freeBackupPath(in folder: String) -> String {
        let base = (folder as NSString).appendingPathComponent(backupName)
        guard let last = backups(in: folder).last else { return base }
        return "\(base).\(last.number + 1)"
    }

    /// True for a file or a symlink (even a dangling one).
    static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write the repository's pre-commit hook (refuses to replace another hook without --force).")

    @Flag(help: "Replace a pre-commit hook that is not PostLint's; it is kept as pre-commit.postlint-backup.")
    var force = false

    @Option(help: "Lowest level that blocks the commit: error, warning or note.")
    var failLevel: Level = .error

    func validate() throws {
        guard failLevel != .off else { throw ValidationError("--fail-level must be error, warning or note") }
    }

    func run() throws {
        let folder = try PreCommitHook.hooksFolder()
        let hook = (folder as NSString).appendingPathComponent("pre-commit")
        let fileManager = FileManager.default
        var note = "installed"
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if PreCommitHook.exists(hook) {
                if PreCommitHook.isUnedited(hook) {
                    note = "updated"
                } else if force || PreCommitHook.isPostLints(hook) {
                    // Anything a person may have written (a foreign hook, or PostLint's edited) is kept.
                    let backup = PreCommitHook.freeBackupPath(in: folder)
                    try fileManager.moveItem(atPath: hook, toPath: backup)
                    printError("postlint: moved the existing pre-commit hook to \(backup)")
                } else {
                    printError("""
                        postlint: \(hook) already exists and is not PostLint's; left unchanged.
                        Use `postlint hook install --force` to replace it (it is kept as \(PreCommitHook.backupName)), \
                        or call `postlint hook run` from it.
                        """)
                    throw ExitStatus.error
                }
            }
            let script = PreCommitHook.script(binary: PreCommitHook.currentExecutable(), failLevel: failLevel)
            // Written beside the hook and renamed over it, so a failed write leaves no half hook.
            let temporary = (folder as NSString).appendingPathComponent(".pre-commit.postlint-\(getpid())")
            guard fileManager.createFile(atPath: temporary, contents: Data(script.utf8),
                                         attributes: [.posixPermissions: 0o755]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
            }
            guard rename(temporary, hook) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(atPath: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("postlint: could not write \(hook): \(error.localizedDescription)")
            throw ExitStatus.error
        }
        print("postlint: \(note) the pre-commit hook at \(hook)")
    }
}

struct HookUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove PostLint's pre-commit hook (never another one); restores the hook --force set aside.")

    func run() throws {
        let folder = try PreCommitHook.hooksFolder()
        let hook = (folder as NSString).appendingPathComponent("pre-commit")
        guard PreCommitHook.exists(hook) else {
            print("postlint: no pre-commit hook at \(hook); nothing to do")
            return
        }
        guard PreCommitHook.isPostLints(hook) else {
            printError("postlint: \(hook) is not PostLint's hook; left unchanged")
            throw ExitStatus.error
        }
        guard PreCommitHook.isUnedited(hook) else {
            printError("postlint: \(hook) was edited after `postlint hook install`; left unchanged (remove it yourself)")
            throw ExitStatus.error
        }
        do {
            try FileManager.default.removeItem(atPath: hook)
            print("postlint: removed the pre-commit hook at \(hook)")
            // The latest backup is the hook that was in place when PostLint's was last installed.
            if let backup = PreCommitHook.backups(in: folder).last?.path {
                try FileManager.default.moveItem(atPath: backup, toPath: hook)
                print("postlint: restored the previous hook from \(backup)")
            }
        } catch {
            printError("postlint: \(error.localizedDescription)")
            throw ExitStatus.error
        }
    }
}

/// `postlint hook run`: what the installed hook runs. Reads the staged drafts from the index with one
/// `git cat-file --batch`, finds each one's configuration from its folder in the working tree, and
/// reports paths as in the repository.
struct HookRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check the staged content of the staged drafts (what the installed hook runs).")

    @Option(help: "Lowest level that makes the exit status 1: error, warning or note.")
    var failLevel: Level = .error

    @Option(help: "Output format: text, json, sarif or github.")
    var format: ReportFormat = .text

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Replace matched pupils' names in the output with a placeholder (positions stay exact).")
    var redact = false

    @Flag(help: "Report findings on every line of the staged drafts, not only on the lines this commit changes.")
    var allLines = false

    @Option(help: "A baseline file (written by `postlint baseline`): findings recorded there do not block the commit.")
    var baseline: String?

    func validate() throws {
        guard failLevel != .off else { throw ValidationError("--fail-level must be error, warning or note") }
    }

    func run() throws {
        let staged: (topLevel: String, drafts: [StagedDraft])
        do {
            staged = try StagedDrafts.load(from: FileManager.default.currentDirectoryPath)
        } catch {
            printError("postlint: could not read the staged files: \(error)")
            throw ExitStatus.error
        }
        guard !staged.drafts.isEmpty else { return }
        // Only what this commit changes is reported, unless --all-lines: an old post's findings
        // must not block a commit that fixes a typo elsewhere in it.
        let adjustments: ReportAdjustments
        do {
            adjustments = ReportAdjustments(
                baseline: try baseline.map { try Baseline(contentsOf: $0, workingDirectory: FileManager.default.currentDirectoryPath) },
                changes: allLines ? nil : try ChangedLines.staged(inTopLevel: staged.topLevel),
                workingDirectory: staged.topLevel)
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }

        let linter = Linter()
        let resolver = ConfigurationResolver(
            loader: linter.configurationLoader,
            workingDirectory: staged.topLevel)
        var plan = ScanPlan(resolver: resolver, linter: linter)
        var jobs: [(draft: StagedDraft, settings: BatchLinter.FileSettings)] = []
        for draft in staged.drafts {
            let settings = plan.settings(forVirtualFile: draft.path)
            if let relative = settings.relativePath, Self.isIgnored(relative, by: settings.configuration.ignore) { continue }
            jobs.append((draft, settings))
        }

        let results = ResultSlots(count: jobs.count)
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let (draft, settings) = work[index]
            results.set(index, linter.lint(bytes: draft.bytes, path: draft.path, format: draft.format,
                                            configuration: settings.configuration, relativePath: settings.relativePath))
        }

        let redactor = redact ? NameRedactor(descriptors: linter.descriptors) : nil
        let reports = results.reports.map { report in
            let adjusted = adjustments.apply(report)
            return redactor?.redact(adjusted) ?? adjusted
        }
        // Configuration errors, roster problems and checks that cannot run come first.
        let run = RunReport(rules: linter.descriptors, files: plan.problemReports + reports,
                            workingDirectory: staged.topLevel)
        let useColor = format == .text && color.enabled(for: FileHandle.standardOutput)
        FileHandle.standardOutput.write(Data(format.reporter(useColor: useColor).render(run).utf8))
        let status = exitStatus(run.files)
        if status != .success {
            printError("postlint: commit blocked: fix the drafts (or the configuration) above and stage the fixes "
                       + "(git add), or commit with --no-verify to skip this check once.")
        }
        throw status
    }

    /// Like walking folders: a staged draft under a configuration's `ignore` globs is not checked.
    static func isIgnored(_ relative: String, by ignore: [String]) -> Bool {
        guard !ignore.isEmpty else { return false }
        let globs = ignore.map(Glob.init)
        let parts = relative.split(separator: "/")
        return parts.indices.contains { end in
            let prefix = parts[...end].joined(separator: "/")
            return globs.contains { $0.matches(prefix) }
        }
    }

    private func exitStatus(_ reports: [FileReport]) -> ExitCode {
        if reports.contains(where: { $0.problems.contains { $0.severity == .error } }) { return ExitStatus.error }
        let failing = reports.contains { $0.diagnostics.contains { $0.isOutstanding && $0.level >= failLevel } }
        return failing ? ExitStatus.findings : .success
    }
}

/// One slot per job, filled from `concurrentPerform`'s threads.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [FileReport?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ report: FileReport) {
        lock.lock()
        slots[index] = report
        lock.unlock()
    }

    var reports: [FileReport] { slots.compactMap { $0 } }
}
