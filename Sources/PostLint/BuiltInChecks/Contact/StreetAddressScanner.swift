/// Finds "house number + street" forms in a tokenised block: a house number (1–999, optionally with
/// one letter, "27a", or a range "1-3"), then one or more capitalised words ending with a street word
/// from `Rules/street-types.yml` ("12 Acacia Avenue", "14 The Crescent", "5 St John's Road"), with an
/// optional flat prefix before it ("Flat 3, 5 Mill Lane", "Apartment 2, 14 The Crescent"). A street with
/// no street word counts when it is "The …" with a locality after it ("12 The Paddocks, Collingburn") or
/// a postcode ends its line ("4 Town Foot, Hawes, DL8 3ZA").
///
/// Not an address: a street name without a number ("on Station Road"); a number after a word of
/// `Rules/address-number-labels.yml` ("Room 12", "Year 6 Nature Walk", "the 5 Mile Walk"); a street
/// word with no name before it ("3 Gardens visited"); a day and month ("12 May Lane" reads as the date
/// 12 May, unless a flat prefix makes it an address); the famous and fictional addresses of
/// `Rules/well-known-addresses.yml` ("10 Downing Street", "4 Privet Drive"), which are nobody's home
/// contact details.
struct StreetAddressScanner: Sendable {
    struct Match: Sendable, Equatable {
        /// First and last token of the address.
        var firstToken: Int
        var lastToken: Int
    }

    let streetTypes: Set<String>
    let labels: Set<String>
    let wellKnown: Set<String>
    /// Street words that come before the name (Welsh, Irish: "Lôn y Felin") and the articles after them.
    let leadingTypes: Set<String>
    let articles: Set<String>
    /// Words ending a house name before the number ("Rowan House, 12 …").
    let houseWords: Set<String>

    init(streetTypes: [String] = RulePack.embedded.list(.streetTypes),
         labels: [String] = RulePack.embedded.list(.addressNumberLabels),
         wellKnown: [String] = RulePack.embedded.list(.wellKnownAddresses)) {
        self.streetTypes = Set(streetTypes.map { $0.lowercased() })
        self.labels = Set(labels.map { $0.lowercased() })
        self.wellKnown = Set(wellKnown.map(SchoolContacts.squeezed))
        houseWords = Set(RulePack.embedded.list(.addressHouseWords).map(TextNormalizer.fold))
        leadingTypes = Set(RulePack.embedded.list(.streetTypesLeading).map(TextNormalizer.fold))
        articles = Set(RulePack.embedded.list(.streetArticles).map(TextNormalizer.fold))
    }

