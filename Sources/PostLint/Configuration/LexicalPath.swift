import Foundation

/// Path arithmetic on `/`-separated strings, without touching the file system: configuration
/// discovery and globs work on the paths the user gave, so symlinks are deliberately not resolved.
package enum LexicalPath {
    /// `path` made absolute against `base` (normally the working directory), with `.`, `..` and
    /// repeated slashes removed.
    package static func absolute(_ path: String, base: String) -> String {
        normalized(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// An absolute path with `.`, `..` and empty components removed; `..` above the root stays at it.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding an absolute path; the root's parent is nil.
    package static func parent(_ path: String) -> String? {
        guard path != "/" else { return nil }
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` relative to the folder `base` (both absolute and normalized), or nil when it is not
    /// inside it.
    static func relative(_ path: String, to base: String) -> String? {
        if base == "/" { return path == "/" ? nil : String(path.dropFirst()) }
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }

    package static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The process's working directory, read once per call site that needs it.
    static var currentDirectory: String { FileManager.default.currentDirectoryPath }
}
