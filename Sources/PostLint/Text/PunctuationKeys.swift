/// Token keys of the punctuation several checks compare against, defined once.
enum PunctuationKeys {
    static let comma = FNV.hash(",")
    static let colon = FNV.hash(":")
    /// Straight and curly quotation marks, opening and closing, and guillemets.
    static let quotationMarks = TokenKeySet(["\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "«", "»"].map { FNV.hash($0) })
}
