#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands command-line paths (relative to the resolver's working directory) into the files to check, in a deterministic order: arguments as given,
/// and within each folder entries sorted by name, folders walked where they sort.
///
/// Files named explicitly are checked whatever they are called if PostLint reads their format, even
/// when hidden or ignored: naming a file is a clear request. Folders are walked for known extensions,
/// skipping hidden entries, paths matched by the nearest configuration's `ignore` globs, FIFOs,
/// sockets and devices. Symlinks to files inside the folder being checked are followed; a link that
/// resolves outside it is refused with a problem (a link in a pull request to a credentials file
/// must not put the file into a report). Symlinks to folders are not followed (as git and ripgrep
/// do), which rules out loops, and folders are tracked by device and inode so one reached twice
/// (`docs` and a link to it, both named) is walked once. Nothing is skipped without a word: an entry
/// that cannot be examined (a path longer than PATH_MAX) or whose name is not UTF-8 is a problem.
///
/// It uses opendir/readdir rather than FileManager because readdir's `d_type` tells files from folders
/// without a stat per entry: a tree of 100,000 files costs one lstat per folder, not per file, and
/// files are never stat'ed here at all (the reader opens them once, later).
package struct FileCollector: Sendable {
    package struct Collected: Sendable {
        package var files: [String]
        package var problems: [Problem]
    }

    package let resolver: ConfigurationResolver

    package init(resolver: ConfigurationResolver) {
        self.resolver = resolver
    }

    /// Why a file named on the command line was not read: what PostLint does read instead.
    package static let unsupportedMessage = "unsupported file type: PostLint reads \(DocumentFormat.extensionList) files"

    /// What a folder walk looks for, for a run that found nothing to check.
    package static let noDraftsMessage = "no drafts found: folders are searched recursively for \(DocumentFormat.extensionList) "
        + "files (any letter case), skipping hidden files and folders and the configuration's ignore globs"

    /// The absolute path with every link resolved, or nil when it does not resolve.
    static func resolvedPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// All files to check, and the problems with the arguments (missing paths, unsupported files).
    package func collect(_ arguments: [String]) -> Collected {
        var files: [String] = []
        let problems = collect(arguments) { files.append($0) }
        return Collected(files: files, problems: problems)
    }

    /// Streams the files to check to `body` as they are found, so checking can start before a large
    /// tree is fully walked; returns the problems with the arguments.
    ///
    /// Configuration errors are not reported here: the engine resolves every file's configuration and
    /// reports them once. A folder whose configuration does not load is walked without `ignore` globs.
    package func collect(_ arguments: [String], _ body: (String) -> Void) -> [Problem] {
        withoutActuallyEscaping(body) { body in
            var walk = Walk(resolver: resolver, emit: body)
            for argument in arguments { walk.visitArgument(argument) }
            return walk.problems
        }
    }
}

/// The state of one collection: what was seen, so nothing is produced twice.
private struct Walk {
    struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let resolver: ConfigurationResolver
    let emit: (String) -> Void
    var workingDirectory: String { resolver.workingDirectory }
    var problems: [Problem] = []
    var seenFiles: Set<String> = []
    var seenFolders: Set<FolderID> = []
    /// The resolved folder named on the command line that is being walked: links must stay inside it.
    var root = "/"
    /// Compiled `ignore` globs and base folder, by configuration file.
    var ignoreCache: [String: (base: String, rules: IgnoreRules)] = [:]

    init(resolver: ConfigurationResolver, emit: @escaping (String) -> Void) {
        self.resolver = resolver
        self.emit = emit
    }

