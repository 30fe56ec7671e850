import ArgumentParser
import Foundation
import PostLint

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
