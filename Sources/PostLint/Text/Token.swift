/// A word, number, punctuation mark or symbol in a block's text, with its range in the block and its
/// normalised form (case- and diacritic-folded, ’ read as ') for matching.
///
/// Stored in 32 bytes (32-bit offsets; the hash first so nothing is padded): every check walks the
/// token arrays, and a 50 MB post has millions of tokens.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
        case symbol
    }

    /// A 64-bit hash of the normalised form: phrase and name automata match on it.
    public var key: UInt64
    private var start: UInt32
    private var end: UInt32
    private var normalizedStart: UInt32
    private var normalizedEnd: UInt32
    public var flags: TokenFlags
    public var contexts: InlineContext
    public var kind: Kind

    /// Byte range in the block's text.
    public var range: Range<Int> {
        get { Range(uncheckedBounds: (Int(start), Int(end))) }  // ordered when stored
        set {
            start = UInt32(newValue.lowerBound)
            end = UInt32(newValue.upperBound)
        }
    }

    /// Byte range of the normalised form in the tokenised block's `normalized` buffer.
    public var normalizedRange: Range<Int> {
        get { Range(uncheckedBounds: (Int(normalizedStart), Int(normalizedEnd))) }
        set {
            normalizedStart = UInt32(newValue.lowerBound)
            normalizedEnd = UInt32(newValue.upperBound)
        }
    }

    public init(kind: Kind, range: Range<Int>, normalizedRange: Range<Int>, key: UInt64, flags: TokenFlags,
                contexts: InlineContext) {
        self.key = key
        self.start = UInt32(range.lowerBound)
        self.end = UInt32(range.upperBound)
        self.normalizedStart = UInt32(normalizedRange.lowerBound)
        self.normalizedEnd = UInt32(normalizedRange.upperBound)
        self.flags = flags
        self.contexts = contexts
        self.kind = kind
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
