/// Splits Markdown into leaf blocks (a CommonMark subset), one line at a time, on bytes.
///
/// Container prefixes (`> `, list-item indentation) are matched per line and left out of the leaf's
/// span, so a quoted paragraph's text is its lines without their prefixes, each mapped on its own.
struct MarkdownBlockParser {
    private enum Container { case quote, listItem(indent: Int) }
    private enum OpenKind {
        case paragraph
        case fencedCode(fence: UInt8, length: Int, indent: Int)
        case indentedCode
        case html(endsAtBlank: Bool, endMarker: [UInt8]?)
        case table
    }

    let bytes: [UInt8]
    let lines: LineIndex
    private var containers: [Container] = []
    private var openKind: OpenKind?
    private var openLeaf = MarkdownLeaf(kind: .paragraph, enclosing: [])
    private var pendingLineEnd: Range<Int>?
    private var paragraphLines: [Range<Int>] = []
    private(set) var leaves: [MarkdownLeaf] = []
    /// The open pipe table's header cells, by column.
    private var tableHeaders: [String] = []

    init(bytes: [UInt8], lines: LineIndex) {
        self.bytes = bytes
        self.lines = lines
    }

    mutating func parse(fromLine first: Int) -> [MarkdownLeaf] {
        guard first < lines.lineCount else { return leaves }
        for line in first..<lines.lineCount {
            let content = lines.lineRange(line)
            let next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : bytes.count
            process(content, lineEnd: content.upperBound..<next)
        }
        closeOpen()
        return leaves
    }

    // MARK: Lines

    private mutating func process(_ content: Range<Int>, lineEnd: Range<Int>) {
        var pos = content.lowerBound
        let end = content.upperBound
        var matched = 0
        matching: for container in containers {
            let (columns, next) = indentation(pos, end)
            switch container {
            case .quote:
                guard columns <= 3, next < end, bytes[next] == UInt8(ascii: ">") else { break matching }
                pos = next + 1
                if pos < end, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
            case .listItem(let indent):
                if next == end { break }
                guard columns >= indent else { break matching }
                pos = advance(pos, columns: indent, end: end)
            }
            matched += 1
        }
        if matched < containers.count {
            if case .paragraph? = openKind, !isBlank(pos, end), !startsBlock(pos, end) {
                appendParagraphLine(indentation(pos, end).next, end, lineEnd: lineEnd)
                return
            }
            closeOpen()
            containers.removeLast(containers.count - matched)
        }
        var newContainer = false
        starting: while true {
            if case .fencedCode? = openKind { break }
            if case .html? = openKind { break }
            let (columns, next) = indentation(pos, end)
            guard columns <= 3, next < end else { break }
            if bytes[next] == UInt8(ascii: ">") {
                closeOpen()
                containers.append(.quote)
                pos = next + 1
                if pos < end, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
                newContainer = true
                continue starting
            }
            if let item = listMarker(next, end), !isThematicBreak(next, end) {
                if case .paragraph? = openKind, !newContainer, item.cannotInterruptParagraph { break }
                closeOpen()
                containers.append(.listItem(indent: columns + item.contentIndent))
                pos = item.contentStart
                newContainer = true
                continue starting
            }
            break
        }
        leaf(pos, end, lineEnd: lineEnd, newContainer: newContainer)
    }

