/// Splits a block's UTF-8 text into tokens in one pass over the bytes: words (letters with
/// diacritics, inner apostrophes as in O'Brien or Zoë’s; a hyphen splits parts into separate words),
/// numbers, punctuation and symbols. It records sentence starts and quotations as it goes, so checks
/// can tell "May I…" from "in May" and a quoted opinion from the author's own.
struct Tokenizer {
    let block: TextBlock
    private(set) var tokens: [Token] = []
    /// Normalised forms; only the first `normalizedCount` bytes are written. It always has room for the
    /// rest of the text from the current token on (allocated at the text's size up front, grown when
    /// folding lengthens a token), so an ASCII word is lower-cased into it as it is scanned.
    private(set) var normalized: [UInt8]
    private var normalizedCount = 0
    /// The folded form of a token with non-ASCII letters, before it is copied into `normalized`.
    private var folded: [UInt8] = []
    private(set) var traits: BlockTraits = []

    // Scanning state.
    private var spaceBefore = true
    private var lineBreakBefore = false
    private var columnGapBefore = false
    private var spacesInARow = 0
    private var expectSentenceStart = true
    /// What the current line holds so far: words or numbers, and marks.
    private var lineHasText = false
    private var lineHasMark = false
    private var inDoubleQuote = false
    private var inSingleQuote = false
    private var quoteOpenedAt: Int?
    private var contextCursor = 0
    private var activeContexts: [ContextSpan] = []

    init(block: TextBlock) {
        self.block = block
        tokens.reserveCapacity(block.text.count / 5)
        normalized = Array(repeating: 0, count: block.text.count)
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
                    spacesInARow = value == 0x20 ? spacesInARow + 1 : 0
                    if value == 0x09 || spacesInARow == 3 { columnGapBefore = lineHasText || lineHasMark }
                    if value == 0x0A {
                        lineBreakBefore = true
                        // A line of marks alone (a plain-text heading's "-------") ends what came before.
                        if lineHasMark && !lineHasText { expectSentenceStart = true }
                        lineHasMark = false
                        lineHasText = false
                    }
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
        normalized.removeLast(normalized.count - normalizedCount)
    }

    // MARK: Words and numbers

    private mutating func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var lower = 0  // letters that are not upper case
        var upper = 0
        var firstIsUpper = false
        var hasDigit = false
        var lastApostrophe: Int?
        // An all-ASCII word is lower-cased into `normalized` and hashed while it is scanned, so its
        // bytes are read once; any other byte leaves the word to `emit`, which folds it.
        var isASCII = true
        var hash = FNV.basis
        let shift = normalizedCount - start  // normalised offset of a text offset in this word
        let limit = min(bytes.count, start + Tokenizer.longestToken)
        let index = normalized.withUnsafeMutableBufferPointer { output -> Int in
            var index = start
            while index < limit {
                // ASCII letters and digits without decoding (the same answers as the general path).
                let byte = bytes[index]
                if byte &- 0x61 < 26 {
                    lower &+= 1
                } else if byte &- 0x41 < 26 {
                    if lower == 0 && upper == 0 { firstIsUpper = true }
                    upper &+= 1
                } else if byte &- 0x30 < 10 {
                    hasDigit = true
                } else {
                    if byte < 0x80 && byte != 0x27 { break }
                    let (part, length) = Tokenizer.wordPart(bytes, at: index)
                    guard part != .end else { break }
                    isASCII = false
                    switch part {
                    case .lowerLetter: lower &+= 1
                    case .upperLetter:
                        if lower == 0 && upper == 0 { firstIsUpper = true }
                        upper &+= 1
                    case .mark: break
                    case .apostrophe: lastApostrophe = index
                    case .end: break
                    }
                    index += length
                    continue
                }
                let folded = byte &- 0x41 < 26 ? byte | 0x20 : byte
                output[index &+ shift] = folded  // room: see `normalized`
                hash = FNV.combine(hash, folded)
                index &+= 1
            }
            return index
        }
        if hasDigit { traits.insert(.digits) }
        var end = index
        var flags = TokenFlags()
        // A possessive 's is not part of the name: "Oliver's" matches "Oliver".
        if let last = lastApostrophe, index - last <= 4 {
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
        if lower == 0 && upper >= 2 { flags.insert(.allUppercase) }
        if isASCII {
            append(.word, start..<end, normalizedCount: end - start, key: hash, flags: flags)
        } else {
            emit(.word, bytes, start..<end, flags: flags)
        }
        return index
    }

    /// Words and numbers longer than this (no real one is) are cut into tokens of this length, so that
    /// a token and its folded form fit `Token.maximumLength` (folding at most sextuples a scalar's bytes).
    static let longestToken = 8_192

    /// What a non-ASCII scalar (or an apostrophe) is to the word around it. Kept out of `scanWord`
    /// so that the ASCII loop there does not pay for Unicode properties.
    private enum WordPart { case lowerLetter, upperLetter, mark, apostrophe, end }

