/// Picks the reader for a draft's format.
public enum DocumentReader {
    public static func read(_ source: SourceText, format: DocumentFormat) -> Document {
        switch format {
        case .html: HTMLReader.read(source)
        case .markdown: MarkdownReader.read(source)
        case .text: PlainTextReader.read(source)
        }
    }
}
