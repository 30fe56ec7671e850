// TEMPORARY: stand-ins until the real readers are merged. Deleted at merge.
public enum PlainTextReader {
    public static func read(_ source: SourceText) -> Document {
        var document = Document(source: source, format: .text)
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(source.utf8, sourceStart: 0)
        document.blocks = [builder.finish()]
        return document
    }
}
public enum MarkdownReader {
    public static func read(_ source: SourceText) -> Document { PlainTextReader.read(source) }
}
public enum HTMLReader {
    public static func read(_ source: SourceText) -> Document { PlainTextReader.read(source) }
}
public enum SourceDecoder {
    public static func decode(_ bytes: [UInt8], path: String, format: DocumentFormat) throws -> SourceText {
        SourceText(path: path, utf8: bytes)
    }
}
