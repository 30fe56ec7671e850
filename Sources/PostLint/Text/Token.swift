/// A word, number, punctuation mark or symbol in a block's text, with its range in the block and its
/// normalised form (case- and diacritic-folded, ’ read as ') for matching.
///
/// Stored in 24 bytes (32-bit offsets, 16-bit lengths, the kind in the top bits of the flags): every
/// check walks the token arrays, and a 50 MB post has more than ten million tokens. The tokenizer
/// keeps a token within `maximumLength` bytes, in its text and in its normalised form.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
        case symbol
    }

    /// The longest text a token can span, and the longest normalised form it can have.
    public static let maximumLength = Int(UInt16.max)

    /// A 64-bit hash of the normalised form: phrase and name automata match on it.
    public var key: UInt64
    private var start: UInt32
    private var normalizedStart: UInt32
    private var length: UInt16
    private var normalizedLength: UInt16
    /// `TokenFlags` in the low 14 bits, `Kind` in the top two.
    private var packed: UInt16
    public var contexts: InlineContext

    private static let kindShift: UInt16 = 14
    private static let flagBits: UInt16 = (1 << kindShift) - 1

    public var kind: Kind {
        Kind(rawValue: UInt8(truncatingIfNeeded: packed >> Self.kindShift))!  // written from a Kind in init
    }

    public var flags: TokenFlags {
        get { TokenFlags(rawValue: packed & Self.flagBits) }
        set { packed = (packed & ~Self.flagBits) | (newValue.rawValue & Self.flagBits) }
    }

    /// Byte range in the block's text.
    public var range: Range<Int> {
        get { Range(uncheckedBounds: (Int(start), Int(start) + Int(length))) }
        set {
            start = UInt32(newValue.lowerBound)
            length = UInt16(newValue.count)
        }
    }

    /// Byte range of the normalised form in the tokenised block's `normalized` buffer.
    public var normalizedRange: Range<Int> {
        get { Range(uncheckedBounds: (Int(normalizedStart), Int(normalizedStart) + Int(normalizedLength))) }
        set {
            normalizedStart = UInt32(newValue.lowerBound)
            normalizedLength = UInt16(newValue.count)
        }
    }

    /// - Precondition: `range` and `normalizedRange` are at most `maximumLength` bytes long.
    public init(kind: Kind, range: Range<Int>, normalizedRange: Range<Int>, key: UInt64, flags: TokenFlags,
                contexts: InlineContext) {
        self.key = key
        self.start = UInt32(range.lowerBound)
        self.length = UInt16(range.count)
        self.normalizedStart = UInt32(normalizedRange.lowerBound)
        self.normalizedLength = UInt16(normalizedRange.count)
        self.packed = UInt16(kind.rawValue) << Self.kindShift | (flags.rawValue & Self.flagBits)
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
    /// A tab or three or more spaces lie between this token and the one before on its line: a gap
    /// between the columns of a plain-text table ("Avocet - Saulė          Lapwing - River").
    public static let columnGapBefore = TokenFlags(rawValue: 1 << 7)
}
