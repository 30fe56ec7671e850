/// Parses one leaf block's inline Markdown on bytes and turns it into text blocks with exact maps.
///
/// The leaf's span is scanned once into a flat list of pieces (verbatim text, replaced runs such as
/// escapes and entities, context markers, emphasis delimiter runs). Links, images and emphasis are
/// resolved on that list as CommonMark does (bracket stack, delimiter runs), then the pieces are
/// rendered into a `TextBlockBuilder`: markers vanish from the text, their contexts stay.
struct MarkdownInlineParser {
    enum Piece {
        case text(Range<Int>)
        case replaced([UInt8], Range<Int>)
        case open(InlineContext)
        case close(InlineContext)
        case delimiter(Int)
        /// A space standing for `<br>` or a block tag in raw HTML, at a span offset.
        case separator(Int)
    }

    struct Delimiter {
        var byte: UInt8
        var start: Int
        var count: Int
        var canOpen: Bool
        var canClose: Bool
        /// Marker bytes used to open emphasis (taken from the end) and to close it (from the start).
        var opened = 0
        var closed = 0
        var opens = 0
        var closes = 0
        /// Bit k: the k-th emphasis this run opens (the innermost first) used one marker, an italic.
        var italicMatches: UInt64 = 0
        var remaining: Int { count - opened - closed }

        mutating func markItalic(match: Int) {
            if match < 64 { italicMatches |= 1 << UInt64(match) }
        }

        /// The context of the run's `match`-th emphasis (past 64 matches, in hostile input, plain emphasis).
        func emphasis(match: Int) -> InlineContext {
            match < 64 && italicMatches & (1 << UInt64(match)) != 0 ? .italicEmphasis : .emphasis
        }
    }

    struct Bracket {
        var piece: Int
        var start: Int
        var isImage: Bool
        var delimiterBottom: Int
    }

    struct Anchor {
        var piece: Int
        var tag: MarkdownHTMLTag
        var target: TextBlock?
    }

    let leaf: MarkdownLeaf
    let span: MarkdownSpan
    let bytes: [UInt8]
    let definitions: [String: MarkdownLinkDefinition]
    var pieces: [Piece] = []
    var delimiters: [Delimiter] = []
    /// Indices of the delimiters emphasis has not yet retired, ascending.
    var liveDelimiters: [Int] = []
    var brackets: [Bracket] = []
    /// Link openers (not image openers) below this height in `brackets` are inactive: a link was
    /// made after them and links cannot contain links. A counter, not a walk down the stack per link.
    var linkOpenersInactiveBelow = 0
    var anchors: [Anchor] = []
    var sideBlocks: [TextBlock] = []
    var links: [LinkElement] = []
    var images: [ImageElement] = []
    var comments: [Comment] = []
    /// `<a>` links whose text is rendered once emphasis is resolved: link index and piece range.
    var pendingLinkTexts: [(link: Int, pieces: Range<Int>)] = []
    /// Start offsets of backtick runs by length, built on the first code span.
    var backtickRuns: [Int: [Int]]?
    var closers = MarkdownClosers()

    init(leaf: MarkdownLeaf, definitions: [String: MarkdownLinkDefinition]) {
        self.leaf = leaf
        self.span = leaf.span
        self.bytes = leaf.span.bytes
        self.definitions = definitions
    }

    /// Parses the leaf and adds its blocks, links, images and comments to `document`.
    mutating func run(into document: inout Document) {
        if leaf.isCode && !leaf.isRawHTML {
            var builder = TextBlockBuilder(kind: .code, enclosing: leaf.enclosing)
            span.appendVerbatim(0..<bytes.count, to: &builder)
            document.blocks.append(builder.finish())
            return
        }
        scan()
        var builder = TextBlockBuilder(kind: leaf.kind, enclosing: leaf.enclosing, label: leaf.label)
        render(0..<pieces.count, into: &builder)
        let block = Self.trimmingWhitespace(builder.finish())
        if block.text.contains(where: { !MarkdownSpan.isWhitespace($0) }) { document.blocks.append(block) }
        document.blocks.append(contentsOf: sideBlocks)
        document.links.append(contentsOf: links)
        document.images.append(contentsOf: images)
        document.comments.append(contentsOf: comments)
    }

