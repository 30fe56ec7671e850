/// Image file names as tokens for the name automaton: `oliver-whitfield.jpg`, `oliver_whitfield.png`,
/// `OliverWhitfield.png` and `IMG_OliverWhitfield_2.jpeg` all become the words "oliver", "whitfield".
/// Separators (anything not a letter), case changes from lower to upper (camelCase) and digits split
/// words; the extension is dropped. Matching here is case-insensitive: file names have no sentences.
enum PupilNameFileNames {
    /// The words of a file name, with their folded forms back to back in `normalized` (what a sealed
    /// roster hashes).
    static func tokens(of text: [UInt8]) -> (tokens: [Token], normalized: [UInt8]) {
        var end = text.count
        if let dot = text.lastIndex(of: UInt8(ascii: ".")), dot > 0 { end = dot }
        var tokens: [Token] = []
        var normalized: [UInt8] = []
        var folded: [UInt8] = []
        var wordStart: Int?
        var previousWasLower = false
        func finish(at index: Int) {
            if let start = wordStart, !folded.isEmpty {
                let normalizedRange = normalized.count..<(normalized.count + folded.count)
                normalized += folded
                tokens.append(Token(kind: .word, range: start..<index, normalizedRange: normalizedRange,
                                    key: FNV.hash(folded[...]), flags: [], contexts: []))
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
        return (tokens, normalized)
    }
}
extension PupilNameFileNames {
    /// Whether an address ends in an image's file name (`/uploads/noel-gruffalo.jpg?w=800`).
    static func isImagePath(_ text: [UInt8]) -> Bool {
        var end = text.count
        if let query = text.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { end = query }
        guard let dot = text[..<end].lastIndex(of: UInt8(ascii: ".")), end - dot <= 5 else { return false }
        let extensionBytes = text[(dot + 1)..<end].map { $0 | 0x20 }
        return imageExtensions.contains(extensionBytes)
    }

    private static let imageExtensions: Set<[UInt8]> = Set(["jpg", "jpeg", "png", "gif", "webp", "heic", "avif", "tif", "tiff", "bmp"]
        .map { Array($0.utf8) })

    /// Names in an image's file name, raised one level, without a fix (renaming a file is the
    /// author's job). Full names in any order, separator or camelCase (`oliver-whitfield.jpg`,
    /// `WhitfieldOliver.png`); a forename alone (`cadi-kick-net.jpg`) or with an initial
    /// (`tali-m.jpg`) only when it is not also a word or something else in this post, or when it
    /// stands beside another name (`rangoli-priya-anaya.jpg`): `rose-garden.jpg` is a garden.
    /// `photographed`: forenames the image's own alt text gives a pupil.
    static func findings(in block: TextBlock, names: RosterNameLookup, senses: PupilNameSenses, photographed: Set<UInt64> = []) -> [Finding] {
        let (tokens, normalized) = tokens(of: block.text)
        var spans: [(range: Range<Int>, full: Bool, consent: Consent)] = []
        var index = 0
        while index < tokens.count {
            var longest = index
            var full = false
            var consent = Consent.given
            if names.canStart(tokens[index], normalized) {
                names.matches(in: tokens, normalized, from: index) { end, form in
                    switch form.kind {
                    case .full, .surnameForename, .concatenated:
                        if end > longest || (end == longest && !full) { consent = form.consent }
                        else if end == longest { consent = min(consent, form.consent) }
                        if end >= longest { longest = end; full = true }
                    case .forename, .initial:
                        if !full, end > longest { longest = end; consent = form.consent }
                        else if !full, end == longest { consent = min(consent, form.consent) }
                    default: break
                    }
                }
            }
            guard longest > index else {
                index += 1
                continue
            }
            spans.append((index..<longest, full, consent))
            index = longest
        }
        var findings: [Finding] = []
        for (position, span) in spans.enumerated() {
            // `dr-maryam-khan-talk.jpg`, `mrs-hope-visit.jpg`: an adult, by title.
            if span.range.lowerBound > 0, PupilNameVocabulary.titles.contains(tokens[span.range.lowerBound - 1].key) { continue }
            // A word the file name has already used in a full name: `reed-pike-bundling-reed.jpg`.
            if !span.full, spans[..<position].contains(where: { earlier in
                earlier.full && earlier.range.contains { tokens[$0].key == tokens[span.range.lowerBound].key }
            }) { continue }
            if !span.full, !photographed.contains(tokens[span.range.lowerBound].key) {
                let key = tokens[span.range.lowerBound].key
                // (Or with "and" between: `hope-and-eden.jpg`.)
                func joined(_ end: Int, _ start: Int) -> Bool {
                    end == start || (start - end == 1 && PupilNameWords.andWords.contains(tokens[end].key))
                }
                let besideAnother = (position > 0 && joined(spans[position - 1].range.upperBound, span.range.lowerBound))
                    || (position + 1 < spans.count && joined(span.range.upperBound, spans[position + 1].range.lowerBound))
                // Beside another name, a common word or a house is a name too (`rangoli-rose-skye.jpg`,
                // `kevin-orla-summit.jpg`), and so is a forename with an initial (`summer-f.jpg`); a word
                // the post itself uses for something else is not (`joseph-2026-kian-noble-dreamcoat.jpg`).
                if senses.recorded.contains(key) || senses.adults.contains(key) { continue }
                // After a full name, the last word says what is in the photo: `winter-cole-star.jpg`,
                // `srijana-gurung-tika.jpg` (a blessing).
                if position > 0, position == spans.count - 1, spans[position - 1].full,
                   spans[position - 1].range.upperBound == span.range.lowerBound, span.range.count == 1 { continue }

                let withInitial = span.range.count == 2
                let isWord = PupilNameVocabulary.commonWordNames.contains(key) || tokens[span.range.lowerBound].range.count <= 2
                    || senses.lowercaseWords.contains(key) || senses.isConfigured(key)
                guard besideAnother || withInitial || !isWord else { continue }
            }
            let textRange = tokens[span.range.lowerBound].range.lowerBound..<tokens[span.range.upperBound - 1].range.upperBound
            let matched = String(decoding: block.text[textRange], as: UTF8.self)
            let what = span.full ? "a pupil's full name" : "a pupil's name"
            let range = block.sourceRange(textRange)
            let message = "the image file name contains \(what) (\u{201C}\(matched)\u{201D})"
            if span.consent == .refused {
                findings.append(Finding(range: range, message: message + PupilNameCheck.noConsent + "; rename the file before publishing",
                                        level: .error))
            } else {
                findings.append(Finding(range: range, message: message + "; rename the file before publishing", raisesLevel: true))
            }
        }
        return findings
    }
}
