/// What an LSP `Position.character` counts. PostLint's own columns are code points (`utf-32`); LSP's
/// default is UTF-16 code units, where a character outside the Basic Multilingual Plane (most emoji)
/// counts two.
public enum PositionEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The server's choice from the client's `general.positionEncodings`: code points when the client
    /// offers them (PostLint's native columns), else UTF-16, which every client must support.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        (offered ?? []).contains(PositionEncoding.utf32.rawValue) ? .utf32 : .utf16
    }
}

/// Converts between byte offsets in a draft's UTF-8 text and LSP positions (0-based line, character
/// in the negotiated encoding). Lines end at LF (a CR before it belongs to no character), as in
/// `LineIndex`.
public struct PositionConverter: Sendable {
    public let source: SourceText
    public let encoding: PositionEncoding

    public init(source: SourceText, encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
    }

    /// The LSP position of a byte offset (clamped to the text).
    public func position(ofByte offset: Int) -> LSP.Position {
        let clamped = max(0, min(offset, source.utf8.count))
        let sourcePosition = source.lines.position(of: clamped)
        let line = sourcePosition.line - 1
        let character: Int
        switch encoding {
        case .utf8: character = clamped - source.lines.lineStarts[line]
        case .utf16: character = sourcePosition.utf16Column - 1
        case .utf32: character = sourcePosition.column - 1
        }
        return LSP.Position(line: line, character: character)
    }

    /// The LSP position of a PostLint position (1-based line, code-point and UTF-16 columns).
    public func position(_ position: SourcePosition) -> LSP.Position {
        switch encoding {
        case .utf16: LSP.Position(line: position.line - 1, character: position.utf16Column - 1)
        case .utf32: LSP.Position(line: position.line - 1, character: position.column - 1)
        case .utf8:
            self.position(ofByte: source.lines.offset(line: position.line, column: position.column) ?? source.utf8.count)
        }
    }

    public func range(ofBytes range: Range<Int>) -> LSP.Range {
        LSP.Range(start: position(ofByte: range.lowerBound), end: position(ofByte: range.upperBound))
    }

    public func range(_ region: SourceRegion) -> LSP.Range {
        LSP.Range(start: position(region.start), end: position(region.end))
    }

    /// The byte offset of an LSP position. As the specification says, a character past the end of the
    /// line means the end of the line, and a line past the end means the end of the text; a position
    /// inside a character (half a surrogate pair) means the start of that character.
    public func byteOffset(of position: LSP.Position) -> Int {
        let bytes = source.utf8
        guard position.line >= 0 else { return 0 }
        guard position.line < source.lines.lineCount else { return bytes.count }
        let range = source.lines.lineRange(position.line)
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
}
