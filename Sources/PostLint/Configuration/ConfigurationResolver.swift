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
    /// Each configuration file's load result, by absolute path.
    private var loaded: [String: Result<Configuration, ConfigurationErrors>] = [:]

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
        let absolute = LexicalPath.absolute(filePath, base: workingDirectory)
        return try configuration(forFolder: LexicalPath.parent(absolute) ?? "/")
    }

    /// The configuration for files directly inside the folder `folderPath`.
    public func configuration(forFolder folderPath: String) throws(ConfigurationErrors) -> Configuration {
        let folder = LexicalPath.absolute(folderPath, base: workingDirectory)
        lock.lock()
        defer { lock.unlock() }
        let file = explicitPath ?? discoverFile(from: folder)
        guard !file.isEmpty else { return Configuration() }
        return try load(file).get()
    }

    /// `filePath` relative to the configuration's folder, as `overrides` and `ignore` globs expect; nil
    /// when the file is outside it (a `--config` elsewhere) or there is no configuration file.
    public func relativePath(of filePath: String, in configuration: Configuration) -> String? {
        guard let base = configuration.baseDirectory else { return nil }
        return LexicalPath.relative(LexicalPath.absolute(filePath, base: workingDirectory), to: base)
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
    private func load(_ file: String) -> Result<Configuration, ConfigurationErrors> {
        if let result = loaded[file] { return result }
        // Errors name the file relative to the working directory when it is inside it, as typed paths are.
        let shown = LexicalPath.relative(file, to: workingDirectory) ?? file
        let result: Result<Configuration, ConfigurationErrors>
        do {
            var configuration = try loader.load(path: file)
            configuration.path = file
            result = .success(configuration)
        } catch {
            result = .failure(ConfigurationErrors(error.errors.map { error in
                var error = error
                error.path = shown
                return error
            }))
        }
        loaded[file] = result
        return result
    }

    /// A regular file (or a symlink to one): a folder named `.postlint.yml` is not a configuration.
    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