    mutating func visitArgument(_ argument: String) {
        let shown = Self.displayForm(argument)
        let absolute = LexicalPath.absolute(argument, base: workingDirectory)
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            let message = errno == ENOENT || errno == ENOTDIR ? "no such file or directory" : Self.errorText(errno)
            problems.append(Problem(severity: .error, path: shown, message: message))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            root = FileCollector.resolvedPath(absolute) ?? absolute
            walkFolder(shown: shown == "." ? "" : shown, absolute: absolute, info: info)
        case S_IFREG:
            guard DocumentFormat(path: absolute) != nil else {
                problems.append(Problem(severity: .error, path: shown, message: FileCollector.unsupportedMessage))
                return
            }
            produce(shown: shown, absolute: absolute)
        default:
            problems.append(Problem(severity: .error, path: shown, message: "not a regular file or folder"))
        }
    }

    private mutating func walkFolder(shown: String, absolute: String, info: stat) {
        guard seenFolders.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        guard let directory = opendir(absolute) else {
            problems.append(Problem(severity: .error, path: shown.isEmpty ? "." : shown, message: Self.errorText(errno)))
            return
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes.first == UInt8(ascii: ".") { continue }  // hidden, and also `.` and `..`
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let escaped = Self.escapedName(bytes)
                problems.append(Problem(severity: .error, path: shown.isEmpty ? escaped : LexicalPath.join(shown, escaped),
                                        message: "the file name is not valid UTF-8 (shown with \\x escapes); it was not checked, rename it"))
                continue
            }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }

        let ignore = ignoreGlobs(forFolder: absolute)
        for (name, type) in entries {
            let childAbsolute = LexicalPath.join(absolute, name)
            let childShown = shown.isEmpty ? name : LexicalPath.join(shown, name)
            var kind = type
            var childInfo = stat()
            if kind == UInt8(DT_DIR) || kind == UInt8(DT_UNKNOWN) {
                guard lstat(childAbsolute, &childInfo) == 0 else {
                    problems.append(Problem(severity: .error, path: childShown, message: Self.errorText(errno)))
                    continue
                }
                kind = Self.direntType(childInfo.st_mode)
            }
            switch kind {
            case UInt8(DT_DIR):
                if !isIgnored(childAbsolute, by: ignore) {
                    walkFolder(shown: childShown, absolute: childAbsolute, info: childInfo)
                }
            case UInt8(DT_REG):
                if DocumentFormat(path: name) != nil, !isIgnored(childAbsolute, by: ignore) {
                    produce(shown: childShown, absolute: childAbsolute)
                }
            case UInt8(DT_LNK):
                // A link to a file is checked; a link to a folder is not followed (no loops, no escapes).
                guard DocumentFormat(path: name) != nil, !isIgnored(childAbsolute, by: ignore) else { continue }
                guard stat(childAbsolute, &childInfo) == 0, childInfo.st_mode & S_IFMT == S_IFREG else { continue }
                guard let target = FileCollector.resolvedPath(childAbsolute), target.hasPrefix(root == "/" ? "/" : root + "/") else {
                    problems.append(Problem(severity: .error, path: childShown,
                                            message: "a symbolic link to a file outside the folder being checked; it was not read"))
                    continue
                }
                produce(shown: childShown, absolute: childAbsolute)
            default:
                continue  // FIFOs, sockets, devices: reading them could block or never end
            }
        }
    }

    private mutating func produce(shown: String, absolute: String) {
        guard seenFiles.insert(absolute).inserted else { return }
        emit(shown)
    }

    /// The nearest configuration's `ignore` globs for entries of `folder`, compiled once per file.
    private mutating func ignoreGlobs(forFolder folder: String) -> (base: String, rules: IgnoreRules)? {
        // A damaged configuration's `ignore` still applies when that key itself loaded.
        let configuration = resolver.partialConfiguration(forFolder: folder)
        guard let base = configuration.baseDirectory, !configuration.ignore.isEmpty else { return nil }
        let key = configuration.path ?? base
        if let cached = ignoreCache[key] { return cached }
        let compiled = (base, IgnoreRules(configuration.ignore))
        ignoreCache[key] = compiled
        return compiled
    }

    private func isIgnored(_ absolute: String, by ignore: (base: String, rules: IgnoreRules)?) -> Bool {
        guard let ignore, let relative = LexicalPath.relative(absolute, to: ignore.base) else { return false }
        return ignore.rules.matches(relative)
    }

    /// The user's path as they typed it, less a leading `./` and trailing slashes.
    static func displayForm(_ argument: String) -> String {
        var shown = Substring(argument)
        while shown.hasPrefix("./") {
            shown = shown.dropFirst(2)
            while shown.hasPrefix("/") { shown = shown.dropFirst() }
        }
        while shown.count > 1, shown.hasSuffix("/") { shown = shown.dropLast() }
        return shown.isEmpty ? "." : String(shown)
    }

    /// A file name's bytes, with each byte that is not part of valid UTF-8 written as `\xHH`.
    static func escapedName(_ bytes: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = bytes[index] < 0x80 ? 1 : bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 2
            if index + length <= bytes.count, let valid = String(validating: bytes[index..<index + length], as: UTF8.self) {
                result += valid
                index += length
            } else {
                result += "\\x" + String(bytes[index], radix: 16, uppercase: true)
                index += 1
            }
        }
        return result
    }

    static func direntType(_ mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: UInt8(DT_DIR)
        case S_IFREG: UInt8(DT_REG)
        case S_IFLNK: UInt8(DT_LNK)
        default: UInt8(DT_FIFO)
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
