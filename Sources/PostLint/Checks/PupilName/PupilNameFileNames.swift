/// Image file names as tokens for the name automaton: `oliver-whitfield.jpg`, `oliver_whitfield.png`,
/// `OliverWhitfield.png` and `IMG_OliverWhitfield_2.jpeg` all become the words "oliver", "whitfield".
/// Separators (anything not a letter), case changes from lower to upper (camelCase) and digits split
/// words; the extension is dropped. Matching here is case-insensitive: file names have no sentences.
enum PupilNameFileNames {
    static func tokens(of text: [UInt8]) -> [Token] {
        var end = text.count
        if let dot = text.lastIndex(of: UInt8(ascii: ".")), dot > 0 { end = dot }
        var tokens: [Token] = []
        var folded: [UInt8] = []
        var wordStart: Int?
        var previousWasLower = false
        func finish(at index: Int) {
            if let start = wordStart, !folded.isEmpty {
                tokens.append(Token(kind: .word, range: start..<index, normalizedRange: 0..<0, key: FNV.hash(folded[...]),
                                    flags: [], contexts: []))
            }
            wordStart = nil
            folded.removeAll(keepingCapacity: true)
            previousWasLower = false
        }
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < end {
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                if CharacterClass.isLetter(scalar) || CharacterClass.isMark(scalar.value) {
                    let upper = CharacterClass.isUppercase(scalar)
                    if upper && previousWasLower { finish(at: index) }
                    if wordStart == nil { wordStart = index }
                    TextNormalizer.appendFolded(scalar, to: &folded)
                    previousWasLower = !upper && CharacterClass.isLetter(scalar)
                } else if CharacterClass.isApostrophe(scalar.value), wordStart != nil, index + length < end,
                          CharacterClass.isLetter(UTF8Scalars.decode(bytes, at: index + length).0) {
                    // Skipped: names are also stored without apostrophes, as file names write them.
                } else {
                    finish(at: index)
                }
                index += length
            }
            finish(at: end)
        }
        return tokens
    }
}
