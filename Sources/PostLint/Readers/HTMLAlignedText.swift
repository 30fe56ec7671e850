/// Decoded text paired with where each piece of it came from in the source: the shape every reader
/// step here produces (text runs, attribute values) before it is copied into a `TextBlockBuilder`.
struct HTMLAlignedText: Sendable, Equatable {
    /// One stretch of decoded bytes and the source span it stands for.
    struct Piece: Sendable, Equatable {
        var text: Range<Int>
        var source: Range<Int>
        /// Verbatim pieces are byte-for-byte copies (`text.count == source.count`); the others map
        /// only as a whole (a character reference, a NUL read as a space, a fallback span).
        var isVerbatim: Bool
    }

    var bytes: [UInt8] = []
    var pieces: [Piece] = []

    /// Empties the text, keeping the capacity for the next run.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pieces.removeAll(keepingCapacity: true)
    }

    /// Becomes a copy of `other`, in this text's own storage (kept for reuse).
    mutating func assign(_ other: HTMLAlignedText) {
        removeAll()
        bytes.append(contentsOf: other.bytes)
        pieces.append(contentsOf: other.pieces)
    }

    mutating func appendVerbatim(_ byte: UInt8, at sourceOffset: Int) {
        if let last = pieces.last, last.isVerbatim, last.source.upperBound == sourceOffset,
           last.text.upperBound == bytes.count {
            pieces[pieces.count - 1].text = last.text.lowerBound..<(bytes.count + 1)
            pieces[pieces.count - 1].source = last.source.lowerBound..<(sourceOffset + 1)
        } else {
            pieces.append(Piece(text: bytes.count..<(bytes.count + 1), source: sourceOffset..<(sourceOffset + 1),
                                isVerbatim: true))
        }
        bytes.append(byte)
    }

    /// Appends `source[range]`, which equals the decoded text there, as one verbatim run: the aligner
    /// copies whole runs, so pieces and bytes grow once per run rather than once per byte.
    mutating func appendVerbatim(_ source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = pieces.last, last.isVerbatim, last.source.upperBound == range.lowerBound,
           last.text.upperBound == bytes.count {
            pieces[pieces.count - 1].text = last.text.lowerBound..<(bytes.count + range.count)
            pieces[pieces.count - 1].source = last.source.lowerBound..<range.upperBound
        } else {
            pieces.append(Piece(text: bytes.count..<(bytes.count + range.count), source: range, isVerbatim: true))
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
    }

    mutating func appendReplaced(_ decoded: some Collection<UInt8>, source: Range<Int>) {
        guard !decoded.isEmpty else { return }
        pieces.append(Piece(text: bytes.count..<(bytes.count + decoded.count), source: source, isVerbatim: false))
        bytes.append(contentsOf: decoded)
    }

    /// The source span the whole text covers (empty at 0 when there is no text).
    var sourceSpan: Range<Int> {
        guard let first = pieces.first, let last = pieces.last else { return 0..<0 }
        return first.source.lowerBound..<max(first.source.lowerBound, last.source.upperBound)
    }

    /// Copies `range` of the text (all of it by default) into a builder with its map. A range that cuts a
    /// replaced piece takes the whole piece, so no byte is ever mapped to the wrong place.
    func append(to builder: inout TextBlockBuilder, range: Range<Int>? = nil) {
        let wanted = range ?? 0..<bytes.count
        for piece in pieces where piece.text.overlaps(wanted) {
            if piece.isVerbatim {
                let start = max(piece.text.lowerBound, wanted.lowerBound)
                let end = min(piece.text.upperBound, wanted.upperBound)
                let sourceStart = piece.source.lowerBound + (start - piece.text.lowerBound)
                builder.appendVerbatim(bytes[start..<end], sourceStart: sourceStart)
            } else {
                builder.appendReplaced(bytes[piece.text], source: piece.source)
            }
        }
    }
}
