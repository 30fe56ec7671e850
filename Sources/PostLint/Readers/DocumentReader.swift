/// Every kind of draft PostLint reads, in the order messages list them: the one table behind format
/// detection, folder walks, "no drafts found" messages and reading. (The staff page's `page.js` keeps
/// its own copy of the extensions, to pick a format in the browser before anything is sent.)
package enum DocumentReader {
    package static let readers: [any DraftReader.Type] = [
        HTMLReader.self, MarkdownReader.self, PlainTextReader.self, DocxReader.self,
    ]

    private static let byExtension: [String: any DraftReader.Type] = Dictionary(
        uniqueKeysWithValues: readers.flatMap { reader in reader.extensions.map { ($0, reader) } })

    /// The reader for a path's extension (in any letter case), or nil when PostLint does not read it.
    package static func reader(forPath path: String) -> (any DraftReader.Type)? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }

    package static func reader(for format: DocumentFormat) -> any DraftReader.Type {
        readers.first { $0.format == format }!
    }

    package static func read(_ source: SourceText, format: DocumentFormat) -> Document {
        reader(for: format).read(source)
    }

    package static func read(file bytes: [UInt8], path: String, format: DocumentFormat) throws(UnreadableDraft) -> Document {
        try reader(for: format).read(file: bytes, path: path)
    }
}
