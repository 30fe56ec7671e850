/// Maps offsets in a block's decoded text back to byte offsets in the source file.
///
/// A block's text is assembled from pieces: verbatim runs copied byte for byte from the source, and
/// replaced runs (a character reference such as `&amp;`, a CR LF read as one line end, a space that
/// stands for a `<br>`) whose decoded bytes stand for a source span of another length. A range that
/// touches a replaced run grows to cover the whole source span, so cutting the mapped range out of the
/// file always yields a whole, readable piece of the original.
public struct SourceMap: Sendable {
    public struct Run: Sendable, Equatable {
        public var textStart: Int
        public var textLength: Int
        public var sourceStart: Int
        public var sourceLength: Int
        /// Verbatim runs map byte for byte; others map only as a whole.
        public var isVerbatim: Bool
    }

    public private(set) var runs: [Run] = []
    public private(set) var textLength = 0

    public init() {}

    /// Records that the next `length` text bytes are a verbatim copy of the source at `sourceStart`.
    public mutating func appendVerbatim(length: Int, sourceStart: Int) {
        guard length > 0 else { return }
        if let last = runs.last, last.isVerbatim, last.sourceStart + last.sourceLength == sourceStart {
            runs[runs.count - 1].textLength += length
            runs[runs.count - 1].sourceLength += length
        } else {
            runs.append(Run(textStart: textLength, textLength: length, sourceStart: sourceStart,
                            sourceLength: length, isVerbatim: true))
        }
        textLength += length
    }

    /// Records that the next `length` text bytes stand for the source span `source` as a whole.
    public mutating func appendReplaced(length: Int, source: Range<Int>) {
        guard length > 0 else { return }
        runs.append(Run(textStart: textLength, textLength: length, sourceStart: source.lowerBound,
                        sourceLength: source.count, isVerbatim: false))
        textLength += length
    }

    private func runIndex(containing textOffset: Int) -> Int {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].textStart <= textOffset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The source byte range of a text range. An empty text range maps to an empty source range.
    public func sourceRange(_ text: Range<Int>) -> Range<Int> {
        guard !runs.isEmpty else { return 0..<0 }
        let start: Int = {
            let run = runs[runIndex(containing: text.lowerBound)]
            let delta = text.lowerBound - run.textStart
            if delta >= run.textLength { return run.sourceStart + run.sourceLength }
            return run.isVerbatim ? run.sourceStart + delta : run.sourceStart
        }()
        guard text.upperBound > text.lowerBound else { return start..<start }
        let end: Int = {
            let last = text.upperBound - 1
            let run = runs[runIndex(containing: last)]
            let delta = last - run.textStart
            return run.isVerbatim ? run.sourceStart + delta + 1 : run.sourceStart + run.sourceLength
        }()
        return start..<max(start, end)
    }

    /// The source byte ranges that hold a text range, one per stretch of text between pieces of
    /// markup. Deleting these (and not what lies between them) removes the text and keeps the markup:
    /// "<b>Oliver</b> Whitfield" loses " Whitfield" and keeps "</b>".
    public func sourceSegments(_ text: Range<Int>) -> [Range<Int>] {
        guard !runs.isEmpty, !text.isEmpty else { return [] }
        var segments: [Range<Int>] = []
        var index = runIndex(containing: text.lowerBound)
        while index < runs.count, runs[index].textStart < text.upperBound {
            let run = runs[index]
            let piece: Range<Int>
            if run.isVerbatim {
                let start = max(text.lowerBound, run.textStart) - run.textStart
                let end = min(text.upperBound, run.textStart + run.textLength) - run.textStart
                piece = (run.sourceStart + start)..<(run.sourceStart + end)
            } else {
                piece = run.sourceStart..<(run.sourceStart + run.sourceLength)
            }
            if let last = segments.last, last.upperBound == piece.lowerBound {
                segments[segments.count - 1] = last.lowerBound..<piece.upperBound
            } else if !piece.isEmpty {
                segments.append(piece)
            }
            index += 1
        }
        return segments
    }

    /// The source byte offset of one text offset (the start of a replaced run for offsets inside it).
    public func sourceOffset(_ textOffset: Int) -> Int {
        sourceRange(textOffset..<textOffset).lowerBound
    }
}
