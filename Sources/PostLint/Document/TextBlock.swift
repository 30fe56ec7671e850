/// A stretch of text a reader sees as one unit: a paragraph, a heading, an image's alt text, a
/// front-matter value. Inline markup is already gone (`<b>Oliver</b> Smith` reads "Oliver Smith"),
/// character references are decoded, and `map` leads every byte back to the source.
public struct TextBlock: Sendable {
    public var kind: ProseKind
    /// Decoded UTF-8 text.
    public var text: [UInt8]
    public var map: SourceMap
    /// Inline contexts over ranges of `text` (link text, inline code, `<q>`…), in order of start.
    public var contexts: [ContextSpan]
    /// Contexts that hold for the whole block (a paragraph inside `<blockquote>` is a quotation).
    public var enclosing: InlineContext
    /// For attribute, meta and front-matter blocks: the attribute name, meta name or field key; for a
    /// table's data cell, its column's header ("Star of the Week"), where the table has one.
    public var label: String?

    /// Readers keep a column header to this many bytes and label this many columns: headers are short,
    /// and the caps keep tables nested in header cells from copying text once per level.
    static let columnHeaderLimit = 256
    static let columnLimit = 256

    public init(kind: ProseKind, text: [UInt8] = [], map: SourceMap = SourceMap(), contexts: [ContextSpan] = [],
                enclosing: InlineContext = [], label: String? = nil) {
        self.kind = kind
        self.text = text
        self.map = map
        self.contexts = contexts
        self.enclosing = enclosing
        self.label = label
    }

    public var string: String { String(decoding: text, as: UTF8.self) }

    /// The source byte range of a range of this block's text.
    public func sourceRange(_ textRange: Range<Int>) -> Range<Int> { map.sourceRange(textRange) }

    /// The inline contexts that cover a text offset, including the enclosing ones.
    public func contexts(at offset: Int) -> InlineContext {
        var result = enclosing
        for span in contexts {
            if span.range.lowerBound > offset { break }
            if span.range.contains(offset) { result.formUnion(span.context) }
        }
        return result
    }
}

/// An inline context over a range of a block's text.
public struct ContextSpan: Sendable, Hashable {
    public var context: InlineContext
    public var range: Range<Int>

    public init(context: InlineContext, range: Range<Int>) {
        self.context = context
        self.range = range
    }
}
