/// A configuration's `ignore` globs, compiled once: the one rule for what a configuration leaves out,
/// whether a folder walk meets the path or a staged or served draft names it.
package struct IgnoreRules: Sendable {
    private let globs: [Glob]

    package init(_ patterns: [String]) {
        globs = patterns.map(Glob.init)
    }

    /// Whether a glob matches this path (relative to the configuration's folder) itself. A walk asks
    /// this of each entry and does not enter an ignored folder.
    package func matches(_ relativePath: String) -> Bool {
        globs.contains { $0.matches(relativePath) }
    }

    /// Whether the path or any folder above it is ignored: the walk's answer for a path met alone.
    package func ignores(_ relativePath: String) -> Bool {
        guard !globs.isEmpty else { return false }
        let parts = relativePath.split(separator: "/")
        return parts.indices.contains { end in matches(parts[...end].joined(separator: "/")) }
    }
}
