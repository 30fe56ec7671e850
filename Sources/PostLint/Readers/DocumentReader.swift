/// Picks the reader for a draft's format.
package enum DocumentReader {
    package static func read(_ source: SourceText, format: DocumentFormat) -> Document {
        switch format {
        case .html: HTMLReader.read(source)
        case .markdown: MarkdownReader.read(source)
        case .text: PlainTextReader.read(source)
        case .docx: renderedDocx(source)
        }
    }

    /// A Word draft is read from its bytes (`DocxReader.read(bytes:path:)`); text handed in as `.docx`
    /// can only be a rendering already, and is read line by line as plain text.
    private static func renderedDocx(_ source: SourceText) -> Document {
        var document = PlainTextReader.read(source)
        document.format = .docx
        return document
    }
}
