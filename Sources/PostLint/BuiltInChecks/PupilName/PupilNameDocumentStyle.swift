/// How a post writes: which words it uses in lower case, and whether it is written in lower case
/// throughout, as informal social posts are ("well done to sky and reggie 🎉"). One pass over the
/// post's prose, before any name is weighed.
struct PupilNameDocumentStyle {
    /// Words the post writes in lower case somewhere: when a forename is among them, the post uses it as a word.
    let lowercaseWords: TokenKeySet
    /// Most sentences start in lower case (at least two of them, and two in three).
    let isInformal: Bool

    init(_ document: AnalyzedDocument) {
        var words = TokenKeySet()
        var sentences = 0, lowerCaseSentences = 0
        for block in document.blocks where block.block.kind.isProse {
            for token in block.tokens where token.kind == .word {
                let capitalised = token.flags.contains(.capitalized) || token.flags.contains(.allUppercase)
                if !capitalised { words.insert(token.key) }
                if token.flags.contains(.sentenceStart), block.block.kind != .imageAlt {
                    sentences += 1
                    if !capitalised { lowerCaseSentences += 1 }
                }
            }
        }
        lowercaseWords = words
        isInformal = lowerCaseSentences >= 2 && lowerCaseSentences * 3 >= sentences * 2
    }
}
