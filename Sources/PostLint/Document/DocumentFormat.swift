/// The kinds of draft PostLint reads, chosen by file extension.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case html
    case markdown
    case text
    /// A Word document: read from its zip container by `DocxReader`, never decoded as text.
    case docx

    /// The format for a path's extension, or nil when PostLint does not read that kind of file.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml": self = .html
        case "md", "markdown", "mdown", "mkd": self = .markdown
        case "txt", "text": self = .text
        case "docx": self = .docx
        default: return nil
        }
    }

    public static let knownExtensions = ["html", "htm", "xhtml", "md", "markdown", "mdown", "mkd", "txt", "text", "docx"]
}
