/// Splits a block's UTF-8 text into tokens in one pass over the bytes: words (letters with
/// diacritics, inner apostrophes as in O'Brien or Zoë’s; a hyphen splits parts into separate words),
/// numbers, punctuation and symbols. It records sentence starts and quotations as it goes, so checks
/// can tell "May I…" from "in May" and a quoted opinion from the author's own.
struct Tokenizer {
    let block: TextBlock
    private(set) var tokens: [Token] = []
    private(set) var normalized: [UInt8] = []
    private(set) var traits: BlockTraits = []

    // Scanning state.
    private var spaceBefore = true
    private var lineBreakBefore = false
    private var expectSentenceStart = true
    private var inDoubleQuote = false
    private var inSingleQuote = false
    private var quoteOpenedAt: Int?
    private var contextCursor = 0
    private var activeContexts: [ContextSpan] = []

    init(block: TextBlock) {
        self.block = block
        tokens.reserveCapacity(block.text.count / 5)
        normalized.reserveCapacity(block.text.count)
    }

    mutating func run() {
        let text = block.text
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                let value = scalar.value
                if CharacterClass.isWhitespace(value) {
                    spaceBefore = true
                    if value == 0x0A { lineBreakBefore = true }
                    index += length
                } else if CharacterClass.isLetter(scalar) {
                    index = scanWord(bytes, from: index)
                } else if value >= 0x30 && value <= 0x39 {
                    index = scanNumber(bytes, from: index)
                } else {
                    scanMark(scalar, bytes, at: index, length: length)
                    index += length
                }
            }
        }
        if inDoubleQuote || inSingleQuote { undoUnclosedQuote() }
    }

    // MARK: Words and numbers

    private mutating func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var letters = 0
        var uppercase = 0
        var firstIsUpper = false
        var apostrophes: [Int] = []
        while index < bytes.count {
            // ASCII letters and digits without decoding (the same answers as the general path below).
            let byte = bytes[index]
            if byte < 0x80 {
                let folded = byte | 0x20
                if folded >= 0x61 && folded <= 0x7A {
                    let upper = byte <= 0x5A
                    if letters == 0 { firstIsUpper = upper }
                    letters += 1
                    if upper { uppercase += 1 }
                    index += 1
                    continue
                }
                if byte >= 0x30 && byte <= 0x39 {
                    traits.insert(.digits)
                    index += 1
                    continue
                }
                if byte != 0x27 { break }
            }
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            if CharacterClass.isLetter(scalar) || CharacterClass.isMark(scalar.value) || CharacterClass.isDigit(scalar.value) {
                if CharacterClass.isDigit(scalar.value) { traits.insert(.digits) }
                if CharacterClass.isLetter(scalar) {
                    let upper = CharacterClass.isUppercase(scalar)
                    if letters == 0 { firstIsUpper = upper }
                    letters += 1
                    if upper { uppercase += 1 }
                }
                index += length
            } else if CharacterClass.isApostrophe(scalar.value), index + length < bytes.count {
                let (next, _) = UTF8Scalars.decode(bytes, at: index + length)
                guard CharacterClass.isLetter(next) else { break }
                apostrophes.append(index)
                index += length
            } else {
                break
            }
        }
        var end = index
        var flags: TokenFlags = []
        // A possessive 's is not part of the name: "Oliver's" matches "Oliver".
        if let last = apostrophes.last, index - last <= 4 {
            let suffixStart = last
            let afterApostrophe = suffixStart + UTF8Scalars.decode(bytes, at: suffixStart).1
            if afterApostrophe + 1 == index, bytes[afterApostrophe] | 0x20 == UInt8(ascii: "s"),
               !Tokenizer.isContraction(bytes, start..<index) {
                end = suffixStart
                flags.insert(.possessive)
            }
        }
        if firstIsUpper { flags.insert(.capitalized) }
        if end - start == 2, bytes[start] | 0x20 == UInt8(ascii: "a"), bytes[start + 1] | 0x20 == UInt8(ascii: "t") {
            traits.insert(.emailMarker)
        }
        if uppercase == letters && letters >= 2 { flags.insert(.allUppercase) }
        emit(.word, bytes, start..<end, flags: flags)
        return index
    }

    private mutating func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        traits.insert(.digits)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":"),
                      index + 1 < bytes.count, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 {
                index += 1
            } else {
                break
            }
        }
        emit(.number, bytes, start..<index, flags: [])
        return index
    }

    // MARK: Punctuation, symbols, quotation marks

    private mutating func scanMark(_ scalar: Unicode.Scalar, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) {
        let value = scalar.value
        let nextIsLetter: Bool = {
            guard index + length < bytes.count else { return false }
            let (next, _) = UTF8Scalars.decode(bytes, at: index + length)
            return CharacterClass.isLetter(next) || CharacterClass.isDigit(next.value)
        }()
        switch value {
        case 0x201C, 0xAB, 0x201E:  // “ « „
            openQuote(double: true)
        case 0x201D, 0xBB:  // ” »
            if inDoubleQuote { closeQuotes() }
        case 0x22:  // "
            if inDoubleQuote { closeQuotes() } else if spaceBefore || opensAfterPunctuation { openQuote(double: true) }
        case 0x2018:  // ‘
            openQuote(double: false)
        case 0x2019, 0x27:  // ’ '
            if inSingleQuote && !nextIsLetter { closeQuotes() } else if (spaceBefore || opensAfterPunctuation) && nextIsLetter && !inSingleQuote {
                openQuote(double: false)
            }
        default:
            break
        }
        let endsSentence = value == 0x21 || value == 0x3F || value == 0x2026
            || (value == 0x2E && !previousWordIsAbbreviation())
        if value == 0x40 { traits.insert(.emailMarker) }
        let kind: Token.Kind = CharacterClass.isSymbol(value) ? .symbol : .punctuation
        emit(kind, bytes, index..<(index + length), flags: [])
        if endsSentence { expectSentenceStart = true }
    }

    private var opensAfterPunctuation: Bool {
        guard let last = tokens.last, last.kind == .punctuation else { return tokens.isEmpty }
        let byte = block.text[last.range.lowerBound]
        return byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            || byte == 0xE2  // — and –
    }

    private mutating func openQuote(double: Bool) {
        if double { inDoubleQuote = true } else { inSingleQuote = true }
        if quoteOpenedAt == nil { quoteOpenedAt = tokens.count }
    }

    private mutating func closeQuotes() {
        inDoubleQuote = false
        inSingleQuote = false
        quoteOpenedAt = nil
    }

    /// A quotation mark never closed in its block was not a quotation (a stray mark, an inch sign):
    /// the words after it are the author's own.
    private mutating func undoUnclosedQuote() {
        guard let start = quoteOpenedAt else { return }
        for index in start..<tokens.count { tokens[index].flags.remove(.quoted) }
    }

    /// "Mrs. Patel", "J. Smith", "St. Mary's": a full stop after these does not end a sentence.
    private func previousWordIsAbbreviation() -> Bool {
        guard let last = tokens.last, last.kind == .word else { return false }
        let folded = normalized[last.normalizedRange]
        if folded.count == 1 { return true }
        return Tokenizer.abbreviations.contains(FNV.hash(folded))
    }

    private static let abbreviations: Set<UInt64> = Set(
        ["mr", "mrs", "ms", "miss", "dr", "st", "prof", "rev", "revd", "fr", "sr", "jr", "no", "vs", "eg", "ie", "cllr", "hon"]
            .map { FNV.hash(Array($0.utf8)[...]) })

    private static let contractions: Set<UInt64> = Set(
        ["it's", "he's", "she's", "that's", "what's", "there's", "here's", "who's", "let's", "where's", "how's", "when's", "why's"]
            .map { FNV.hash(Array($0.utf8)[...]) })

    private static func isContraction(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 9 else { return false }
        var folded = [UInt8]()
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            TextNormalizer.appendFolded(scalar, to: &folded)
            index += length
        }
        return contractions.contains(FNV.hash(folded[...]))
    }

    // MARK: Emitting

    private mutating func emit(_ kind: Token.Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, flags: TokenFlags) {
        let normalizedStart = normalized.count
        var index = range.lowerBound
        // An ASCII run is copied at once and lower-cased in place, not appended byte by byte.
        var asciiEnd = index
        while asciiEnd < range.upperBound && bytes[asciiEnd] < 0x80 { asciiEnd += 1 }
        if asciiEnd > index {
            normalized.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<asciiEnd]))
            normalized.withUnsafeMutableBufferPointer { buffer in
                for position in normalizedStart..<buffer.count where buffer[position] >= 0x41 && buffer[position] <= 0x5A {
                    buffer[position] |= 0x20
                }
            }
            index = asciiEnd
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                normalized.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            } else {
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                TextNormalizer.appendFolded(scalar, to: &normalized)
                index += length
            }
        }
        let normalizedRange = normalizedStart..<normalized.count
        var tokenFlags = flags
        if spaceBefore { tokenFlags.insert(.spaceBefore) }
        if lineBreakBefore { tokenFlags.insert(.lineBreakBefore) }
        if inDoubleQuote || inSingleQuote, kind != .punctuation || quoteOpenedAt != tokens.count {
            tokenFlags.insert(.quoted)
        }
        if expectSentenceStart && (kind == .word || kind == .number) {
            tokenFlags.insert(.sentenceStart)
            expectSentenceStart = false
        }
        let key = FNV.hash(normalized[normalizedRange])
        tokens.append(Token(kind: kind, range: range, normalizedRange: normalizedRange, key: key, flags: tokenFlags,
                            contexts: contexts(at: range.lowerBound)))
        spaceBefore = false
        lineBreakBefore = false
    }

    /// Contexts covering `offset`; tokens arrive in order, so spans are consumed with a cursor.
    private mutating func contexts(at offset: Int) -> InlineContext {
        let spans = block.contexts
        while contextCursor < spans.count, spans[contextCursor].range.lowerBound <= offset {
            activeContexts.append(spans[contextCursor])
            contextCursor += 1
        }
        var result = block.enclosing
        if !activeContexts.isEmpty {
            activeContexts.removeAll { $0.range.upperBound <= offset }
            for span in activeContexts { result.formUnion(span.context) }
        }
        return result
    }
}
