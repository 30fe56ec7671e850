/// Word lists, group names and roster names are matched by token key, so they are tokenised exactly as
/// document text is; these are the one way to do it outside a document.
extension TokenizedBlock {
    /// The keys of `text`'s word and number tokens, tokenised as document text is.
    static func wordKeys(_ text: String) -> [UInt64] {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(text.utf8), sourceStart: 0)
        return TokenizedBlock(block: builder.finish()).tokens.filter { $0.kind != .punctuation }.map(\.key)
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
