import Foundation

/// Finds the configuration in force for each scanned file: the nearest `.postlint.yml` (or
/// `.postlint.yaml`) from the file's folder up to the root, or the one `--config` named for every file.
/// Results are cached per folder and per configuration file, so a batch of 10,000 files in one folder
/// reads its configuration once; a lock makes it safe to share between the threads checking files.
/// (NSLock rather than `Synchronization.Mutex`, which needs macOS 15 and the package supports 13.)
public final class ConfigurationResolver: @unchecked Sendable {
    public let loader: ConfigurationLoader
    /// The `--config` file, absolute; when set, discovery is off.
    public let explicitPath: String?
    /// What relative paths (of files and of `--config`) are relative to.
    public let workingDirectory: String
    private let lock = NSLock()
    /// Configuration file (absolute path, or "" for none) in force for each folder already looked at.
    private var fileForFolder: [String: String] = [:]
    /// Each configuration file as loaded (with its `damage`, if any), by absolute path.
    private var loaded: [String: Configuration] = [:]

    /// - Parameters:
    ///   - explicitPath: the `--config` file; relative paths are against `workingDirectory`.
    ///   - workingDirectory: what relative file paths are relative to; the process's by default.
    public init(loader: ConfigurationLoader, explicitPath: String? = nil, workingDirectory: String? = nil) {
        self.loader = loader
        let workingDirectory = LexicalPath.normalized(workingDirectory ?? LexicalPath.currentDirectory)
        self.workingDirectory = workingDirectory
        self.explicitPath = explicitPath.map { LexicalPath.absolute($0, base: workingDirectory) }
    }

    /// The configuration for the file at `filePath`, or `Configuration()` when no configuration file
    /// applies. Throws the configuration file's errors (the same ones for every file under it).
    public func configuration(forFile filePath: String) throws(ConfigurationErrors) -> Configuration {
        try partialConfiguration(forFile: filePath).complete()
    }

    /// The configuration for files directly inside the folder `folderPath`.
    public func configuration(forFolder folderPath: String) throws(ConfigurationErrors) -> Configuration {
        try partialConfiguration(forFolder: folderPath).complete()
    }

    /// What could be loaded of the configuration for the file at `filePath`: the keys without mistakes,
    /// with `damage` saying what was lost (see `ConfigurationLoader.loadPartially(path:)`).
    public func partialConfiguration(forFile filePath: String) -> Configuration {
        let absolute = LexicalPath.absolute(filePath, base: workingDirectory)
        return partialConfiguration(forFolder: LexicalPath.parent(absolute) ?? "/")
    }

    /// What could be loaded of the configuration for files directly inside the folder `folderPath`.
    public func partialConfiguration(forFolder folderPath: String) -> Configuration {
        let folder = LexicalPath.absolute(folderPath, base: workingDirectory)
        lock.lock()
        defer { lock.unlock() }
        let file = explicitPath ?? discoverFile(from: folder)
        guard !file.isEmpty else { return Configuration() }
        return load(file)
    }


    /// `filePath` relative to the configuration's folder, as `overrides` and `ignore` globs expect; nil
    /// when the file is outside it (a `--config` elsewhere) or there is no configuration file.
    public func relativePath(of filePath: String, in configuration: Configuration) -> String? {
        guard let base = configuration.baseDirectory else { return nil }
        return LexicalPath.relative(LexicalPath.absolute(filePath, base: workingDirectory), to: base)
    }

    /// How messages name a file: relative to the working directory when it is inside it, as typed
    /// paths are, else absolute.
    public func shownPath(of file: String) -> String {
        LexicalPath.relative(LexicalPath.absolute(file, base: workingDirectory), to: workingDirectory) ?? file
    }

    /// The nearest configuration file at or above `folder`, or "" for none; called with the lock held.
    /// Every folder on the way up is cached, so sibling folders stop at the first cached ancestor.
    private func discoverFile(from folder: String) -> String {
        var visited: [String] = []
        var current: String? = folder
        var found = ""
        while let here = current {
            if let cached = fileForFolder[here] {
                found = cached
                break
            }
            visited.append(here)
            if let file = ConfigurationLoader.fileNames.lazy.map({ LexicalPath.join(here, $0) }).first(where: Self.isFile) {
                found = file
                break
            }
            current = LexicalPath.parent(here)
        }
        for folder in visited { fileForFolder[folder] = found }
        return found
    }

    /// Loads a configuration file once; called with the lock held.
    private func load(_ file: String) -> Configuration {
        if let configuration = loaded[file] { return configuration }
        var configuration = loader.loadPartially(path: file)
        configuration.path = file
        configuration.damage = configuration.damage?.naming { shownPath(of: $0) }
        loaded[file] = configuration
        return configuration
    }

    /// A regular file (or a symlink to one): a folder named `.postlint.yml` is not a configuration.
    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
