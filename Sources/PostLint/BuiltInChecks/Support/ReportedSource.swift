/// Citations that name their source before the claim, through a reporting verb: "the Guardian
/// reported", "Ofcom's latest report found", "The Anti-Bullying Alliance says", "As the Carmarthen
/// Journal put it", "the charity found", and the sourceless "Studies show" / "Experts say". The
/// opener-first forms ("according to …", "research by …") are `UnapprovedCitationCheck`'s openers.
///
/// The grammar: a source — a run of capitalised words (`CitedSource`), or a lower-case source from
/// `Rules/citation-generic-sources.yml` — then an optional possessive and report noun
/// (`Rules/citation-report-nouns.yml`: "'s latest report"), then a verb of
/// `Rules/citation-reporting-verbs.yml`. Past "said" is not a reporting verb here: "Mr Evans said" is
/// reported speech. Names of the school's own people and groups (`Rules/citation-not-sources.yml`:
/// "Year 6 found", "Everyone says"), titled names ("Mrs Patel says") and a person named by office
/// ("the Archbishop reminds us") are no source.
enum ReportedSource {
    static let verbs = PhraseMatcher(patterns: RulePack.embedded.list(.citationReportingVerbs))
    static let publishingVerbs = PhraseMatcher(patterns: RulePack.embedded.list(.citationPublishingVerbs))
    private static let that = FNV.hash("that")
    private static let said = FNV.hash("said")
    /// Publishing verbs a child uses too: "Oliver says that…", "Amir claims that…".
    private static let personalVerbs: TokenKeySet = TokenKeySet(["says", "claims", "said", "claimed"].map { FNV.hash($0) })
    static let asVerbs = PhraseMatcher(patterns: RulePack.embedded.list(.citationAsVerbs))
    private static let professions = TokenKeySet(RulePack.embedded.wordKeys(.citationProfessions))
    private static let asWord = FNV.hash("as")
    static let nouns = PhraseMatcher(patterns: RulePack.embedded.list(.citationReportNouns))
    static let genericSources = PhraseMatcher(patterns: RulePack.embedded.list(.citationGenericSources))
    static let notSources: TokenKeySet = TokenKeySet(RulePack.embedded.list(.citationNotSources).compactMap { entry in
        // One-word entries only: the first word of a source is what is compared.
        entry.contains(" ") ? nil : FNV.hash(TextNormalizer.fold(entry))
    })
    static let nounForms: TokenKeySet = TokenKeySet(RulePack.embedded.list(.citationVerbNounForms).map { FNV.hash(TextNormalizer.fold($0)) })
    static let clauseStops: TokenKeySet = TokenKeySet(RulePack.embedded.list(.citationClauseStops).map { FNV.hash(TextNormalizer.fold($0)) })
    private static let apostrophes: TokenKeySet = TokenKeySet(["'", "\u{2019}"].map { FNV.hash($0) })
    private static let possessiveS = FNV.hash("s")
    private static let the = FNV.hash("the")
    private static let by = FNV.hash("by")
    /// Verbs whose object is followed by a bare infinitive: "helping the Wrens find the eggs", "we
    /// watched the Year 6s show…". What follows is no source reporting anything.
    private static let bareInfinitiveVerbs: TokenKeySet = TokenKeySet(["help", "helps", "helped", "helping", "let", "lets", "letting",
                                                               "watch", "watched", "watching", "see", "saw", "seeing", "hear",
                                                               "heard", "make", "made", "making"].map { FNV.hash($0) })
    /// The longest source name read before its verb ("the Royal Society for the Prevention of Accidents"):
    /// `match` is tried at many positions of a capitalised run, so each try reads a bounded number of tokens.
    static let maximumSourceTokens = 12

