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
extension PupilNameFileNames {
    /// Names in an image's file name, raised one level, without a fix (renaming a file is the
    /// author's job). Full names in any order, separator or camelCase (`oliver-whitfield.jpg`,
    /// `WhitfieldOliver.png`); a forename alone (`cadi-kick-net.jpg`) or with an initial
    /// (`tali-m.jpg`) only when it is not also a word or something else in this post, or when it
    /// stands beside another name (`rangoli-priya-anaya.jpg`): `rose-garden.jpg` is a garden.
    static func findings(in block: TextBlock, automaton: NameAutomaton, senses: PupilNameSenses) -> [Finding] {
        let tokens = tokens(of: block.text)
        var spans: [(range: Range<Int>, full: Bool)] = []
        var index = 0
        while index < tokens.count {
            var longest = index
            var full = false
            if automaton.trie.canStart(with: tokens[index]) {
                automaton.trie.matches(in: tokens, from: index) { end, payload in
                    switch automaton.forms[Int(payload)].kind {
                    case .full, .surnameForename, .concatenated:
                        if end >= longest { longest = end; full = true }
                    case .forename, .initial:
                        if !full, end > longest { longest = end }
                    default: break
                    }
                }
            }
            guard longest > index else {
                index += 1
                continue
            }
            spans.append((index..<longest, full))
            index = longest
        }
        var findings: [Finding] = []
        for (position, span) in spans.enumerated() {
            if !span.full {
                let key = tokens[span.range.lowerBound].key
                let besideAnother = (position > 0 && spans[position - 1].range.upperBound == span.range.lowerBound)
                    || (position + 1 < spans.count && spans[position + 1].range.lowerBound == span.range.upperBound)
                // Beside another name, a common word or a house is a name too (`rangoli-rose-skye.jpg`,
                // `kevin-orla-summit.jpg`), and so is a forename with an initial (`summer-f.jpg`); a word
                // the post itself uses for something else is not (`joseph-2026-kian-noble-dreamcoat.jpg`).
                if senses.recorded.contains(key) || senses.adults.contains(key) { continue }
                let withInitial = span.range.count == 2
                let isWord = PupilNameVocabulary.commonWordNames.contains(key) || tokens[span.range.lowerBound].range.count <= 2
                    || senses.lowercaseWords.contains(key) || senses.configured.contains(key)
                guard besideAnother || withInitial || !isWord else { continue }
            }
            let textRange = tokens[span.range.lowerBound].range.lowerBound..<tokens[span.range.upperBound - 1].range.upperBound
            let matched = String(decoding: block.text[textRange], as: UTF8.self)
            let what = span.full ? "a pupil's full name" : "a pupil's name"
            findings.append(Finding(
                range: block.sourceRange(textRange),
                message: "the image file name contains \(what) (\u{201C}\(matched)\u{201D}); rename the file before publishing",
                raisesLevel: true))
        }
        return findings
    }
}
