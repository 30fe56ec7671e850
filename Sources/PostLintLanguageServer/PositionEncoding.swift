import PostLint
import PostLintWorker

/// What an LSP `Position.character` counts. PostLint's own columns are code points (`utf-32`); LSP's
/// default is UTF-16 code units, where a character outside the Basic Multilingual Plane (most emoji)
/// counts two.
enum PositionEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The server's choice from the client's `general.positionEncodings`: code points when the client
    /// offers them (PostLint's native columns), else UTF-16, which every client must support.
    static func negotiate(offered: [String]?) -> PositionEncoding {
        (offered ?? []).contains(PositionEncoding.utf32.rawValue) ? .utf32 : .utf16
    }
}

/// Converts between byte offsets in a draft's UTF-8 text and LSP positions (0-based line, character
/// in the negotiated encoding). Lines end at LF, CR LF or a lone CR, as the LSP specification says
/// (PostLint's own `LineIndex` follows SARIF, where a lone CR does not end a line): a draft saved with
/// old Mac line ends is still underlined where the editor shows it.
struct PositionConverter: Sendable {
    let source: SourceText
    let encoding: PositionEncoding
    /// Byte offset at which each LSP line starts.
    private let lineStarts: [Int]

    init(source: SourceText, encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
        let bytes = source.utf8
        guard bytes.contains(0x0D) else {
            lineStarts = source.lines.lineStarts
            return
        }
        var starts = [0]
        for index in bytes.indices {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                starts.append(index + 1)
            }
        }
        lineStarts = starts
    }

    /// The LSP position of a byte offset (clamped to the text).
    func position(ofByte offset: Int) -> LSP.Position {
        let bytes = source.utf8
        let clamped = max(0, min(offset, bytes.count))
        let line = LineIndex.line(containing: clamped, lineStarts: lineStarts)
        let start = lineStarts[line]
        let character: Int
        switch encoding {
        case .utf8: character = clamped - start
        case .utf16: character = source.lines.counts(from: start, to: clamped).utf16
        case .utf32: character = source.lines.counts(from: start, to: clamped).codePoints
        }
        return LSP.Position(line: line, character: character)
    }

    /// The LSP position of a PostLint position (1-based line and code-point column).
    func position(_ position: SourcePosition) -> LSP.Position {
        self.position(ofByte: source.lines.offset(line: position.line, column: position.column) ?? source.utf8.count)
    }

    func range(ofBytes range: Range<Int>) -> LSP.Range {
        LSP.Range(start: position(ofByte: range.lowerBound), end: position(ofByte: range.upperBound))
    }

    func range(_ region: SourceRegion) -> LSP.Range {
        range(ofBytes: region.byteRange)
    }

    /// The byte offset of an LSP position. As the specification says, a character past the end of the
    /// line means the end of the line, and a line past the end means the end of the text; a position
    /// inside a character (half a surrogate pair) means the start of that character.
    func byteOffset(of position: LSP.Position) -> Int {
        let bytes = source.utf8
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let range = lineRange(position.line)
        var index = range.lowerBound
        var remaining = max(0, position.character)
        while remaining > 0, index < range.upperBound {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let units: Int
            switch encoding {
            case .utf8: units = length
            case .utf16: units = length == 4 ? 2 : 1
            case .utf32: units = 1
            }
            guard units <= remaining else { break }
            remaining -= units
            index = min(index + length, range.upperBound)
        }
        return index
    }

    /// The byte range of a 0-based LSP line, without its line end.
    private func lineRange(_ line: Int) -> Range<Int> {
        let bytes = source.utf8
        let start = lineStarts[line]
        guard line + 1 < lineStarts.count else { return start..<bytes.count }
        var end = lineStarts[line + 1] - 1  // the LF, or a lone CR
        if bytes[end] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