    /// A source-first citation starting at `start`: the token range from the source to the end of its
    /// verb, and the range of the source itself. Callers try it only where a source may begin (not
    /// inside a run of capitalised words), so every token is read a bounded number of times.
    static func match(in tokens: [Token], at start: Int) -> (whole: Range<Int>, source: Range<Int>)? {
        guard start < tokens.count else { return nil }
        var sourceEnd: Int
        var named = true
        var kindFirst = false
        if let generic = genericSources.longestMatch(in: tokens, at: start) {
            // "the charity Mind has found", "Scientists at Oxford have discovered": a kind of source,
            // then its name; the kind says it is no child, so the name needs no publishing verb.
            if let source = CitedSource.range(in: tokens, from: start, limit: maximumSourceTokens), source.upperBound > generic {
                sourceEnd = source.upperBound
                kindFirst = true
            } else {
                sourceEnd = generic
                named = false
            }
        } else if let source = CitedSource.range(in: tokens, from: start, limit: maximumSourceTokens) {
            sourceEnd = source.upperBound
        } else {
            return nil
        }
        if start > 0, bareInfinitiveVerbs.contains(tokens[start - 1].key) { return nil }
        var first = start
        let hasThe = tokens[first].key == the
        if hasThe { first += 1 }
        guard first < sourceEnd else { return nil }
        // "Mrs Patel says", "Coach Emeka says": a titled person, whose words are reported speech.
        let titled = PersonName.titleKeys.contains(tokens[first].key) && first + 1 < sourceEnd
            && tokens[first + 1].flags.contains(.spaceBefore)  // not "Anti-Bullying"
        // "As the Archbishop reminds us", "the Mayor says": one person named by a capitalised office alone.
        let officeAlone = hasThe && sourceEnd == first + 1 && tokens[first].flags.contains(.capitalized)
            && PersonName.titleKeys.contains(tokens[first].key)
        if named && (PersonName.isHonorific(tokens[first]) || titled || officeAlone || notSources.contains(tokens[first].key)) { return nil }
        var index = afterPossessive(tokens, sourceEnd)
        var hasNoun = false
        let possessive = index > sourceEnd || tokens[sourceEnd - 1].flags.contains(.possessive)
        if let noun = nouns.longestMatch(in: tokens, at: index) {
            index = noun
            hasNoun = true
        } else if let report = titledReport(tokens, from: index) {
            // "Ofcom's latest Children and Parents report found", "The Bercow: Ten Years On report found".
            if !possessive { sourceEnd = report.titleEnd }
            index = report.end
            hasNoun = true
        }
        // "the government's Find an apprenticeship service": a possessive source reports through a noun
        // ("Ofcom's latest report found"), not a verb of its own.
        if possessive && !hasNoun { return nil }
        // "As Poppyscotland explains, …": the attribution frame, with its own verbs and any source name.
        let asFrame = start > 0 && tokens[start - 1].key == asWord && tokens[start - 1].kind == .word
        // "the Sunderland Echo said", "the BBC said": past "said" after "the" and a name of two words or in
        // capitals is an organisation's statement, where "Mr Evans said" is reported speech (and "the Scouts
        // said thanks", a group's).
        let organisationSaid = hasThe && named && !hasNoun && index < tokens.count && tokens[index].key == said
            && (sourceEnd - first >= 2 || tokens[first].flags.contains(.allUppercase))
            // (All of it in one style: "<em>Noor and the Night Kite</em> Rukhsana said" is a title, then a child.)
            && (first..<sourceEnd).allSatisfy { tokens[$0].contexts == tokens[index].contexts }
        guard let verbEnd = verbs.longestMatch(in: tokens, at: index) ?? (asFrame ? asVerbs.longestMatch(in: tokens, at: index) : nil)
                ?? (organisationSaid ? index + 1 : nil)
        else { return nil }
        // "figures published by the Department…": passive, so the source is what follows "by" (an opener's job).
        if verbEnd < tokens.count, tokens[verbEnd].key == by { return nil }
        if verbEnd == index + 1, nounForms.contains(tokens[index].key), !asFrame {
            // "the Christmas shows." / "the shows were": the noun, not the verb; a clause must follow.
            // (Not after "As": "As the UNHCR reports, more than…" ends its frame with a comma.)
            guard verbEnd < tokens.count, tokens[verbEnd].kind != .punctuation, tokens[verbEnd].kind != .symbol,
                  !clauseStops.contains(tokens[verbEnd].key) else { return nil }
        }
        // "historian Daniel G. Williams has argued": a profession before the name says an outside expert is cited.
        let professional = start > 0 && tokens[start - 1].kind == .word && professions.contains(tokens[start - 1].key)
        let personLike = named && !hasThe && !hasNoun && !kindFirst && !professional && !tokens[first].flags.contains(.allUppercase)
            && !hasNameConnector(tokens, first..<sourceEnd)
        // "As Dylan Thomas wrote, “Do not go gentle…”", "As Tennyson put it:": a writer's line quoted, not a
        // source cited.
        if personLike && quotationFollows(tokens, verbEnd) { return nil }
        if personLike && !asFrame {
            // A bare name may be a person ("Ruby found a frog"): it cites only with a verb that only
            // publishers and organisations do, and two or more words ("Internet Matters recommends") or a
            // claim after it ("Macmillan estimates that"; not "says", which children do too).
            guard let published = publishingVerbs.longestMatch(in: tokens, at: index) else { return nil }
            let claims = claimFollows(tokens, published) && !personalVerbs.contains(tokens[index].key)
            guard sourceEnd - first >= 2 || claims else { return nil }
        }
        return (start..<verbEnd, start..<sourceEnd)
    }

