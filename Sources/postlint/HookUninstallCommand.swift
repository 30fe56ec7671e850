import ArgumentParser
import Foundation

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
