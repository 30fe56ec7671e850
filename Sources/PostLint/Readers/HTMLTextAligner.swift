/// Lines decoded text that libxml2 reported up with the source span it was read from, so every decoded
/// byte can be mapped back exactly.
///
/// libxml2 reports a text run with the parser's offset after it; the run stands for source bytes
/// `[lastOffset, offset)`. Usually that span is the text itself, with character references decoded and
/// NUL bytes read as spaces; sometimes it starts with markup libxml2 dropped without a callback (a
/// stray end tag, a bogus `<?…>`). Alignment checks every byte, so it never guesses: when nothing lines
/// up, the whole text becomes one replaced run over the whole span (coarse, never wrong).
struct HTMLTextAligner {
    private var references = HTMLCharacterReference()
    /// How many spans fell back to a single replaced run (tests use it to catch alignment bugs).
    private(set) var fallbackCount = 0

    /// Aligns libxml2's decoded `text` with `source[span]`, into `aligned` (whose old content is
    /// dropped, its capacity kept: the reader reuses one for every text run).
    mutating func align(_ text: [UInt8], in source: UnsafeBufferPointer<UInt8>, span: Range<Int>,
                        into aligned: inout HTMLAlignedText) {
        if forward(text, in: source, from: span.lowerBound, to: span.upperBound, into: &aligned) { return }
        // Markup libxml2 skipped without a callback may come first (a stray end tag, a bogus `<?…>`):
        // a plain text run then ends the span, and a reference starts after a `>` or at the last `&`.
        if let found = backward(text, in: source, span: span) {
            aligned = found
            return
        }
        // White space libxml2 skipped (at the start of the document, say) is the other thing that can come first.
        var candidates = [span.lowerBound]
        var index = span.lowerBound
        while index < span.upperBound, candidates.count < 5 {
            if source[index] == UInt8(ascii: ">") { candidates.append(index + 1) }
            index += 1
        }
        if let ampersand = (span.lowerBound..<span.upperBound).last(where: { source[$0] == UInt8(ascii: "&") }) {
            candidates.append(ampersand)
        }
        for (number, start) in candidates.enumerated() {
            if number > 0, forward(text, in: source, from: start, to: span.upperBound, into: &aligned) { return }
            var trimmed = start
            while trimmed < span.upperBound, Self.isSpace(source[trimmed]) { trimmed += 1 }
            if trimmed != start, forward(text, in: source, from: trimmed, to: span.upperBound, into: &aligned) { return }
        }
        fallbackCount += 1
        aligned.removeAll()
        aligned.appendReplaced(text, source: span)
    }

    /// Aligns `text` with all of `source[start..<end]` into `aligned` (emptied first), or returns false
    /// if any byte disagrees.
    mutating func forward(_ text: [UInt8], in source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                          into aligned: inout HTMLAlignedText) -> Bool {
        aligned.removeAll()
        aligned.bytes.reserveCapacity(text.count)
        var textIndex = 0
        var sourceIndex = start
        var nextAmpersand = start - 1
        while sourceIndex < end {
            // The common case first: a run of bytes libxml2 copied unchanged, taken in one piece.
            let runStart = sourceIndex
            if nextAmpersand < sourceIndex {  // searched once per `&`, so CR LF or NUL runs stay linear
                nextAmpersand = ByteSearch.firstIndex(of: UInt8(ascii: "&"), in: source, range: sourceIndex..<end) ?? end
            }
            let stop = nextAmpersand
            let length = text.withUnsafeBufferPointer { decoded in
                ByteSearch.commonPrefixLength(UnsafeBufferPointer(rebasing: source[sourceIndex..<stop]),
                                              UnsafeBufferPointer(rebasing: decoded[textIndex...]))
            }
            if length > 0 {
                sourceIndex += length
                textIndex += length
                aligned.appendVerbatim(source, range: runStart..<sourceIndex)
                continue
            }
            let byte = source[sourceIndex]
            if byte == UInt8(ascii: "&"),
               let reference = references.decode(source, at: sourceIndex, limit: end),
               text.count - textIndex >= reference.bytes.count,
               text[textIndex..<(textIndex + reference.bytes.count)].elementsEqual(reference.bytes) {
                aligned.appendReplaced(reference.bytes, source: sourceIndex..<reference.end)
                textIndex += reference.bytes.count
                sourceIndex = reference.end
                continue
            }
            if Self.isDroppedControl(byte), textIndex >= text.count || text[textIndex] != byte {
                sourceIndex += 1  // libxml2 drops control characters XML does not allow
                continue
            }
            guard textIndex < text.count else { return false }
            let decoded = text[textIndex]
            if decoded == byte {
                aligned.appendVerbatim(byte, at: sourceIndex)
                sourceIndex += 1
            } else if byte == 0, decoded == 0x20 {
                aligned.appendReplaced(CollectionOfOne(decoded), source: sourceIndex..<(sourceIndex + 1))
                sourceIndex += 1
            } else if byte == 0x0D, decoded == 0x0A, sourceIndex + 1 < end, source[sourceIndex + 1] == 0x0A {
                aligned.appendReplaced(CollectionOfOne(decoded), source: sourceIndex..<(sourceIndex + 2))
                sourceIndex += 2
            } else {
                return false
            }
            textIndex += 1
        }
        return textIndex == text.count
    }

    /// C0 controls other than tab, LF and CR (NUL is read as a space instead).
    static func isDroppedControl(_ byte: UInt8) -> Bool {
        (byte >= 0x01 && byte <= 0x08) || byte == 0x0B || byte == 0x0C || (byte >= 0x0E && byte <= 0x1F)
    }

    /// Aligns `text` with the end of the span, reading backwards, for runs without references; the
    /// source bytes before it are left unmapped.
    func backward(_ text: [UInt8], in source: UnsafeBufferPointer<UInt8>, span: Range<Int>) -> HTMLAlignedText? {
        var pieces: [(byte: UInt8, source: Int, verbatim: Bool)] = []
        pieces.reserveCapacity(text.count)
        var textIndex = text.count - 1
        var sourceIndex = span.upperBound - 1
        while textIndex >= 0 {
            guard sourceIndex >= span.lowerBound else { return nil }
            let byte = source[sourceIndex]
            let decoded = text[textIndex]
            if decoded == byte, byte != UInt8(ascii: "&") {
                pieces.append((decoded, sourceIndex, true))
            } else if byte == 0, decoded == 0x20 {
                pieces.append((decoded, sourceIndex, false))
            } else if Self.isDroppedControl(byte) {
                sourceIndex -= 1
                continue
            } else {
                return nil
            }
            textIndex -= 1
            sourceIndex -= 1
        }
        var aligned = HTMLAlignedText()
        for piece in pieces.reversed() {
            if piece.verbatim {
                aligned.appendVerbatim(piece.byte, at: piece.source)
            } else {
                aligned.appendReplaced(CollectionOfOne(piece.byte), source: piece.source..<(piece.source + 1))
            }
        }
        return aligned
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