    /// A report's title between its source and the noun, after an optional adjective ("latest", "2024"):
    /// capitalised words, numbers, small words and a colon, at most `maximumSourceTokens`.
    private static func titledReport(_ tokens: [Token], from start: Int) -> (titleEnd: Int, end: Int)? {
        var index = start
        if index < tokens.count, reportAdjectives.contains(tokens[index].key) || tokens[index].kind == .number { index += 1 }
        var capitalised = 0
        while index < tokens.count, index - start < maximumSourceTokens {
            let token = tokens[index]
            if token.kind == .word && (token.flags.contains(.capitalized) || token.flags.contains(.allUppercase)) {
                capitalised += 1
            } else if !(token.kind == .number || titleConnectors.contains(token.key)) || token.flags.contains(.lineBreakBefore) {
                break
            }
            index += 1
        }
        guard capitalised > 0, let end = nouns.longestMatch(in: tokens, at: index) else { return nil }
        return (index, end)
    }
    private static let reportAdjectives: TokenKeySet = TokenKeySet(["latest", "new", "recent", "annual", "national", "own"].map { FNV.hash($0) })
    private static let titleConnectors: TokenKeySet = TokenKeySet(["of", "and", "&", "the", "on", "in", "to", "for", "a", ":"].map { FNV.hash($0) })

    /// A quotation mark right after the verb, or after its comma or colon.
    private static func quotationFollows(_ tokens: [Token], _ index: Int) -> Bool {
        var index = index
        if index < tokens.count, tokens[index].key == PunctuationKeys.comma || tokens[index].key == PunctuationKeys.colon { index += 1 }
        return index < tokens.count && PunctuationKeys.quotationMarks.contains(tokens[index].key)
    }

    /// "that" right after the verb or after a short time ("WalesOnline reported in June that…", "Macmillan
    /// estimates this year that…"): a claim follows. At most four words between, opened by a word of time
    /// (not "Amir reported to the class that…", which a child does).
    private static func claimFollows(_ tokens: [Token], _ verbEnd: Int) -> Bool {
        guard verbEnd < tokens.count else { return false }
        if tokens[verbEnd].key == that { return true }
        guard timeOpeners.contains(tokens[verbEnd].key) else { return false }
        var index = verbEnd + 1
        while index < tokens.count, index - verbEnd <= 4 {
            if tokens[index].key == that { return true }
            guard tokens[index].kind == .word || tokens[index].kind == .number else { return false }
            index += 1
        }
        return false
    }
    private static let timeOpeners: TokenKeySet = TokenKeySet(["in", "on", "last", "this", "earlier", "recently", "during", "over"]
        .map { FNV.hash($0) })

    /// "Save the Children say", "Friends of the Earth says": a small word inside the name makes it an
    /// organisation's; people's names do not have them ("Oliver and Amelia say" is two children).
    private static func hasNameConnector(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.dropFirst().dropLast().contains { nameConnectors.contains(tokens[$0].key) }
    }
    private static let nameConnectors: TokenKeySet = TokenKeySet(["the", "of", "for"].map { FNV.hash($0) })

    /// After "'s" when the source is possessive ("Ofcom's latest report").
    private static func afterPossessive(_ tokens: [Token], _ index: Int) -> Int {
        if index + 1 < tokens.count, apostrophes.contains(tokens[index].key), tokens[index + 1].key == possessiveS,
           !tokens[index].flags.contains(.spaceBefore) {
            return index + 2
        }
        return index
    }

    /// The first token after `index` where a reporting verb (or an "As …" frame's verb, or "said") starts,
    /// or `tokens.count`: `match` needs one after its source.
    static func verbStart(in tokens: [Token], after index: Int) -> Int {
        let verbs = verbs, asVerbs = asVerbs, said = said  // each static read is a lazy-initialisation check
        var candidate = index + 1
        while candidate < tokens.count {
            if tokens[candidate].key == said || verbs.longestMatch(in: tokens, at: candidate) != nil
                || asVerbs.longestMatch(in: tokens, at: candidate) != nil {
                return candidate
            }
            candidate += 1
        }
        return tokens.count
    }

    /// Whether a source may begin at `index`: not in the middle of a capitalised run or a word.
    static func mayStart(_ tokens: [Token], at index: Int) -> Bool {
        guard tokens[index].kind == .word else { return false }
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.key == asWord { return true }  // "As Poppyscotland explains": the frame's source starts here
        if previous.kind == .word && (previous.flags.contains(.capitalized) || previous.flags.contains(.allUppercase))
            && !tokens[index].flags.contains(.sentenceStart) && previous.key != the {
            return false
        }
        return true
    }
}
