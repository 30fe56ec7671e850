/// A word, number, punctuation mark or symbol in a block's text, with its range in the block and its
/// normalised form (case- and diacritic-folded, ’ read as ') for matching.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
        case symbol
    }

    public var kind: Kind
    /// Byte range in the block's text.
    public var range: Range<Int>
    /// Byte range of the normalised form in the tokenised block's `normalized` buffer.
    public var normalizedRange: Range<Int>
    /// A 64-bit hash of the normalised form: phrase and name automata match on it.
    public var key: UInt64
    public var flags: TokenFlags
    public var contexts: InlineContext

    public init(kind: Kind, range: Range<Int>, normalizedRange: Range<Int>, key: UInt64, flags: TokenFlags,
                contexts: InlineContext) {
        self.kind = kind
        self.range = range
        self.normalizedRange = normalizedRange
        self.key = key
        self.flags = flags
        self.contexts = contexts
    }
}

public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The first letter is upper case.
    public static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// Every letter is upper case (and there are at least two).
    public static let allUppercase = TokenFlags(rawValue: 1 << 1)
    /// The first word of a sentence.
    public static let sentenceStart = TokenFlags(rawValue: 1 << 2)
    /// Inside quotation marks (“…”, "…", ‘…’).
    public static let quoted = TokenFlags(rawValue: 1 << 3)
    /// White space (or the block start) comes right before the token.
    public static let spaceBefore = TokenFlags(rawValue: 1 << 4)
    /// The token ends with a possessive 's or ’s, which is not part of its normalised form.
    public static let possessive = TokenFlags(rawValue: 1 << 5)
    /// A line break lies between this token and the one before.
    public static let lineBreakBefore = TokenFlags(rawValue: 1 << 6)
}
