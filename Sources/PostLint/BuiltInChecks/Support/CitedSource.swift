/// Reads the source named after a citation opener: a run of capitalised words with the small words
/// names contain ("Department for Education", "the Daily Example", "Friends of the Earth"), or a web
/// address ("example.org"). Lower-case text ("according to our records") and a language alone
/// ("writing in English") name no source.
enum CitedSource {
    /// Small words inside a name, Welsh and Irish ones too ("Comisiwn Beddau Rhyfel y Gymanwlad",
    /// "Údarás na Gaeltachta", "Birth to 5 Matters").
    private static let connectors: TokenKeySet = TokenKeySet(["of", "for", "and", "&", "the", "to", "de", "du", "la", "le", "von", "van", "der", "on", "in", "at", "-", "'", "’",
                                                      "y", "yr", "ac", "na", "an", "agus"].map { FNV.hash($0) })
    private static let determiners: TokenKeySet = TokenKeySet(["the", "a", "an", "y", "yr"].map { FNV.hash($0) })
    private static let dot = FNV.hash(".")
    private static let sourceKinds: TokenKeySet = TokenKeySet(["charity", "charities", "organisation", "organization", "newspaper", "paper",
                                                        "magazine", "website", "broadcaster", "campaign", "group", "think-tank",
                                                        "union", "regulator", "watchdog", "journal"].map { FNV.hash($0) })
    private static let researcherKinds: TokenKeySet = TokenKeySet(["researchers", "scientists", "academics", "experts", "psychologists",
                                                            "doctors", "economists", "team"].map { FNV.hash($0) })
    private static let atOrFrom: TokenKeySet = TokenKeySet(["at", "from"].map { FNV.hash($0) })
    /// "published in June": a month or a day alone names no source (`Rules/calendar-words.yml`).
    private static let calendarWords: TokenKeySet = TokenKeySet(RulePack.embedded.list(.calendarWords).map { FNV.hash(TextNormalizer.fold($0)) })
    /// "writing in English lessons": a language alone names no source (`Rules/languages.yml`).
    private static let languages: TokenKeySet = TokenKeySet(RulePack.embedded.list(.languages).map { FNV.hash(TextNormalizer.fold($0)) })

    /// The token range of the source starting at `start`, or nil when no source is named there.
    /// `limit` bounds the tokens read: a caller that tries every position of a long capitalised run
    /// ("Oliver Whitfield and Oliver Whitfield and …") would otherwise read it again from each.
    static func range(in tokens: [Token], from start: Int, limit: Int = Int.max) -> Range<Int>? {
        var index = start
        if index < tokens.count, determiners.contains(tokens[index].key) { index += 1 }
        // "the charity Mencap", "the newspaper The Echo": a kind of source before its name.
        if index + 1 < tokens.count, sourceKinds.contains(tokens[index].key), !tokens[index].flags.contains(.capitalized),
           tokens[index + 1].flags.contains(.capitalized) || tokens[index + 1].flags.contains(.allUppercase) {
            index += 1
        }
        // "a study by researchers at Lancaster University": the people, then where they work.
        if index + 2 < tokens.count, researcherKinds.contains(tokens[index].key), atOrFrom.contains(tokens[index + 1].key),
           tokens[index + 2].flags.contains(.capitalized) || tokens[index + 2].flags.contains(.allUppercase) {
            index += 2
        }
        guard index < tokens.count else { return nil }
        if let domainEnd = webAddressEnd(tokens, from: index) { return start..<domainEnd }
        var end = index
        var capitalised = 0
        while end < tokens.count, end - index < limit {
            let token = tokens[end]
            // A name may wrap after a small word ("the Diocese of / Exampleton"), not after a full name.
            if end > index && token.flags.contains(.lineBreakBefore) && !connectors.contains(tokens[end - 1].key) { break }
            if token.kind == .word && (token.flags.contains(.capitalized) || token.flags.contains(.allUppercase)) {
                capitalised += 1
                end += 1
                // An initial inside a name: "Daniel G. Williams".
                if token.range.count == 1, end + 1 < tokens.count, tokens[end].key == dot, !tokens[end].flags.contains(.spaceBefore),
                   tokens[end + 1].flags.contains(.capitalized) {
                    end += 1
                }
            } else if token.kind == .number && capitalised > 0 {
                end += 1
            } else if capitalised > 0 && connectors.contains(token.key) {
                end += 1
            } else {
                break
            }
        }
        // Trailing small words belong to the sentence, not the name.
        while end > index, connectors.contains(tokens[end - 1].key) || tokens[end - 1].kind == .punctuation { end -= 1 }
        guard capitalised > 0, end > index else { return nil }
        if end == index + 1, languages.contains(tokens[index].key) || calendarWords.contains(tokens[index].key) { return nil }
        if namesOnlyPlacesOrLanguages(tokens, index..<end) { return nil }
        return start..<end
    }

    /// "A story from the Congo", "a piece in English and Twi", "a report from Sri Lanka": countries and
    /// languages (`Rules/countries.yml`, `Rules/languages.yml`) joined by "and", "&" or commas name no source.
    private static func namesOnlyPlacesOrLanguages(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        var part: [UInt64] = []
        var index = range.lowerBound
        while index <= range.upperBound {
            if index == range.upperBound || placeJoiners.contains(tokens[index].key) {
                guard !part.isEmpty, part.count > 1 ? places.contains(part) : (places.contains(part) || languages.contains(part[0])) else {
                    return false
                }
                part.removeAll(keepingCapacity: true)
            } else if !(part.isEmpty && determiners.contains(tokens[index].key)) {
                part.append(tokens[index].key)
            }
            index += 1
        }
        return true
    }
    private static let places: Set<[UInt64]> = Set(RulePack.embedded.list(.countries).map(TokenizedBlock.wordKeys))
    private static let placeJoiners: TokenKeySet = TokenKeySet(["and", "&", ","].map { FNV.hash($0) })

    /// "example.org", "www.bbc.co.uk/news": words joined by full stops with no spaces, ending in a
    /// letter-only last label.
    private static func webAddressEnd(_ tokens: [Token], from start: Int) -> Int? {
        var index = start
        var labels = 0
        while index < tokens.count, tokens[index].kind == .word || tokens[index].kind == .number {
            labels += 1
            index += 1
            guard index + 1 < tokens.count, tokens[index].key == dot, !tokens[index].flags.contains(.spaceBefore),
                  !tokens[index + 1].flags.contains(.spaceBefore), tokens[index + 1].kind == .word else { break }
            index += 1
        }
        return labels >= 2 ? index : nil
    }
}
