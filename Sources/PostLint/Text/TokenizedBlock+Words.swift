/// Word lists, group names and roster names are matched by token key, so they are tokenised exactly as
/// document text is; these are the one way to do it outside a document.
extension TokenizedBlock {
    /// The keys of `text`'s word and number tokens, tokenised as document text is.
    static func wordKeys(_ text: String) -> [UInt64] {
        var keys: [UInt64] = []
        appendWordKeys(of: text, to: &keys)
        return keys
    }

    /// Appends `wordKeys(text)` to `keys` (a word list's keys gathered into one array, not one per entry).
    static func appendWordKeys(of text: String, to keys: inout [UInt64]) {
        let count = keys.count
        if appendASCIIWordKeys(of: text, to: &keys) { return }
        keys.removeSubrange(count...)
        keys += tokenizedWordKeys(text)
    }

    /// `wordKeys` through the tokenizer, for any text.
    static func tokenizedWordKeys(_ text: String) -> [UInt64] {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(text.utf8), sourceStart: 0)
        return TokenizedBlock(block: builder.finish()).tokens.filter { $0.kind != .punctuation }.map(\.key)
    }

    /// `wordKeys` of a text of ASCII letters and spaces only (most entries of the word lists, read when a
    /// check first runs), appended to `keys`: each run of letters is one word token, its key the FNV hash
    /// of its letters in lower case, as the tokenizer's ASCII path computes it, without building a block.
    /// False for any other text (digits, punctuation, apostrophes, other letters, other white space, or
    /// words long enough for the tokenizer to cut), which must go through the tokenizer; `keys` may then
    /// have some of its keys appended.
    static func appendASCIIWordKeys(of text: String, to keys: inout [UInt64]) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count < Tokenizer.longestToken else { return false }
            var hash = FNV.basis
            var inWord = false
            for byte in bytes {
                if byte == 0x20 {
                    if inWord { keys.append(hash) }
                    hash = FNV.basis
                    inWord = false
                    continue
                }
                let folded = byte | 0x20
                guard folded &- 0x61 < 26 else { return false }
                hash = FNV.combine(hash, folded)
                inWord = true
            }
            if inWord { keys.append(hash) }
            return true
        }
    }

    /// `text`'s word and number tokens, tokenised as document text is, with their normalised text
    /// (what a sealed roster hashes).
    static func words(_ text: String) -> [(key: UInt64, normalized: [UInt8])] {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(text.utf8), sourceStart: 0)
        let block = TokenizedBlock(block: builder.finish())
        return block.tokens.filter { $0.kind != .punctuation }.map { ($0.key, Array(block.normalized[$0.normalizedRange])) }
    }
}
