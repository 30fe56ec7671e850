/// The kinds of draft PostLint reads, chosen by file extension.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case html
    case markdown
    case text
    /// A Word document: read from its zip container by `DocxReader`, never decoded as text.
    case docx

    /// Every extension PostLint reads (lower case, in the order messages list them) and its format:
    /// the one table that format detection, folder walks and "no drafts found" messages all use.
    public static let extensionTable: [(extension: String, format: DocumentFormat)] = [
        ("html", .html), ("htm", .html), ("xhtml", .html),
        ("md", .markdown), ("markdown", .markdown), ("mdown", .markdown), ("mkd", .markdown),
        ("txt", .text), ("text", .text),
        ("docx", .docx),
    ]

    public static let knownExtensions = extensionTable.map(\.extension)

    private static let byExtension = Dictionary(uniqueKeysWithValues: extensionTable.map { ($0.extension, $0.format) })

    /// The format for a path's extension (in any letter case), or nil when PostLint does not read
    /// that kind of file.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
              let format = Self.byExtension[name[name.index(after: dot)...].lowercased()] else { return nil }
        self = format
    }

    /// ".html, .htm, … or .docx": the extensions as a sentence, for messages.
    public static var extensionList: String {
        let dotted = knownExtensions.map { "." + $0 }
        return dotted.dropLast().joined(separator: ", ") + " or " + dotted.last!
    }
}
