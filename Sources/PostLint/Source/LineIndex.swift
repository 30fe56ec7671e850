/// Maps byte offsets in a UTF-8 buffer to line and column.
///
/// Lines end at LF or CR LF (SARIF's default line ends); the CR of a CR LF belongs to no column a
/// region can end inside. Built once per file in a single pass over the bytes; a position costs a
/// binary search and a bounded scan (`CodePointPrefix`), whatever the length of its line.
package struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    package let lineStarts: [Int]
    private let bytes: [UInt8]
    private let prefix: CodePointPrefix

    package init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var from = 0
            while let lineEnd = ByteSearch.firstIndex(of: 0x0A, in: buffer, range: from..<buffer.count) {
                from = lineEnd + 1
                starts.append(from)
            }
        }
        self.lineStarts = starts
        self.bytes = bytes
        self.prefix = CodePointPrefix(bytes)
    }

    package var lineCount: Int { lineStarts.count }

    /// The 0-based line holding `offset`.
    package func lineIndex(of offset: Int) -> Int {
        Self.line(containing: offset, lineStarts: lineStarts)
    }

    /// The index of the last of `lineStarts` (ascending, starting with 0) at or before `offset`.
    package static func line(containing offset: Int, lineStarts: [Int]) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    package func position(of offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        let counts = prefix.counts(in: bytes, from: lineStarts[line], to: clamped)
        return SourcePosition(line: line + 1, column: counts.codePoints + 1, utf16Column: counts.utf16 + 1)
    }

    /// Code points and UTF-16 code units in a byte range (for converters with other line ends).
    package func counts(from start: Int, to end: Int) -> (codePoints: Int, utf16: Int) {
        prefix.counts(in: bytes, from: start, to: end)
    }

    package func region(of range: Range<Int>) -> SourceRegion {
        SourceRegion(start: position(of: range.lowerBound), end: position(of: range.upperBound), byteRange: range)
    }

    /// The byte range of a 0-based line, without its line end.
    package func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line]
        guard line + 1 < lineStarts.count else { return start..<bytes.count }
        var end = lineStarts[line + 1] - 1  // the LF
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The byte offset of a 1-based line and code-point column (the inverse of `position(of:)`).
    package func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let range = lineRange(line - 1)
        var index = range.lowerBound
        var remaining = column - 1
        while remaining > 0 {
            guard index < range.upperBound else { return nil }
            index += 1
            while index < range.upperBound, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }
}
