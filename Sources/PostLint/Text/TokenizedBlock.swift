/// A block with its tokens and their normalised text, computed once and shared by every check. A class:
/// checks loop over blocks, and copying a reference is one retain where the struct was one per array.
public final class TokenizedBlock: Sendable {
    public let block: TextBlock
    public let tokens: [Token]
    /// The normalised forms of all tokens, back to back; `Token.normalizedRange` indexes into it.
    public let normalized: [UInt8]
    /// What the text contains that contact checks look for (digits, email markers).
    public let traits: BlockTraits

    public init(block: TextBlock) {
        var tokenizer = Tokenizer(block: block)
        tokenizer.run()
        self.block = block
        self.tokens = tokenizer.tokens
        self.normalized = tokenizer.normalized
        self.traits = tokenizer.traits
    }

    public func normalizedText(of token: Token) -> String {
        String(decoding: normalized[token.normalizedRange], as: UTF8.self)
    }

    /// The block text of a token (as written).
    public func text(of token: Token) -> String {
        String(decoding: block.text[token.range], as: UTF8.self)
    }

    /// The source byte range covering tokens `first...last`.
    public func sourceRange(from first: Int, through last: Int) -> Range<Int> {
        block.sourceRange(tokens[first].range.lowerBound..<tokens[last].range.upperBound)
    }
}

/// A document with every block tokenised: what checks inspect.
public struct AnalyzedDocument: Sendable {
    public let document: Document
    public let blocks: [TokenizedBlock]

    public init(_ document: Document) {
        self.document = document
        self.blocks = document.blocks.map(TokenizedBlock.init(block:))
    }

    public var source: SourceText { document.source }
    public var format: DocumentFormat { document.format }
}
