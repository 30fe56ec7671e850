/// How a post writes: which words it uses in lower case, and whether it is written in lower case
/// throughout, as informal social posts are ("well done to sky and reggie 🎉"). One pass over the
/// sentence starts of the post's prose, before any name is weighed; the lower-case words are gathered
/// only when a name first needs them (most posts name no pupil by a forename alone, and then never do).
struct PupilNameDocumentStyle {
    /// Words the post writes in lower case somewhere: when a forename is among them, the post uses it as a word.
    let lowercaseWords: PupilNameLowercaseWords
    /// Most sentences start in lower case (at least two of them, and two in three).
    let isInformal: Bool

    init(_ document: AnalyzedDocument) {
        var sentences = 0, lowerCaseSentences = 0
        for block in document.blocks where block.block.kind.isProse && block.block.kind != .imageAlt {
            block.tokens.withUnsafeBufferPointer { tokens in
                for token in tokens where token.flags.contains(.sentenceStart) && token.kind == .word {
                    sentences += 1
                    if !token.flags.contains(.capitalized) && !token.flags.contains(.allUppercase) { lowerCaseSentences += 1 }
                }
            }
        }
        lowercaseWords = PupilNameLowercaseWords(document)
        isInformal = lowerCaseSentences >= 2 && lowerCaseSentences * 3 >= sentences * 2
    }
}

/// The words a post writes in lower case somewhere in its prose, gathered into a `TokenKeySet` on the
/// first question. A class, so that the matchers of every block (and their copies) share one set.
final class PupilNameLowercaseWords {
    private let document: AnalyzedDocument
    private var words: TokenKeySet?

    init(_ document: AnalyzedDocument) { self.document = document }

    func contains(_ key: UInt64) -> Bool {
        if words == nil { words = Self.gather(document) }
        return words.unsafelyUnwrapped.contains(key)
    }

    private static func gather(_ document: AnalyzedDocument) -> TokenKeySet {
        var words = TokenKeySet()
        for block in document.blocks where block.block.kind.isProse {
            block.tokens.withUnsafeBufferPointer { tokens in
                for token in tokens where token.kind == .word
                    && !token.flags.contains(.capitalized) && !token.flags.contains(.allUppercase) {
                    words.insert(token.key)
                }
            }
        }
        return words
    }
}
