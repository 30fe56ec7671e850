import Foundation

/// Loads each set of roster files once per run, however many files and threads ask for it.
///
/// The key is the list of paths with each file's modification time and size, and the load options
/// (consent columns, the sealed roster's key and its key file's time and size), so a long-lived
/// process (an editor server) picks up a new export or a new key. Loading happens under the lock: the threads of
/// a batch that need the same roster wait for the first to load it rather than loading it again.
/// A roster's problems are handed out once — to the first file checked with it — so a broken roster
/// is reported once per run rather than under every post.
package final class RosterStore: @unchecked Sendable {
    package struct Lookup: Sendable {
        package var roster: Roster?
        /// Problems not yet reported in this run (empty after the first lookup of a key).
        package var newProblems: [Problem]
    }

    private struct Key: Hashable {
        var paths: [String]
        var stamps: [Int64]
        var options: RosterLoadOptions
    }

    private struct Entry {
        var result: RosterLoadResult
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    private let environment: [String: String]

    /// `environment` supplies `POSTLINT_ROSTER_KEY` for sealed rosters (the process's, unless a test
    /// gives its own).
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The roster `configuration` names, read as its `roster-consent:` and `roster-key-file:` say.
    package func roster(for configuration: Configuration) -> Lookup {
        roster(for: configuration.roster, options: RosterLoadOptions(configuration: configuration, environment: environment))
    }

    /// The roster of `paths`; a sealed roster's key comes from `options`, else from the environment.
    package func roster(for paths: [String], options: RosterLoadOptions = RosterLoadOptions()) -> Lookup {
        var options = options
        if options.key.environmentValue == nil {
            options.key = RosterKeySource(environment: environment, keyFile: options.key.keyFile)
        }
        let keyFileStamp = options.key.keyFile.map(Self.stamp) ?? []
        let key = Key(paths: paths, stamps: paths.flatMap(Self.stamp) + keyFileStamp, options: options)
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[key] { return Lookup(roster: entry.result.roster, newProblems: []) }
        let result = RosterLoader.load(paths: paths, options: options)
        entries[key] = Entry(result: result)
        return Lookup(roster: result.roster, newProblems: result.problems)
    }

    /// Modification time (nanoseconds) and size, or -1s when the file cannot be examined.
    private static func stamp(_ path: String) -> [Int64] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [-1, -1] }
        #if canImport(Darwin)
        let seconds = Int64(info.st_mtimespec.tv_sec), nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        let seconds = Int64(info.st_mtim.tv_sec), nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
        return [seconds &* 1_000_000_000 &+ nanoseconds, Int64(info.st_size)]
    }
}