    @inline(never)
    private static func wordPart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (WordPart, Int) {
        let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
        if CharacterClass.isLetter(scalar) {
            return (CharacterClass.isUppercase(scalar) ? .upperLetter : .lowerLetter, length)
        }
        if CharacterClass.isMark(scalar.value) || CharacterClass.isDigit(scalar.value) { return (.mark, length) }
        if CharacterClass.isApostrophe(scalar.value), index + length < bytes.count {
            let (next, _) = UTF8Scalars.decode(bytes, at: index + length)
            if CharacterClass.isLetter(next) { return (.apostrophe, length) }
        }
        return (.end, length)
    }

    private mutating func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        traits.insert(.digits)
        var index = start
        let limit = min(bytes.count, start + Tokenizer.longestToken)
        while index < limit {
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
        emit(.number, bytes, start..<index, flags: TokenFlags())
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
        emit(kind, bytes, index..<(index + length), flags: TokenFlags())
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

    private static let abbreviations: TokenKeySet = TokenKeySet(
        ["mr", "mrs", "ms", "miss", "dr", "st", "prof", "rev", "revd", "fr", "sr", "jr", "no", "vs", "eg", "ie", "cllr", "hon"]
            .map { FNV.hash(Array($0.utf8)[...]) })

    private static let contractions: TokenKeySet = TokenKeySet(
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
        let normalizedStart = normalizedCount
        var asciiEnd = range.lowerBound
        while asciiEnd < range.upperBound && bytes[asciiEnd] < 0x80 { asciiEnd += 1 }
        let key: UInt64
        let length: Int
        if asciiEnd == range.upperBound {
            // ASCII (numbers, marks, words with an apostrophe): lower-cased, written and hashed in one pass.
            length = range.count
            key = normalized.withUnsafeMutableBufferPointer { output in
                var hash = FNV.basis
                var position = normalizedStart
                for index in range {
                    let byte = bytes[index]
                    let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    output[position] = lower
                    hash = FNV.combine(hash, lower)
                    position += 1
                }
                return hash
            }
        } else {
            folded.removeAll(keepingCapacity: true)
            var index = range.lowerBound
            while index < range.upperBound {
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                TextNormalizer.appendFolded(scalar, to: &folded)
                index += length
            }
            // Keep room for the rest of the text after this token (see `normalized`).
            reserveNormalized(folded.count + bytes.count - range.upperBound)
            normalized.replaceSubrange(normalizedStart..<(normalizedStart + folded.count), with: folded)
            length = folded.count
            key = FNV.hash(folded[...])
        }
        append(kind, range, normalizedCount: length, key: key, flags: flags)
    }

    /// Appends a token whose normalised form, `normalizedCount` bytes hashed to `key`, has been written
    /// to `normalized` at the current end.
    @inline(__always)  // called once per token, from the word loop and from `emit`
    private mutating func append(_ kind: Token.Kind, _ range: Range<Int>, normalizedCount count: Int, key: UInt64, flags: TokenFlags) {
        let normalizedRange = normalizedCount..<(normalizedCount + count)
        normalizedCount += count
        var tokenFlags = flags
        if spaceBefore { tokenFlags.insert(.spaceBefore) }
        if lineBreakBefore { tokenFlags.insert(.lineBreakBefore) }
        if columnGapBefore { tokenFlags.insert(.columnGapBefore) }
        if inDoubleQuote || inSingleQuote, kind != .punctuation || quoteOpenedAt != tokens.count {
            tokenFlags.insert(.quoted)
        }
        if kind == .word || kind == .number { lineHasText = true } else { lineHasMark = true }
        if expectSentenceStart && (kind == .word || kind == .number) {
            tokenFlags.insert(.sentenceStart)
            expectSentenceStart = false
        }
        // Most blocks have no inline contexts (or none open here): no call for them.
        let contexts = activeContexts.isEmpty && contextCursor == block.contexts.count ? block.enclosing : contexts(at: range.lowerBound)
        tokens.append(Token(kind: kind, range: range, normalizedRange: normalizedRange, key: key, flags: tokenFlags,
                            contexts: contexts))
        spaceBefore = false
        lineBreakBefore = false
        columnGapBefore = false
        spacesInARow = 0
    }

    /// Room for `count` more normalised bytes (folding can make a non-ASCII token longer).
    @inline(__always)
    private mutating func reserveNormalized(_ count: Int) {
        let missing = normalizedCount + count - normalized.count
        if missing > 0 { normalized.append(contentsOf: repeatElement(0, count: missing)) }
    }

    /// Contexts covering `offset`; tokens arrive in order, so spans are consumed with a cursor.
    private mutating func contexts(at offset: Int) -> InlineContext {
        let spans = block.contexts
        while contextCursor < spans.count, spans[contextCursor].range.lowerBound <= offset {
            let span = spans[contextCursor]
            contextCursor += 1
            guard span.range.upperBound > offset else { continue }
            // Two spans of one context that both cover `offset` act as one from here on, so emphasis
            // nested thousands deep keeps one active entry, not one per level walked for every token.
            if let same = activeContexts.firstIndex(where: { $0.context == span.context && $0.range.upperBound > offset }) {
                let range = activeContexts[same].range
                activeContexts[same].range = range.lowerBound..<max(range.upperBound, span.range.upperBound)
            } else {
                activeContexts.append(span)
            }
        }
        var result = block.enclosing
        if !activeContexts.isEmpty {
            activeContexts.removeAll { $0.range.upperBound <= offset }
            for span in activeContexts { result.formUnion(span.context) }
        }
        return result
    }
}
