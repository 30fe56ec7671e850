/// A gitignore-style glob over `/`-separated relative paths: `*` and `?` stay inside one path segment,
/// `**` spans segments, `[abc]` is a set. A pattern without `/` matches a name at any depth, and a
/// pattern that matches a folder matches everything below it.
package struct Glob: Sendable, Hashable {
    package let pattern: String
    private let segments: [Substring]
    private let anchored: Bool

    package init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        if trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        anchored = trimmed.contains("/")
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    package func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty else { return false }
        if anchored {
            return Glob.match(segments[...], parts[...], allowPrefix: true)
        }
        // An unanchored pattern may match starting at any segment.
        for start in parts.indices where Glob.match(segments[...], parts[start...], allowPrefix: true) {
            return true
        }
        return false
    }

    /// Matches pattern segments against path segments; with `allowPrefix`, a pattern that matches a
    /// leading folder of the path matches the whole path.
    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>, allowPrefix: Bool) -> Bool {
        guard let first = pattern.first else { return path.isEmpty || allowPrefix }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining, allowPrefix: allowPrefix) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first.utf8)[...], Array(segment.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), allowPrefix: allowPrefix)
    }

    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var pattern = pattern
        var name = name
        while let p = pattern.first {
            switch p {
            case UInt8(ascii: "*"):
                let rest = pattern.dropFirst()
                var candidate = name
                while true {
                    if matchSegment(rest, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case UInt8(ascii: "?"):
                guard !name.isEmpty else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            case UInt8(ascii: "["):
                guard let close = pattern.dropFirst().firstIndex(of: UInt8(ascii: "]")), let c = name.first else { return false }
                var set = pattern[(pattern.startIndex + 1)..<close]
                let negate = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
                if negate { set = set.dropFirst() }
                var found = false
                var index = set.startIndex
                while index < set.endIndex {
                    if index + 2 < set.endIndex, set[index + 1] == UInt8(ascii: "-") {
                        if set[index] <= c && c <= set[index + 2] { found = true }
                        index += 3
                    } else {
                        if set[index] == c { found = true }
                        index += 1
                    }
                }
                guard found != negate else { return false }
                pattern = pattern[(close + 1)...]
                name = name.dropFirst()
            default:
                guard name.first == p else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            }
        }
        return name.isEmpty
    }
}