    private mutating func leaf(_ pos: Int, _ end: Int, lineEnd: Range<Int>, newContainer: Bool) {
        switch openKind {
        case .fencedCode(let fence, let length, let indent)?:
            if isClosingFence(pos, end, fence: fence, length: length) { closeOpen(); return }
            appendLine(advance(pos, columns: indent, end: end)..<end, lineEnd: lineEnd)
            return
        case .html(let endsAtBlank, let marker)?:
            if endsAtBlank, isBlank(pos, end) { closeOpen(); return }
            appendLine(pos..<end, lineEnd: lineEnd)
            if let marker, MarkdownHTMLTag.find(marker, in: bytes, pos..<end) != nil { closeOpen() }
            return
        default:
            break
        }
        if isBlank(pos, end) { closeOpen(); return }
        let (columns, start) = indentation(pos, end)
        if columns >= 4 {
            if case .paragraph? = openKind { appendParagraphLine(start, end, lineEnd: lineEnd); return }
            if case .indentedCode? = openKind {} else { open(.indentedCode, kind: .code) }
            appendLine(advance(pos, columns: 4, end: end)..<end, lineEnd: lineEnd)
            return
        }
        if case .table? = openKind, !startsBlock(start, end) {
            appendCells(start, end)
            return
        }
        if let fence = fenceOpening(start, end) {
            open(.fencedCode(fence: fence.byte, length: fence.length, indent: columns), kind: .code)
            return
        }
        if let heading = atxHeading(start, end) {
            closeOpen()
            var leaf = MarkdownLeaf(kind: .heading, enclosing: enclosing)
            leaf.span.append(bytes, heading)
            if !heading.isEmpty { leaves.append(leaf) }
            return
        }
        if case .paragraph? = openKind, !newContainer, isSetextUnderline(start, end) {
            openLeaf.kind = .heading
            closeOpen()
            return
        }
        if isThematicBreak(start, end) { closeOpen(); return }
        let interrupting: Bool = { if case .paragraph? = openKind { true } else { false } }()
        if let html = htmlBlockStart(start, end, interruptingParagraph: interrupting) {
            open(.html(endsAtBlank: html.endsAtBlank, endMarker: html.endMarker), kind: html.isCode ? .code : proseKind)
            openLeaf.isRawHTML = true
            appendLine(start..<end, lineEnd: lineEnd)
            if let marker = html.endMarker, MarkdownHTMLTag.find(marker, in: bytes, start + 2..<end) != nil {
                closeOpen()
            }
            return
        }
        if case .paragraph? = openKind, paragraphLines.count == 1, isDelimiterRow(start, end),
           bytes[paragraphLines[0]].contains(UInt8(ascii: "|"))
        {
            let header = paragraphLines[0]
            openKind = nil
            open(.table, kind: .tableCell)
            tableHeaders = []
            appendCells(header.lowerBound, header.upperBound, isHeader: true)
            return
        }
        if case .paragraph? = openKind {
            appendParagraphLine(start, end, lineEnd: lineEnd)
        } else {
            open(.paragraph, kind: proseKind)
            appendParagraphLine(start, end, lineEnd: lineEnd)
        }
    }

    // MARK: Leaves

    private var enclosing: InlineContext {
        containers.contains { if case .quote = $0 { true } else { false } } ? .quotation : []
    }

    /// Paragraph kind from the innermost container: list item, quote or plain paragraph.
    private var proseKind: ProseKind {
        switch containers.last {
        case .listItem?: .listItem
        case .quote?: .quote
        case nil: .paragraph
        }
    }

    private mutating func open(_ kind: OpenKind, kind proseKind: ProseKind) {
        closeOpen()
        openKind = kind
        openLeaf = MarkdownLeaf(kind: proseKind, enclosing: enclosing)
        pendingLineEnd = nil
        paragraphLines = []
    }

    private mutating func appendLine(_ range: Range<Int>, lineEnd: Range<Int>) {
        if let pending = pendingLineEnd { openLeaf.span.append(bytes, pending) }
        openLeaf.span.append(bytes, range)
        pendingLineEnd = lineEnd
    }

    private mutating func appendParagraphLine(_ start: Int, _ end: Int, lineEnd: Range<Int>) {
        paragraphLines.append(start..<end)
        appendLine(start..<end, lineEnd: lineEnd)
    }

    private mutating func closeOpen() {
        guard let kind = openKind else { return }
        openKind = nil
        var leaf = openLeaf
        if case .paragraph = kind {
            while let last = leaf.span.bytes.last, last == 0x20 || last == 0x09 {
                leaf.span.bytes.removeLast()
                leaf.span.origins.removeLast()
            }
        }
        if case .table = kind { return }
        if !leaf.span.bytes.isEmpty { leaves.append(leaf) }
    }

    /// One leaf per cell of a pipe-table row; `\|` does not split. A body cell is labelled with its
    /// column's header (the header row's cells are the headers).
    private mutating func appendCells(_ start: Int, _ end: Int, isHeader: Bool = false) {
        var from = start
        var to = end
        while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
        if from < to, bytes[from] == UInt8(ascii: "|") { from += 1 }
        if to > from, bytes[to - 1] == UInt8(ascii: "|"), to - 2 < from || bytes[to - 2] != UInt8(ascii: "\\") {
            to -= 1
        }
        var cellStart = from
        var index = from
        var column = 0
        while index <= to {
            if index == to || bytes[index] == UInt8(ascii: "|") {
                var a = cellStart
                var b = index
                while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
                if isHeader, tableHeaders.count < TextBlock.columnLimit {
                    tableHeaders.append(String(decoding: bytes[a..<min(b, a + TextBlock.columnHeaderLimit)], as: UTF8.self))
                }
                if a < b {
                    var leaf = MarkdownLeaf(kind: .tableCell, enclosing: enclosing)
                    leaf.span.append(bytes, a..<b)
                    if !isHeader, column < tableHeaders.count, !tableHeaders[column].isEmpty { leaf.label = tableHeaders[column] }
                    leaves.append(leaf)
                }
                column += 1
                cellStart = index + 1
            } else if bytes[index] == UInt8(ascii: "\\") {
                index += 1
            }
            index += 1
        }
    }
}
