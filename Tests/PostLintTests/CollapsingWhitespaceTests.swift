@testable import PostLint
import Testing

/// Messages quote matched text with its white space collapsed, on bytes for speed: the result must be
/// what splitting on `Character.isWhitespace` and joining with one space gives, for every kind of space.
@Suite struct CollapsingWhitespaceTests {
    static let pieces = ["Oliver", "Whitfield", "Zoë", "🎉", "é", "a", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{0085}",
                         "\u{1680}", "\u{2002}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
                         "\u{3000}", "\u{FEFF}", "\u{0B}", "\u{0C}", "\u{2060}", "x\u{0301}"]

    static func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func agreesWithCharacterWhitespaceOnEveryPair() {
        for first in Self.pieces {
            for second in Self.pieces {
                for third in Self.pieces {
                    let text = first + second + third
                    #expect(text.collapsingWhitespace == Self.reference(text), "\(Array(text.unicodeScalars))")
                }
            }
        }
    }

    @Test func keepsWordsAndDropsEnds() {
        #expect(" \u{00A0}Oliver\n\tWhitfield  ".collapsingWhitespace == "Oliver Whitfield")
        #expect("".collapsingWhitespace == "")
    }
}
