/// The kinds of draft PostLint reads; `DocumentReader` says which extensions pick each one.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case html
    case markdown
    case text
    /// A Word document: read from its zip container by `DocxReader`, never decoded as text.
    case docx
}
