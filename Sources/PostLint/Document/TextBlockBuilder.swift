/// Assembles a `TextBlock` piece by piece while a reader walks its input, keeping the source map and
/// the inline contexts in step with the text.
package struct TextBlockBuilder: Sendable {
    package private(set) var block: TextBlock
    private var openContexts: [(context: InlineContext, start: Int)] = []

    package init(kind: ProseKind, enclosing: InlineContext = [], label: String? = nil) {
        block = TextBlock(kind: kind, enclosing: enclosing, label: label)
    }

    package var isEmpty: Bool { block.text.isEmpty }
    package var textLength: Int { block.text.count }

    /// Appends source bytes `source` verbatim (`bytes` must be the file's own bytes at that range).
    package mutating func appendVerbatim(_ bytes: some Collection<UInt8>, sourceStart: Int) {
        block.text.append(contentsOf: bytes)
        block.map.appendVerbatim(length: bytes.count, sourceStart: sourceStart)
    }

    /// Appends decoded bytes that stand for the whole source span `source` (a character reference…).
    package mutating func appendReplaced(_ bytes: some Collection<UInt8>, source: Range<Int>) {
        block.text.append(contentsOf: bytes)
        block.map.appendReplaced(length: bytes.count, source: source)
    }

    /// Appends a separator (a space for `<br>` or between cells) standing at source offset `at`.
    package mutating func appendSeparator(_ byte: UInt8 = 0x20, at sourceOffset: Int) {
        guard let last = block.text.last, last != 0x20, last != 0x0A else { return }
        appendReplaced(CollectionOfOne(byte), source: sourceOffset..<sourceOffset)
    }

    package mutating func openContext(_ context: InlineContext) {
        openContexts.append((context, block.text.count))
    }

    /// Closes the innermost open context that holds `context`, with the context it was opened with: a
    /// Markdown closer says only "emphasis", its opener whether that emphasis is italic.
    package mutating func closeContext(_ context: InlineContext) {
        guard let index = openContexts.lastIndex(where: { $0.context.isSuperset(of: context) }) else { return }
        let (opened, start) = openContexts.remove(at: index)
        if block.text.count > start {
            block.contexts.append(ContextSpan(context: opened, range: start..<block.text.count))
        }
    }

    /// The finished block: open contexts are closed at the end and spans are ordered by start.
    package mutating func finish() -> TextBlock {
        while let open = openContexts.last { closeContext(open.context) }
        block.contexts.sort { $0.range.lowerBound < $1.range.lowerBound }
        return block
    }
}
