import Foundation
import PostLint
import PostLintWorker

/// The configuration in force for each open document, found as on the command line (the nearest
/// `.postlint.yml` from the document's folder up) and reloaded when it changes.
///
/// The session's resolver caches per folder, which is right for one batch run but not for an editor
/// session that lasts all day. So before each check the watcher compares the modification stamp (time,
/// size, inode) of every file that decided a configuration — each candidate configuration file on the
/// way up from a document's folder, present or not, each roster file, and each rule file and folder of
/// `rules-path:` — with what it recorded, and reloads the session when anything differs. That is a few
/// `stat` calls per check. A broken
/// configuration is retried on every check, so fixing it (or creating a missing roster) takes effect at
/// once. `invalidate()` forces a reload (on `workspace/didChangeWatchedFiles`). A damaged configuration
/// is used for what loaded, as on the command line.
final class ConfigurationWatcher {
    struct Settings {
        var configuration: Configuration
        var relativePath: String?
        /// The configuration's errors, when some of it could not be loaded (the rest is used).
        var errors: ConfigurationErrors?
        /// The configuration file in force (absolute), if any.
        var file: String?
    }

    private struct Stamp: Equatable {
        var modified: timespec?
        var size: Int64
        var inode: UInt64

        static func == (lhs: Stamp, rhs: Stamp) -> Bool {
            lhs.modified?.tv_sec == rhs.modified?.tv_sec && lhs.modified?.tv_nsec == rhs.modified?.tv_nsec
                && lhs.size == rhs.size && lhs.inode == rhs.inode
        }
    }

    private var session: LintSession
    /// Every file that decided a configuration, with its stamp when it was read (nil: it did not exist).
    private var stamps: [String: Stamp?] = [:]
    private var lastLoadFailed = false

    init(session: LintSession) {
        self.session = session
    }

    /// Forgets every loaded configuration; the next check loads them again.
    func invalidate() {
        session.reload()
        stamps.removeAll()
        lastLoadFailed = false
    }

    func settings(forFile path: String) -> Settings {
        if lastLoadFailed || stamps.contains(where: { Self.stamp($0.key) != $0.value }) {
            invalidate()
        }
        var folder = LexicalPath.parent(path)
        var nearest: String?
        while let here = folder {
            for name in ConfigurationLoader.fileNames {
                let candidate = LexicalPath.join(here, name)
                if stamps[candidate] == nil { stamps[candidate] = .some(Self.stamp(candidate)) }
                if nearest == nil, stamps[candidate] != .some(nil) { nearest = candidate }
            }
            folder = LexicalPath.parent(here)
        }
        let settings = session.settings(forFile: path)
        let configuration = settings.configuration
        for file in configuration.roster + configuration.rulesPath + configuration.runtimeRules.files where stamps[file] == nil {
            stamps[file] = .some(Self.stamp(file))
        }
        let errors = configuration.damage.map { ConfigurationErrors($0.errors) }
        if errors != nil { lastLoadFailed = true }
        return Settings(configuration: configuration, relativePath: settings.relativePath,
                        errors: errors, file: configuration.path ?? nearest)
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Stamp(modified: modified, size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
