/// A leaf block's content as the inline parser sees it: its lines joined (container prefixes such as
/// `> ` and indentation left out, line ends kept), each byte remembering its source offset.
///
/// Keeping one origin per byte makes every later step exact without bookkeeping: a text range maps to
/// the source by looking up its first and last byte, and verbatim output is split wherever the
/// origins jump (at a stripped `> ` prefix), giving one verbatim run per contiguous piece.
struct MarkdownSpan {
    var bytes: [UInt8] = []
    var origins: [Int] = []
    /// Source offset just past the last byte (where an empty range at the end maps).
    var endOrigin = 0

    var count: Int { bytes.count }

    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        bytes.append(contentsOf: source[range])
        origins.append(contentsOf: range)
        endOrigin = range.upperBound
    }

    /// The source byte range covering span range `range`.
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < origins.count ? origins[range.lowerBound] : endOrigin
            return at..<at
        }
        return origins[range.lowerBound]..<(origins[range.upperBound - 1] + 1)
    }

    /// Appends span range `range` verbatim, one run per stretch of contiguous source bytes.
    func appendVerbatim(_ range: Range<Int>, to builder: inout TextBlockBuilder) {
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start + 1
            while end < range.upperBound, origins[end] == origins[end - 1] + 1 { end += 1 }
            builder.appendVerbatim(bytes[start..<end], sourceStart: origins[start])
            start = end
        }
    }

    /// A span holding `range` of this one (used to drop link reference definitions from a paragraph).
    func slice(_ range: Range<Int>) -> MarkdownSpan {
        var result = MarkdownSpan()
        result.bytes = Array(bytes[range])
        result.origins = Array(origins[range])
        result.endOrigin = range.upperBound < origins.count ? origins[range.upperBound] : endOrigin
        return result
    }

    /// `range` without leading and trailing white space (spaces, tabs, line ends).
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, MarkdownSpan.isWhitespace(bytes[start]) { start += 1 }
        while end > start, MarkdownSpan.isWhitespace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

/// A leaf block found by the block parser, waiting for inline parsing.
struct MarkdownLeaf {
    var kind: ProseKind
    var enclosing: InlineContext
    var span = MarkdownSpan()
    /// Raw HTML blocks: only tags, comments and entities are interpreted, not Markdown syntax.
    var isRawHTML = false
    /// A table cell's column header (see `TextBlock.label`).
    var label: String?
    /// Code keeps its text as is: no inline parsing at all.
    var isCode: Bool { kind == .code }

    init(kind: ProseKind, enclosing: InlineContext) {
        self.kind = kind
        self.enclosing = enclosing
    }
}
