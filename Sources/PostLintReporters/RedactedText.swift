import PostLint

/// A stretch of a draft as a reporter quotes it: the text of a byte range with every redacted span
/// (`FileReport.redactions`) replaced by its placeholder, and byte offsets of the draft mapped to
/// columns of what is shown, so an underline or a highlight still falls on the right words.
struct RedactedText {
    /// What is shown.
    let text: String
    private let source: SourceText
    private let range: Range<Int>
    /// The spans inside `range`, clipped to it, with the shown column (0-based code points) each starts at.
    private let masks: [(range: Range<Int>, column: Int, width: Int)]

    init(source: SourceText, range: Range<Int>, redactions: [RedactedSpan]) {
        self.source = source
        self.range = range
        var text = ""
        var masks: [(range: Range<Int>, column: Int, width: Int)] = []
        var cursor = range.lowerBound
        var column = 0
        for span in redactions where span.range.overlaps(range) {
            let clipped = max(span.range.lowerBound, cursor)..<min(span.range.upperBound, range.upperBound)
            guard clipped.lowerBound < clipped.upperBound else { continue }
            text += source.text(cursor..<clipped.lowerBound)
            column += source.lines.counts(from: cursor, to: clipped.lowerBound).codePoints
            let width = span.placeholder.unicodeScalars.count
            masks.append((clipped, column, width))
            text += span.placeholder
            column += width
            cursor = clipped.upperBound
        }
        text += source.text(cursor..<range.upperBound)
        self.text = text
        self.masks = masks
    }

    /// The 1-based code-point column in `text` of the draft's byte `offset` (clamped to the range). An
    /// offset inside a redacted span is its placeholder's start, or its end when `isEnd` is set.
    func column(of offset: Int, isEnd: Bool) -> Int {
        let offset = min(max(offset, range.lowerBound), range.upperBound)
        var cursor = range.lowerBound
        var column = 0
        for mask in masks {
            if offset <= mask.range.lowerBound { break }
            if isEnd ? offset <= mask.range.upperBound : offset < mask.range.upperBound {
                return 1 + mask.column + (isEnd ? mask.width : 0)
            }
            cursor = mask.range.upperBound
            column = mask.column + mask.width
        }
        return 1 + column + source.lines.counts(from: cursor, to: offset).codePoints
    }
}