    static let flatWords: Set<String> = ["flat", "apartment", "apt", "unit", "suite", "maisonette"]
    /// Flat words that may stand right before the street without a comma ("Flat 3 Mill Court"); "Unit 3
    /// Forest Walk" is a topic, so "unit" and "suite" need the comma form ("Unit 5, 12 Mill Lane").
    static let directFlatWords: Set<String> = ["flat", "apartment", "apt", "maisonette"]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                      "sep", "sept", "oct", "nov", "dec"]
    /// Words that make a street's name a school's or college's ("Westhill Brae Academy").
    static let institutionWords: Set<String> = ["school", "academy", "college", "primary", "grammar", "nursery", "infants",
                                                "juniors", "university"]
    /// Plural nouns for people after a school's or place's name: "41 Ironstone Ridge students".
    static let countedPeople: Set<String> = ["students", "pupils", "children", "families", "parents", "staff", "learners",
                                             "apprentices", "girls", "boys", "players", "members", "residents", "volunteers"]
    static let openers: Set<String> = ["(", "[", "\u{201C}", "\"", "'", "\u{2018}", ",", ">"]

    /// `postcodeStarts`: where the block's postcodes start (byte offsets, ascending), which let a street
    /// with no street word count when a postcode follows it on its line ("4 Town Foot, Hawes, DL8 3ZA").
    func scan(_ block: TokenizedBlock, postcodeStarts: [Int] = []) -> [Match] {
        let tokens = block.tokens
        var matches: [Match] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard tokens[index].kind == .number, isHouseNumber(block, tokens[index]) else { continue }
            // The number's own end: "1-3" and "1–3" ranges.
            var numberEnd = index
            if index + 2 < tokens.count, tokens[index + 2].kind == .number, !tokens[index + 1].flags.contains(.spaceBefore),
               !tokens[index + 2].flags.contains(.spaceBefore), ["-", "\u{2013}"].contains(block.text(of: tokens[index + 1])),
               isHouseNumber(block, tokens[index + 2]) {
                // "1-3 High Street" counts up; "15-11 Penwith Park School" is a score.
                guard houseNumberValue(block, tokens[index]) < houseNumberValue(block, tokens[index + 2]) else { continue }
                numberEnd = index + 2
            }
            // What comes before: a flat prefix, a label, or something that makes it no house number.
            var first = index
            var hasFlatPrefix = false
            if index > 0 {
                let previous = tokens[index - 1]
                let previousText = block.normalizedText(of: previous)
                if !tokens[index].flags.contains(.spaceBefore), previous.kind != .word, !StreetAddressScanner.openers.contains(previousText) {
                    continue  // "£5", "No.5", "#12"
                }
                if previous.kind == .symbol, previousText != ">" { continue }
                if previous.kind == .word {
                    if StreetAddressScanner.directFlatWords.contains(previousText) {
                        first = index - 1  // "Flat 3 Mill Court"
                        hasFlatPrefix = true
                    } else if labels.contains(previousText) {
                        continue
                    }
                } else if previousText == ",", index >= 3, tokens[index - 2].kind == .number,
                          tokens[index - 3].kind == .word, StreetAddressScanner.flatWords.contains(block.normalizedText(of: tokens[index - 3])) {
                    first = index - 3  // "Flat 3, 5 Mill Lane"
                    hasFlatPrefix = true
                }
            }
            if let last = leadingTypeStreet(block, after: numberEnd) {
                matches.append(Match(firstToken: first, lastToken: last))
                index = last
                continue
            }
            // The street: capitalised words after the number, the last street word ending it.
            var position = numberEnd + 1
            var words: [Int] = []
            while position < tokens.count, words.count < 6 {
                let token = tokens[position]
                if token.kind == .word, token.flags.contains(.capitalized) || token.flags.contains(.allUppercase),
                   words.isEmpty ? token.flags.contains(.spaceBefore) : true {
                    if !words.isEmpty, !token.flags.contains(.spaceBefore) {
                        // Only a hyphen joins words without a space ("Stratford-upon-Avon" parts).
                        let joiner = block.text(of: tokens[position - 1])
                        guard joiner == "-" || joiner == "." else { break }
                    }
                    if token.flags.contains(.lineBreakBefore) { break }
                    words.append(position)
                    position += 1
                } else if token.kind == .punctuation, !words.isEmpty, !token.flags.contains(.spaceBefore),
                          ["-", "."].contains(block.text(of: token)), position + 1 < tokens.count,
                          tokens[position + 1].kind == .word, tokens[position + 1].flags.contains(.capitalized) {
                    position += 1  // "St. John's", "Ashby-de-la-Zouch": read on
                } else {
                    break
                }
            }
            // A named house before the number: "Rowan House, 12 …" (a comma between them).
            if !hasFlatPrefix, let house = namedHouseStart(block, beforeNumber: index) {
                first = house
                hasFlatPrefix = true
            }
            let last: Int
            if let typeIndex = words.indices.dropFirst().last(where: { streetTypes.contains(block.normalizedText(of: tokens[words[$0]])) }) {
                if !hasFlatPrefix, StreetAddressScanner.months.contains(block.normalizedText(of: tokens[words[0]])) { continue }
                // "Cairnbrae 4 – 2 Westhill Brae Academy": a school named after its street, after a score.
                if typeIndex + 1 < words.count,
                   StreetAddressScanner.institutionWords.contains(block.normalizedText(of: tokens[words[typeIndex + 1]])) { continue }
                last = words[typeIndex]
            } else if let end = theNamedStreetEnd(block, words: words, hasPrefix: hasFlatPrefix) {
                last = end  // "12 The Paddocks, Collingburn"; "Rowan House, 12 The Paddocks"
            } else if !postcodeStarts.isEmpty, let end = postcodedStreetEnd(block, words: words, postcodeStarts: postcodeStarts) {
                last = end  // "4 Town Foot, Hawes, DL8 3ZA"
            } else {
                continue
            }
            // "41 Ironstone Ridge students have started apprenticeships": people counted, not a house number.
            if last + 1 < tokens.count, StreetAddressScanner.countedPeople.contains(block.normalizedText(of: tokens[last + 1])) { continue }
            let written = String(decoding: block.block.text[tokens[first].range.lowerBound..<tokens[last].range.upperBound], as: UTF8.self)
            if wellKnown.contains(SchoolContacts.squeezed(written)) { continue }
            matches.append(Match(firstToken: first, lastToken: last))
            index = last
        }
        return matches
    }

    /// The first token of a house name ending in a word of `Rules/address-house-words.yml`, right before
    /// ", <number>": "Rowan House, 12", "The Old Vicarage, 4". Up to three capitalised words on the line.
    private func namedHouseStart(_ block: TokenizedBlock, beforeNumber index: Int) -> Int? {
        let tokens = block.tokens
        guard index >= 2, block.normalizedText(of: tokens[index - 1]) == ",", tokens[index - 2].kind == .word,
              tokens[index - 2].flags.contains(.capitalized), !tokens[index].flags.contains(.lineBreakBefore),
              houseWords.contains(block.normalizedText(of: tokens[index - 2])) else { return nil }
        var start = index - 2
        while start > 0, index - 2 - start < 3, tokens[start - 1].kind == .word, tokens[start - 1].flags.contains(.capitalized),
              !tokens[start].flags.contains(.lineBreakBefore), !tokens[start].flags.contains(.sentenceStart) {
            start -= 1
        }
        // A house name is a name: a single house word ("House, 12") is not one.
        return start < index - 2 ? start : nil
    }

    /// A street named "The X" with no street word ("12 The Paddocks", "4 The Maltings"): "The" and one or
    /// two capitalised words, after a house name or flat, or followed by a comma and a locality
    /// ("12 The Paddocks, Collingburn"). The last token of the street, or nil.
    private func theNamedStreetEnd(_ block: TokenizedBlock, words: [Int], hasPrefix: Bool) -> Int? {
        let tokens = block.tokens
        guard words.count == 2 || words.count == 3, block.normalizedText(of: tokens[words[0]]) == "the" else { return nil }
        let last = words[words.count - 1]
        if StreetAddressScanner.months.contains(block.normalizedText(of: tokens[words[1]])) { return nil }
        if hasPrefix { return last }
        let next = last + 1
        guard next + 1 < tokens.count, block.normalizedText(of: tokens[next]) == ",", tokens[next + 1].kind == .word || tokens[next + 1].kind == .number,
              tokens[next + 1].flags.contains(.capitalized) || tokens[next + 1].flags.contains(.allUppercase) else { return nil }
        return last
    }

    /// A street with no street word ("4 Town Foot", "7 Brackenber"): one to three capitalised words, a
    /// comma, then at most two localities and a postcode on the same line. The last token, or nil.
    private func postcodedStreetEnd(_ block: TokenizedBlock, words: [Int], postcodeStarts: [Int]) -> Int? {
        let tokens = block.tokens
        guard (1...3).contains(words.count), !StreetAddressScanner.months.contains(block.normalizedText(of: tokens[words[0]])) else { return nil }
        let last = words[words.count - 1]
        var position = last + 1
        guard position < tokens.count, block.normalizedText(of: tokens[position]) == "," else { return nil }
        position += 1
        var localityWords = 0
        while position < tokens.count, localityWords <= 6, !tokens[position].flags.contains(.lineBreakBefore) {
            let token = tokens[position]
            if Self.startsPostcode(token.range.lowerBound, postcodeStarts) { return last }
            if token.kind == .word, token.flags.contains(.capitalized) || token.flags.contains(.allUppercase) {
                localityWords += 1
            } else if block.normalizedText(of: token) != "," {
                return nil
            }
            position += 1
        }
        return nil
    }

    private static func startsPostcode(_ offset: Int, _ starts: [Int]) -> Bool {
        // Binary search: a block has few postcodes, but a hostile one may have many.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && starts[low] == offset
    }

    /// "Lôn y Felin", "Stryd Newydd", "Ard na Gréine": a leading street word right after the number,
    /// optional articles, then one to three capitalised words on the same line. The last token, or nil.
    private func leadingTypeStreet(_ block: TokenizedBlock, after numberEnd: Int) -> Int? {
        let tokens = block.tokens
        var position = numberEnd + 1
        // "14 La Rue des Vignes", "3 Le Mont Cochon": the French article before the street word.
        if position + 1 < tokens.count, frenchArticles.contains(block.normalizedText(of: tokens[position])),
           tokens[position].flags.contains(.capitalized), leadingTypes.contains(block.normalizedText(of: tokens[position + 1])) {
            position += 1
        }
        guard position < tokens.count, tokens[position].kind == .word, tokens[position].flags.contains(.capitalized),
              tokens[position].flags.contains(.spaceBefore), !tokens[position].flags.contains(.lineBreakBefore),
              leadingTypes.contains(block.normalizedText(of: tokens[position])) else { return nil }
        position += 1
        // Articles: "y", "yr", "'r" (joined: "Heol'r"), "na", "an", "an t-" (the hyphen is read on).
        var articlesRead = 0
        while position < tokens.count, articlesRead < 3, !tokens[position].flags.contains(.lineBreakBefore),
              !tokens[position].flags.contains(.capitalized) {
            let text = block.normalizedText(of: tokens[position])
            guard articles.contains(text) || text == "'" || text == "-" else { break }
            position += 1
            articlesRead += 1
        }
        var last: Int?
        while position < tokens.count, let end = last.map({ $0 + 1 }) ?? Optional(position), end == position,
              position - numberEnd <= 8 {
            let token = tokens[position]
            guard token.kind == .word, token.flags.contains(.capitalized), !token.flags.contains(.lineBreakBefore) else { break }
            last = position
            position += 1
        }
        return last
    }

    private let frenchArticles: Set<String> = ["la", "le", "les"]

    /// The digits of a house number as a value ("27a" is 27).
    private func houseNumberValue(_ block: TokenizedBlock, _ token: Token) -> Int {
        var value = 0
        for byte in block.block.text[token.range] where ASCII.isDigit(byte) { value = value * 10 + Int(byte - 0x30) }
        return value
    }

    /// 1–999 with at most one letter after it ("27a", "221B"); not "3pm", "2nd" or "0".
    /// Reads the token's bytes in place: numbers are common (dates, years) and most are not house numbers.
    private func isHouseNumber(_ block: TokenizedBlock, _ token: Token) -> Bool {
        let bytes = block.block.text[token.range]
        let start = bytes.startIndex
        var end = start
        while end < bytes.endIndex, ASCII.isDigit(bytes[end]) { end += 1 }
        let digits = end - start
        guard digits >= 1, digits <= 3, bytes[start] != 0x30 else { return false }
        let rest = bytes.endIndex - end
        return rest == 0 || (rest == 1 && ASCII.isLetter(bytes[end]))
    }
}
