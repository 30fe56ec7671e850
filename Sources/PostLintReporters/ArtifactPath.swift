import PostLint

/// A reported file's path seen from the working directory: relative when the file is inside it
/// (so SARIF results and annotations match the repository's paths), absolute otherwise.
///
/// Pure string work on `/`-separated paths, without touching the file system: reporters must
/// render the same output whether or not the files still exist.
public struct ArtifactPath: Sendable, Hashable {
    /// The normalised absolute path.
    public let absolute: String
    /// The path relative to the working directory, or nil when the file lies outside it.
    public let relative: String?

    public init(_ path: String, workingDirectory: String) {
        let root = Self.normalise(workingDirectory)
        let full = path.hasPrefix("/") ? Self.normalise(path) : Self.normalise(root + "/" + path)
        self.absolute = full
        if root == "/" {
            self.relative = full == "/" ? nil : String(full.dropFirst())
        } else if full.hasPrefix(root + "/") {
            self.relative = String(full.dropFirst(root.count + 1))
        } else {
            self.relative = nil
        }
    }

    /// The relative path when there is one, else the absolute path (GitHub annotations, JSON).
    public var display: String { relative ?? absolute }

    /// Collapses `.`, `..` and repeated slashes; the result is absolute and has no trailing slash.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Percent-encodes a path for a URI: every byte outside RFC 3986's unreserved set except `/`.
    /// Encoding `:` too keeps a relative reference such as `a:b.md` from reading as a scheme.
    public static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// A `file://` URI for an absolute path; with `directory`, it ends in `/` so relative URIs resolve
    /// against it (SARIF `originalUriBaseIds` must end in a slash).
    public static func fileURI(_ absolutePath: String, directory: Bool = false) -> String {
        var path = percentEncoded(absolutePath)
        if directory, !path.hasSuffix("/") { path += "/" }
        return "file://" + path
    }
}
