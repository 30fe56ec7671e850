/// A 1-based line and column. Columns count Unicode code points, as SARIF's `unicodeCodePoints`
/// column kind does; `utf16Column` is the same place for editors that count UTF-16 code units (LSP).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable {
    public var line: Int
    public var column: Int
    public var utf16Column: Int

    public init(line: Int, column: Int, utf16Column: Int? = nil) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column ?? column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A region of a file: start inclusive, end exclusive, plus the byte range it came from.
public struct SourceRegion: Sendable, Hashable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition
    public var byteRange: Range<Int>

    public init(start: SourcePosition, end: SourcePosition, byteRange: Range<Int>) {
        self.start = start
        self.end = end
        self.byteRange = byteRange
    }
}
