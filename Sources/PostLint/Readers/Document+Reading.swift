extension Document {
    /// Reads a draft's text as `format`: its prose blocks with their maps back to the source, and the
    /// images, links, metas and comments the checks look at (what `Linter.lint(text:)` checks). A Word
    /// draft is read from its bytes, by `Linter.lint(bytes:)`.
    public init(reading source: SourceText, format: DocumentFormat) {
        self = DocumentReader.read(source, format: format)
    }
}
