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
        if isNormalized(path) { return path }  // almost every path a folder walk makes: no copy
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

    /// Whether `normalized` would return `path` itself: absolute, and no empty, `.` or `..` component
    /// (so no repeated or trailing slash), read in one pass over the bytes.
    private static func isNormalized(_ path: String) -> Bool {
        var utf8 = path.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "/") else { return false }
        if path.utf8.count == 1 { return true }
        // Bytes of the current component so far, and whether they are all dots.
        var length = 0
        var allDots = true
        func componentIsPlain() -> Bool { length > 0 && !(allDots && length <= 2) }
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "/") {
                guard componentIsPlain() else { return false }
                length = 0
                allDots = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { allDots = false }
            }
        }
        return componentIsPlain()
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
