/// Recognises how staff are named in bylines and sign-offs: a title and a surname ("Mrs Patel",
/// "Mr J. Hughes", "Dr Amy Lee") or two or three capitalised words ("Helen Carter").
enum PersonName {
    static let honorifics = TokenKeySet(
        ["mr", "mrs", "ms", "miss", "mx", "dr", "rev", "revd", "prof", "sir", "dame", "fr", "canon", "cllr", "lady", "lord", "father", "sister", "madame", "monsieur", "mme", "herr", "frau", "senor", "senora",
         // Irish and Welsh: Iníon (Miss), Máistir (Master), Múinteoir (Teacher, used as a title), Y Parch (Rev).
         "inion", "maistir", "muinteoir", "parch"]
            .map { FNV.hash($0) })

    /// Words that, right before a name, say it is an adult's (`Rules/name-titles.yml`: "Mrs", "Coach",
    /// "author"), as token keys; read by pupil-name and by the citation check ("Coach Emeka says").
    static let titleKeys = TokenKeySet(RulePack.embedded.wordKeys(.nameTitles))

    /// Honours and offices after a full name (`Rules/name-post-nominals.yml`: "OBE", "RN"), and "retd"
    /// for "(retd)": part of the name they follow, never another word of it.
    static let postNominals = TokenKeySet(RulePack.embedded.wordKeys(.namePostNominals))

    /// Small words inside a surname, in lower case: "Rhodri ap Iorwerth", "Amara van der Berg".
    static let particles = TokenKeySet(["de", "dela", "del", "della", "di", "da", "das", "dos", "do", "du", "van", "von", "der",
                                        "den", "ter", "ap", "ab", "mac", "bin", "bint", "ibn", "al", "el", "le", "la"].map { FNV.hash($0) })

    static func isHonorific(_ token: Token) -> Bool {
        token.kind == .word && token.flags.contains(.capitalized) && honorifics.contains(token.key)
    }

    /// The end (exclusive) of a name starting at `start`: a title followed by initials and capitalised
    /// words, or — when `allowUntitled` — two or three capitalised words.
    static func end(in tokens: [Token], at start: Int, allowUntitled: Bool) -> Int? {
        end(in: tokens, at: start, allowUntitled: allowUntitled, allowCouple: true)
    }

    /// (One couple at most: "A and B and C…" is not followed further, so hostile text cannot recurse deeply.)
    private static func end(in tokens: [Token], at start: Int, allowUntitled: Bool, allowCouple: Bool) -> Int? {
        // A couple sharing a surname: "Mr and Mrs Pringle", "Graeme and Jo Pringle".
        if allowCouple, start + 2 < tokens.count, tokens[start].kind == .word, tokens[start].flags.contains(.capitalized),
           tokens[start + 1].key == and || tokens[start + 1].key == ampersand, !tokens[start + 2].flags.contains(.lineBreakBefore) {
            if isHonorific(tokens[start]), isHonorific(tokens[start + 2]) {
                return end(in: tokens, at: start + 2, allowUntitled: false, allowCouple: false)
            }
            if allowUntitled, !isHonorific(tokens[start]), !isHonorific(tokens[start + 2]),
               let coupleEnd = end(in: tokens, at: start + 2, allowUntitled: true, allowCouple: false) {
                return coupleEnd
            }
        }
        var index = start
        var titled = false
        if index < tokens.count, isHonorific(tokens[index]) {
            titled = true
            index += 1
            if index < tokens.count, isFullStop(tokens[index]) { index += 1 }
        }
        var names = 0
        while index < tokens.count, names < 4 {
            let token = tokens[index]
            // "Rhodri ap Iorwerth", "Mr R ap Iorwerth": particles between the name's capitalised words.
            if names > 0, let next = afterParticles(tokens, index) {
                index = next
                continue
            }
            guard token.kind == .word, token.flags.contains(.capitalized) else { break }
            if (names > 0 || titled) && isPostNominal(token) { break }
            // A second title starts a second name: "Mrs J Atherton   Mr L Fairless" are two signers.
            if (names > 0 || titled) && isHonorific(token) { break }
            if names > 0 && !tokens[index].flags.contains(.spaceBefore) && !isHyphenJoined(tokens, index) { break }
            // A name does not run on to the next line (where a sign-off puts the job title).
            if (names > 0 || titled) && token.flags.contains(.lineBreakBefore) { break }
            names += 1
            index += 1
            // An initial: "J." or "J".
            if index < tokens.count, isFullStop(tokens[index]), token.range.count == 1 { index += 1 }
            // Hyphenated or apostrophe names arrive as several tokens joined without spaces.
            if index + 1 < tokens.count, isHyphen(tokens[index]), !tokens[index].flags.contains(.spaceBefore),
               tokens[index + 1].flags.contains(.capitalized), !tokens[index + 1].flags.contains(.spaceBefore) {
                index += 2
            }
        }
        if titled { return names >= 1 ? endOfPostNominals(tokens, from: index) : nil }
        return allowUntitled && names >= 2 && names <= 3 ? endOfPostNominals(tokens, from: index) : nil
    }

    /// Past one or two particles in lower case at `start` ("ap", "van der") to the capitalised word that
    /// goes on with the name on the same line; nil when no such word follows.
    private static func afterParticles(_ tokens: [Token], _ start: Int) -> Int? {
        var index = start
        while index < tokens.count, index < start + 2, tokens[index].kind == .word, !tokens[index].flags.contains(.capitalized),
              tokens[index].flags.contains(.spaceBefore), !tokens[index].flags.contains(.lineBreakBefore),
              particles.contains(tokens[index].key) {
            index += 1
        }
        guard index > start, index < tokens.count, tokens[index].kind == .word, tokens[index].flags.contains(.capitalized),
              tokens[index].flags.contains(.spaceBefore), !tokens[index].flags.contains(.lineBreakBefore) else { return nil }
        return index
    }

    /// An honour in capitals on the name's line: "RN", "OBE" (not "Ra" or "Ms").
    private static func isPostNominal(_ token: Token) -> Bool {
        token.flags.contains(.allUppercase) && token.flags.contains(.spaceBefore) && !token.flags.contains(.lineBreakBefore)
            && postNominals.contains(token.key)
    }

    /// Past the honours after a name and a bracketed retirement: "Commander Mark Tremayne RN (retd)".
    private static func endOfPostNominals(_ tokens: [Token], from start: Int) -> Int {
        var index = start
        while index < tokens.count, isPostNominal(tokens[index]) { index += 1 }
        if index + 2 < tokens.count, tokens[index].key == openingBracket, !tokens[index].flags.contains(.lineBreakBefore),
           postNominals.contains(tokens[index + 1].key), tokens[index + 2].key == closingBracket {
            index += 3
        }
        return index
    }

    private static let fullStop = FNV.hash(".")
    private static let and = FNV.hash("and")
    private static let ampersand = FNV.hash("&")
    private static let hyphen = FNV.hash("-")
    private static let openingBracket = FNV.hash("(")
    private static let closingBracket = FNV.hash(")")

    static func isFullStop(_ token: Token) -> Bool { token.kind == .punctuation && token.key == fullStop }

    static func isHyphen(_ token: Token) -> Bool { token.kind == .punctuation && token.key == hyphen }

    private static func isHyphenJoined(_ tokens: [Token], _ index: Int) -> Bool {
        index >= 1 && isHyphen(tokens[index - 1])
    }
}
