/// What a block's text contains that a contact scanner needs to find anything, noted by the
/// tokenizer as it passes: a block without them is skipped without scanning its bytes again.
public struct BlockTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// An ASCII digit: every phone number, postcode and house number has one.
    public static let digits = BlockTraits(rawValue: 1 << 0)
    /// An "@", or the word "at" (as in "jane at gmail dot com", "jane[at]gmail.com").
    public static let emailMarker = BlockTraits(rawValue: 1 << 1)
}
