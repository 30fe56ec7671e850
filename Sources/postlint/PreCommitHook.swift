import Foundation
import PostLint
import PostLintGit

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