    // MARK: Scanning

    private mutating func flush(_ textStart: Int, _ index: Int) {
        if index > textStart { pieces.append(.text(textStart..<index)) }
    }

    private mutating func scan() {
        let end = bytes.count
        let raw = leaf.isRawHTML
        var index = 0
        var textStart = 0
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where !raw:
                if index + 1 < end, Self.isASCIIPunctuation(bytes[index + 1]) {
                    flush(textStart, index)
                    pieces.append(.replaced([bytes[index + 1]], index..<index + 2))
                    index += 2
                    textStart = index
                    continue
                }
            case UInt8(ascii: "`") where !raw:
                let run = runLength(at: index)
                if let close = backtickClose(from: index + run, length: run) {
                    flush(textStart, index)
                    codeSpan(index + run..<close)
                    index = close + run
                    textStart = index
                } else {
                    index += run
                }
                continue
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                guard !raw else { break }
                let run = runLength(at: index)
                flush(textStart, index)
                addDelimiter(byte, start: index, count: run)
                index += run
                textStart = index
                continue
            case UInt8(ascii: "["), UInt8(ascii: "!"):
                guard !raw else { break }
                let isImage = byte == UInt8(ascii: "!")
                if isImage, index + 1 >= end || bytes[index + 1] != UInt8(ascii: "[") { break }
                flush(textStart, index)
                let length = isImage ? 2 : 1
                brackets.append(Bracket(piece: pieces.count, start: index, isImage: isImage,
                                        delimiterBottom: delimiters.count))
                pieces.append(.text(index..<index + length))
                index += length
                textStart = index
                continue
            case UInt8(ascii: "]") where !raw:
                flush(textStart, index)
                if let next = closeBracket(at: index) {
                    index = next
                } else {
                    pieces.append(.text(index..<index + 1))
                    index += 1
                }
                textStart = index
                continue
            case UInt8(ascii: "<"):
                if let close = MarkdownHTMLTag.commentEnd(bytes, at: index, end: end, closers: &closers) {
                    flush(textStart, index)
                    addComment(index..<close)
                    index = close
                    textStart = index
                    continue
                }
                if !raw, closers.tagEnd.first(in: bytes, from: index + 1, end: end) != nil {
                    flush(textStart, index)
                    textStart = index
                }
                if !raw, let close = autolink(at: index) {
                    index = close
                    textStart = index
                    continue
                }
                if let tag = MarkdownHTMLTag.parse(bytes, at: index, end: end, closers: &closers) {
                    flush(textStart, index)
                    handleTag(tag)
                    index = tag.end
                    textStart = index
                    continue
                }
            case UInt8(ascii: "&"):
                if let entity = MarkdownEntity.decode(bytes, at: index, end: end) {
                    flush(textStart, index)
                    pieces.append(.replaced(entity.utf8, index..<entity.end))
                    index = entity.end
                    textStart = index
                    continue
                }
            default:
                break
            }
            index += 1
        }
        flush(textStart, end)
        processEmphasis(bottom: 0)
        for pending in pendingLinkTexts where pending.pieces.upperBound <= pieces.count {
            links[pending.link].text = renderedString(pending.pieces)
        }
    }

    private func runLength(at start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == bytes[start] { index += 1 }
        return index - start
    }

    /// The start of the closing backtick run of exactly `length`, or nil (then the run is literal).
    /// Looks the run up in `backtickRuns` (built once per leaf), so unmatched runs do not rescan the rest.
    private mutating func backtickClose(from start: Int, length: Int) -> Int? {
        if backtickRuns == nil {
            var runs: [Int: [Int]] = [:]
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "`") {
                    let run = runLength(at: index)
                    runs[run, default: []].append(index)
                    index += run
                } else {
                    index += 1
                }
            }
            backtickRuns = runs
        }
        guard let starts = backtickRuns?[length] else { return nil }
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < starts.count ? starts[low] : nil
    }

    /// A code span's content keeps its bytes (line ends read as spaces); only the backticks go.
    private mutating func codeSpan(_ content: Range<Int>) {
        var range = content
        if range.count >= 2, bytes[range.lowerBound] == 0x20, bytes[range.upperBound - 1] == 0x20,
           bytes[range].contains(where: { $0 != 0x20 })
        {
            range = range.lowerBound + 1..<range.upperBound - 1
        }
        pieces.append(.open(.code))
        var start = range.lowerBound
        var index = start
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if index > start { pieces.append(.text(start..<index)) }
                var lineEnd = index + 1
                if byte == 0x0D, lineEnd < range.upperBound, bytes[lineEnd] == 0x0A { lineEnd += 1 }
                pieces.append(.replaced([0x20], index..<lineEnd))
                index = lineEnd
                start = index
            } else {
                index += 1
            }
        }
        if range.upperBound > start { pieces.append(.text(start..<range.upperBound)) }
        pieces.append(.close(.code))
    }

    private mutating func addComment(_ range: Range<Int>) {
        let inner = span.trimmed(min(range.lowerBound + 4, range.upperBound)..<max(range.lowerBound + 4, range.upperBound - 3))
        comments.append(Comment(text: span.string(inner), range: span.sourceRange(range)))
    }

    // MARK: Rendering

    /// Renders pieces into `builder`: delimiter runs leave their unused marker bytes as text and
    /// open or close emphasis where they were matched.
    func render(_ range: Range<Int>, into builder: inout TextBlockBuilder) {
        // A separator is written only when text follows, so a closing tag leaves no trailing space.
        var separator: Int?
        func writeSeparator(_ builder: inout TextBlockBuilder) {
            if let at = separator { builder.appendSeparator(at: span.sourceRange(at..<at).lowerBound) }
            separator = nil
        }
        for piece in pieces[range] {
            switch piece {
            case .text(let text):
                writeSeparator(&builder)
                span.appendVerbatim(text, to: &builder)
            case .replaced(let utf8, let source):
                writeSeparator(&builder)
                builder.appendReplaced(utf8, source: span.sourceRange(source))
            case .open(let context):
                builder.openContext(context)
            case .close(let context):
                builder.closeContext(context)
            case .delimiter(let index):
                let delimiter = delimiters[index]
                for _ in 0..<delimiter.closes { builder.closeContext(.emphasis) }
                let text = delimiter.start + delimiter.closed..<delimiter.start + delimiter.count - delimiter.opened
                if !text.isEmpty {
                    writeSeparator(&builder)
                    span.appendVerbatim(text, to: &builder)
                }
                for match in (0..<delimiter.opens).reversed() { builder.openContext(delimiter.emphasis(match: match)) }
            case .separator(let at):
                if separator == nil { separator = at }
            }
        }
    }

    /// The text pieces `range` render to (a link's text).
    func renderedString(_ range: Range<Int>) -> String {
        var builder = TextBlockBuilder(kind: .other)
        render(range, into: &builder)
        return builder.finish().string
    }

    /// The block without leading and trailing white space (a dropped `<div>` or image can leave a
    /// line end or space behind); runs and contexts are clipped, replaced runs kept whole.
    static func trimmingWhitespace(_ block: TextBlock) -> TextBlock {
        var start = 0
        var end = block.text.count
        while start < end, MarkdownSpan.isWhitespace(block.text[start]) { start += 1 }
        while end > start, MarkdownSpan.isWhitespace(block.text[end - 1]) { end -= 1 }
        guard start > 0 || end < block.text.count else { return block }
        var builder = TextBlockBuilder(kind: block.kind, enclosing: block.enclosing, label: block.label)
        for run in block.map.runs {
            let from = max(run.textStart, start)
            let to = min(run.textStart + run.textLength, end)
            guard from < to else { continue }
            if run.isVerbatim {
                builder.appendVerbatim(block.text[from..<to], sourceStart: run.sourceStart + from - run.textStart)
            } else {
                builder.appendReplaced(block.text[from..<to], source: run.sourceStart..<run.sourceStart + run.sourceLength)
            }
        }
        var result = builder.finish()
        result.contexts = block.contexts.compactMap { span in
            let from = max(span.range.lowerBound, start) - start
            let to = min(span.range.upperBound, end) - start
            return from < to ? ContextSpan(context: span.context, range: from..<to) : nil
        }
        return result
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }
}
