import PostLint

/// One source line as a terminal shows it, with the flagged span underlined (`^~~~`).
///
/// Region columns count code points, but a terminal advances by display cells: a tab jumps to the
/// next tab stop, an emoji or CJK character takes two cells, a combining accent none. So the line
/// is re-rendered (tabs expanded, control characters made visible) and the underline is measured
/// in the same cells, one grapheme cluster at a time.
public struct SourceExcerpt: Sendable, Hashable {
    /// The line as printed: tabs expanded to spaces, control characters replaced.
    public let displayedLine: String
    /// Spaces up to the span, then `^` and a `~` for every further cell the span covers.
    public let underline: String

    public static let tabWidth = 4

    /// - Parameters:
    ///   - line: the line's text without its line end.
    ///   - startColumn: the 1-based code-point column the span starts at.
    ///   - endColumn: the exclusive end column, or nil to underline to the end of the line
    ///     (a region that continues on later lines).
    public init(line: String, startColumn: Int, endColumn: Int?) {
        let start = max(0, startColumn - 1)
        let end = endColumn.map { max(0, $0 - 1) }
        var displayed = ""
        var codePoint = 0
        var cell = 0
        var startCell: Int?
        var endCell: Int?
        for character in line {
            let scalars = character.unicodeScalars.count
            let (shown, width) = Self.render(character, atCell: cell)
            if startCell == nil, start < codePoint + scalars { startCell = cell }
            if startCell != nil, end.map({ codePoint < $0 }) ?? true { endCell = cell + width }
            displayed += shown
            codePoint += scalars
            cell += width
        }
        let from = startCell ?? cell
        let cells: Int
        if let end, end <= start {
            cells = 1
        } else {
            cells = max(1, (endCell ?? from) - from)
        }
        self.displayedLine = displayed
        self.underline = String(repeating: " ", count: from) + "^" + String(repeating: "~", count: cells - 1)
    }

    /// Lines longer than this many bytes are shown as a window around the span, as rustc and clang
    /// do, so a finding on a 1 MB minified line costs (and prints) a few dozen bytes, not the line.
    static let longLine = 240
    /// Bytes of context shown on each side of the span in a long line.
    static let context = 60

    /// The excerpt of a region starting on 0-based `line`: the whole line when it is short, else a
    /// window around the span with `…` where the line was cut. Redacted spans (`--redact`) are shown
    /// as their placeholder, and the underline measured on what is shown.
    public init(source: SourceText, line: Int, region: SourceRegion, redactions: [RedactedSpan] = []) {
        let lineRange = source.lines.lineRange(line)
        let start = min(max(region.byteRange.lowerBound, lineRange.lowerBound), lineRange.upperBound)
        let endsHere = region.end.line == region.start.line
        guard lineRange.count > Self.longLine else {
            let shown = RedactedText(source: source, range: lineRange, redactions: redactions)
            self.init(line: shown.text, startColumn: shown.column(of: start, isEnd: false),
                      endColumn: endsHere ? shown.column(of: region.byteRange.upperBound, isEnd: true) : nil)
            return
        }
        let bytes = source.utf8
        let spanEnd = endsHere ? min(max(region.byteRange.upperBound, start), lineRange.upperBound) : lineRange.upperBound
        var from = max(lineRange.lowerBound, start - Self.context)
        while from < start, bytes[from] & 0xC0 == 0x80 { from += 1 }
        var to = min(lineRange.upperBound, min(spanEnd, start + Self.longLine - 2 * Self.context) + Self.context)
        while to > start, to < lineRange.upperBound, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        let head = from > lineRange.lowerBound ? "\u{2026}" : ""
        let tail = to < lineRange.upperBound ? "\u{2026}" : ""
        let lead = head.isEmpty ? 0 : 1
        let shown = RedactedText(source: source, range: from..<to, redactions: redactions)
        let startColumn = lead + shown.column(of: start, isEnd: false)
        let endColumn = endsHere && spanEnd <= to ? lead + shown.column(of: spanEnd, isEnd: true) : nil
        self.init(line: head + shown.text + tail, startColumn: startColumn, endColumn: endColumn)
    }

    /// What a character looks like on a terminal and how many cells it takes.
    static func render(_ character: Character, atCell cell: Int) -> (String, Int) {
        if character == "\t" {
            let width = tabWidth - cell % tabWidth
            return (String(repeating: " ", count: width), width)
        }
        guard let first = character.unicodeScalars.first else { return ("", 0) }
        if isControl(first) {
            // A raw escape or carriage return from a draft must never reach the terminal.
            return ("\u{FFFD}", 1)
        }
        return (String(character), displayWidth(character))
    }

    /// Terminal cells for a printable grapheme cluster (an approximation of `wcswidth`).
    static func displayWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        if isWide(first) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// East Asian Wide and Fullwidth blocks.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Replaces control characters (other than tab) so text from a draft cannot move the cursor,
    /// change colours or fake extra output lines.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\t" && isControl($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar != "\t" && isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }
}
