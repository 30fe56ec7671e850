/// Finds roster names in one block of prose and decides, match by match, whether each is a pupil.
///
/// The automaton proposes every form that fits the tokens; the rules below turn proposals down when
/// the words are more likely something else, and overlaps are resolved in favour of the earliest,
/// then longest match ("Oliver Whitfield" rather than "Oliver").
///
/// Every form: a title right before the name (Mr, Mrs, Dr, Father, "author"… from `name-titles`, and
/// St, Queen, Storm… from `name-figure-titles`) means an adult or a figure, not a pupil; a possessive
/// may only end the name. Full names and "Surname, Forename" need a capitalised forename and a
/// capitalised word in the surname (so "the children will cook" is not "Will Cook"), except that a
/// full name whose forename is not an ordinary word is a name in lower case too ("well done harry
/// barker"). A surname alone is a name right before a family word ("the Patel family") and in the
/// plural after "the" ("the Fitzgeralds").
///
/// A forename alone is decided on evidence, in three steps:
/// 1. It is a thing, not a pupil, when it is part of a longer proper noun ("Summer Fair", "Jamie
///    Oliver", "the Isle of Skye", "Columba of Iona"), comes before a thing's head noun (`name-thing-heads`:
///    "Oak class", "Summer term", "Bede Road"), after a determiner ("the Rose Garden"), a title or
///    a figure's title, is a date ("in May", "Summer 2"), a modal opening a question ("Will you…?"),
///    chapter and verse ("Matthew 25:35") or the first part of a hyphenated adjective ("Oscar-worthy").
///    Such a use also gives the word another sense for the whole post (`PupilNameSenses`).
/// 2. Evidence that a child is meant: a cue right before it (`name-child-cues`: "well done to",
///    "Star of the Week:", "played by"), a list with another roster name ("Rose, Ivy and Sky"), an
///    action right after it (`name-child-actions`: "Rose scored") or a year group ("Sky (Year 4)").
/// 3. Doubt: strong when the word has another sense in this post (step 1 elsewhere, the school's
///    name, a group, a member of staff, an adult named with a title) or is a figure of faith in a block about faith
///    (`name-religious-figures`, `name-religious-context`): then only a cue or a list makes it a
///    pupil. Weak when the word is ambiguous (on `common-word-names`, one or two letters, or written
///    in lower case elsewhere in the post) and stands where capitals say nothing: at the start of a
///    sentence (not in alt text, which opens with who is in the photo), in capitals, in a title-case
///    line or quoted title, or after a possessive ("our Christian values"): then any evidence will do.
///    Otherwise it is a pupil.
struct PupilNameMatcher {
    struct Match {
        var start: Int
        /// Exclusive token index.
        var end: Int
        var form: NameAutomaton.Form
        /// Text range of the name as written (a trailing full stop of an initial included).
        var textRange: Range<Int>
        /// For a forename alone: the evidence still to weigh against the post-wide senses.
        var pending: ForenameEvidence?
    }

    /// What a forename alone has for and against it, once the thing uses (step 1) are ruled out.
    struct ForenameEvidence {
        var key: UInt64
        /// A cue before it or a list with other names: enough against any doubt.
        var strong: Bool
        /// An action or a year group after it: enough against weak doubt.
        var some: Bool
        /// Ambiguous, where capitals say nothing.
        var weakDoubt: Bool
        /// A figure of faith in a block about faith.
        var religious: Bool
        /// The keys of roster names listed with it, which must not all be other senses themselves.
        var listedWith: [UInt64]
        /// A surname alone doing something: a pupil only if the post names them in full.
        var surnameAlone = false
        /// What only a person does: a feeling ("Daya was horrified") or a costume ("Poppy as Matilda"). No
        /// house or class feels or dresses up, so this is enough against a group's name.
        var onlyAPerson = false
        /// The subject of a verb or auxiliary ("Sunny goes on", "Sunny has"): enough when the post names the pupil in full.
        var subjectOfClause = false
        /// Spoken to: "Ibrahim, your teachers are so proud of you!" (no figure of a story is).
        var addressed = false
        /// Quoted as a speaker: "said Callum".
        var speaks = false
    }

    let names: RosterNameLookup
    let block: TokenizedBlock
    /// The block's normalised text, read once (what a sealed roster hashes; reading it from the
    /// block at every token cost a retain and a release each).
    let normalized: [UInt8]
    let lowercaseWords: PupilNameLowercaseWords
    /// The post is written in lower case ("well done to sky and reggie"): there, a name in lower case
    /// is still weighed, but only with evidence that a child is meant.
    let informal: Bool
    /// What a table cell's column header says its cells name: children ("Star of the Week") or groups
    /// ("House"); nil outside tables and under other headers.
    let column: ColumnKind?
    enum ColumnKind { case children, groups, things }
    /// Whether the block speaks of cadets ("Cadet Sergeant Oliver Sharpe", "Cpl Hunter … Cdt Rhodes"):
    /// there a rank is a pupil's, not an adult's title. Read from the block once, and only when a
    /// rank comes before a name (most blocks have none).
    var speaksOfCadets: Bool {
        if let known = cadetsCache.value { return known }
        let found = tokens.contains { $0.kind == .word && PupilNameWords.cadetWords.contains($0.key) }
        cadetsCache.value = found
        return found
    }
    private let cadetsCache = LazyFlag()

    /// A flag computed on first use, shared by the copies of a matcher.
    final class LazyFlag {
        var value: Bool?
    }

    init(names: RosterNameLookup, block: TokenizedBlock, lowercaseWords: PupilNameLowercaseWords, informal: Bool) {
        self.names = names
        self.block = block
        normalized = block.normalized
        self.lowercaseWords = lowercaseWords
        self.informal = informal
        column = Self.columnKind(of: block.block)
    }

    private static func columnKind(of block: TextBlock) -> ColumnKind? {
        guard block.kind == .tableCell, let header = block.label else { return nil }
        let words = TokenizedBlock.wordKeys(header)
        if words.contains(where: PupilNameVocabulary.childColumns.contains) { return .children }
        if words.contains(where: { PupilNameWords.groupNouns.contains($0) || PupilNameWords.teamNouns.contains($0) }) { return .groups }
        if words.contains(where: PupilNameVocabulary.thingColumns.contains) { return .things }
        return nil
    }

    var tokens: [Token] { block.tokens }

    /// Every proposal that survives the per-block rules, with forenames alone still pending; the
    /// keys of forenames used as things are added to `senses`.
    func candidates(recording senses: inout PupilNameSenses, speaksOfFaith: () -> Bool) -> [Match] {
        let tokens = block.tokens
        var candidates: [Match] = []
        var blockFaith: Bool?
        // Whether a line is in title case, read once per line (not once per name on it).
        var lineStarts: [Int]?
        var titleCaseLines: [Int: Bool] = [:]
        let isTitleCaseLine = { (index: Int) -> Bool in
            if lineStarts == nil {
                var starts = [Int](repeating: 0, count: tokens.count)
                var current = 0
                for position in tokens.indices {
                    if position > 0, tokens[position].flags.contains(.lineBreakBefore) { current = position }
                    starts[position] = current
                }
                lineStarts = starts
            }
            let line = lineStarts![index]
            if let verdict = titleCaseLines[line] { return verdict }
            let verdict = isTitleCase(around: index)
            titleCaseLines[line] = verdict
            return verdict
        }
        let blockSpeaksOfFaith = {
            if blockFaith == nil { blockFaith = tokens.contains { PupilNameVocabulary.religiousContext.contains($0.key) } }
            return blockFaith!
        }
        let cueEnds = PupilNameWords.lowerCaseCueEnds
        // Read once, like the cue ends: asked of every capitalised word that starts no name.
        let mutationTriggers = PupilNameMutations.triggers
        var cursor = 0
        while true {
            let start = nextWordToWeigh(from: cursor, cueEnds: cueEnds)
            guard start < tokens.count else { break }
            cursor = start + 1
            let token = tokens[start]
            let capitalised = isCapitalised(token)
            guard names.canStart(token, normalized) else {
                // A mutated forename, unless the word is the school's or a group's: "a Cholmcille" (the house).
                if capitalised, start > 0, mutationTriggers.contains(tokens[start - 1].key),
                   let (form, key) = mutatedForename(at: start), !senses.isConfigured(key) {
                    switch forenameReading(start, start + 1, speaksOfFaith: speaksOfFaith, blockSpeaksOfFaith: blockSpeaksOfFaith,
                                           isTitleCaseLine: isTitleCaseLine, mutated: true) {
                    case .evidence(let evidence):
                        candidates.append(Match(start: start, end: start + 1, form: form, textRange: token.range, pending: evidence))
                    case .thing: break
                    }
                }
                continue
            }
            let before = candidates.count
            var senseUnlessFullName = false
            names.matches(in: tokens, normalized, from: start) { end, form in
                // "the poet Taras Shevchenko", "Coach Sharp": the surname of someone not on the roster.
                // ("Taras Shevchenko" when a pupil is called Taras: no full name of the roster covers the two.)
                if form.kind == .surname, end - start == 1, isSurnameOfOther(start),
                   !candidates.contains(where: { $0.end > start && $0.start < start && $0.form.kind != .forename }) {
                    senses.record(surnameOfOther: tokens[start].key)
                }
                if form.kind == .forename {
                    switch forenameReading(start, end, speaksOfFaith: speaksOfFaith, blockSpeaksOfFaith: blockSpeaksOfFaith,
                                           isTitleCaseLine: isTitleCaseLine) {
                    case .thing(.always): senses.record(otherSense: tokens[start].key)
                    case .thing(.adult): senses.record(adult: tokens[start].key)
                    case .thing(.figure): senses.record(figure: tokens[start].key)
                    case .thing(.unlessFullName): senseUnlessFullName = true
                    case .thing(.never): break
                    case .evidence(let evidence):
                        if evidence.strong { senses.record(stronglyMeant: evidence.key) }
                        let range = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
                        candidates.append(Match(start: start, end: end, form: form, textRange: range, pending: evidence))
                    }
                } else if let range = accept(form, start, end) {
                    candidates.append(Match(start: start, end: end, form: form, textRange: range))
                    if form.forenameTokens == 1, form.kind == .full || form.kind == .initial {
                        senses.record(namedInFull: tokens[start].key)
                    } else if form.forenameTokens == 1, form.kind == .surnameCommaForename {
                        senses.record(namedInFull: tokens[end - 1].key)
                    }
                    if form.kind == .full, end - start - form.forenameTokens == 1 { senses.record(surnameNamedInFull: tokens[end - 1].key) }
                } else if form.kind == .surname, end - start == 1,
                          isInSurnameList(start) || (hasCadetRank(before: start) && !PupilNameWords.cadetRanks.contains(tokens[start].key)) {
                    // A team sheet ("Sharpe; Doyle, Lowe, Hart, Oakley") or a cadet ("Cdt Rhodes"); the surname
                    // alone is then the pupil's.
                    candidates.append(Match(start: start, end: end, form: form, textRange: tokens[start].range))
                    senses.record(surnameNamedInFull: tokens[start].key)
                } else if form.kind == .surname, end - start == 1, isSurnameAloneDoingSomething(start) || followsScoringLabel(start) {
                    // "Sharp added a second": a player by surname, kept if the post names them in full.
                    let range = tokens[start].range
                    candidates.append(Match(start: start, end: end, form: form, textRange: range, pending: ForenameEvidence(
                        key: tokens[start].key, strong: false, some: true, weakDoubt: false, religious: false, listedWith: [],
                        surnameAlone: true)))
                }
            }
            // "Shanice B." is the pupil too: her surname's initial, not someone else's surname.
            if senseUnlessFullName, !candidates[before...].contains(where: { $0.form.kind == .full || $0.form.kind == .initial }) {
                senses.record(otherPerson: tokens[start].key)
            }
        }
        return candidates
    }

    /// The first token from `start` on that `candidates` weighs, or the token count: a word that is
    /// capitalised, or in lower case where a name may be. Lower-case words, most of a text, are offered
    /// to the automaton (a cache miss with a large roster) only in a post written in lower case, at the
    /// start of a line ("mercy lowther – y10 100m" in a results list), or after "to", "from", "by" ("a
    /// special mention to elen"); every other form starts with a capital. One tight loop over the
    /// tokens: most of a post's tokens are passed over here.
    private func nextWordToWeigh(from start: Int, cueEnds: (UInt64, UInt64, UInt64, UInt64, UInt64)) -> Int {
        let comma = PupilNameWords.comma, and = PupilNameWords.and
        let relatives = PupilNameWords.relatives, childActions = PupilNameVocabulary.childActions
        return block.tokens.withUnsafeBufferPointer { tokens in
            var index = start
            while index < tokens.count {
                let token = tokens[index]
                if token.kind == .word {
                    if isCapitalised(token) || informal || index == 0 || token.flags.contains(.lineBreakBefore) { return index }
                    let previous = tokens[index - 1].key
                    if previous == cueEnds.0 || previous == cueEnds.1 || previous == cueEnds.2 || previous == cueEnds.3
                        || previous == cueEnds.4 { return index }
                    // A list in lower case that a cue may have opened: "welcome to juniper, oak and bay".
                    // (Only then: weighed, other words in lower case could give a name another sense.)
                    if (previous == comma || previous == and), index >= 2, tokens[index - 2].kind == .word,
                       !isCapitalised(tokens[index - 2]), continuesCuedListInLowerCase(index) || isInListOfPupilsInLowerCase(index) {
                        return index
                    }
                    // Doing something or someone's child, as class stories write names: "zayn won AGAIN",
                    // "- asha spotted a kingfisher", "ocean's mum". (Read from the next token's key: no look-up of
                    // the word itself unless it is followed so.)
                    // (The cheap tests first: most words in lower case follow another word and own nothing.)
                    if index + 1 < tokens.count, token.flags.contains(.possessive) || tokens[index - 1].kind != .word
                        || (previous == and && index >= 2 && tokens[index - 2].key == comma) {
                        let next = tokens[index + 1]
                        if next.kind == .word, !isCapitalised(next),
                           token.flags.contains(.possessive) ? relatives.contains(next.key)
                               : childActions.contains(next.key) && opensClauseInLowerCase(index) {
                            return index
                        }
                    }
                    // After an emoji opening the line: "🥇 evie r – Year 5/6 girls".
                    if tokens[index - 1].kind == .symbol, index == 1 || tokens[index - 1].flags.contains(.lineBreakBefore) { return index }
                    // The first of such a list: "hope, bishal and eppy were brilliant".
                    if index + 1 < tokens.count, tokens[index + 1].key == comma || tokens[index + 1].key == and,
                       isInListOfPupilsInLowerCase(index) {
                        return index
                    }
                }
                index += 1
            }
            return tokens.count
        }
    }

    /// The accepted matches among `candidates`, pending forenames weighed against `senses`, overlaps
    /// resolved to the earliest, then longest.
    static func resolve(_ candidates: [Match], senses: PupilNameSenses) -> [Match] {
        var kept = candidates.filter { candidate in
            guard let evidence = candidate.pending else { return true }
            if evidence.surnameAlone {
                return senses.surnamesNamedInFull.contains(evidence.key) && !senses.surnamesOfOthers.contains(evidence.key)
            }
            // Listed with pupils: names that are neither something else here nor figures of faith
            // ("Mary and Joseph" list each other).
            let listedWithPupils = evidence.listedWith.contains {
                !senses.hasOtherSense($0) && !(evidence.religious && PupilNameVocabulary.religiousFigures.contains($0))
            }
            // The post names this pupil in full elsewhere ("Hope Dean … Hope found space"): there an action
            // or a year group is enough, whatever else the word is.
            let namedInFull = senses.namedInFull.contains(evidence.key)
            if senses.isConfigured(evidence.key) || senses.adults.contains(evidence.key) {
                // A writer does not tell of what she did by her forename: "Michael came through three bouts
                // undefeated" in Mr Michael Hartley's post is a child. (Of plans, some do: "Elis will be visiting".)
                if senses.isOnlyTheAuthor(evidence.key), evidence.some { return true }
                return evidence.strong || listedWithPupils || (namedInFull && (evidence.some || !evidence.listedWith.isEmpty))
                    || (evidence.onlyAPerson && senses.isOnlyGroupWord(evidence.key))
            }
            if evidence.religious { return evidence.strong || listedWithPupils || evidence.some }
            // Used for something else elsewhere in the post: an action or a year group will also do.
            // A post that names the pupil in full ("Ibrahim Hassan (R Sence) … Ibrahim, your teachers…")
            // means them by the forename alone too, unless it names someone else with that forename.
            if senses.recorded.contains(evidence.key) {
                // (A figure whose story the post tells does things in it: "the legend of Oisín … Oisín followed".)
                let figure = senses.figures.contains(evidence.key)
                // (Someone else this post names in full with the forename speaks too: "Callum Richards … said Callum".)
                // (A room or a thing is no "he" or "she": "Robin has … appointed himself in charge of it".)
                return evidence.strong || listedWithPupils || (evidence.some && !figure && !(evidence.speaks && senses.otherPeople.contains(evidence.key)))
                    || (evidence.onlyAPerson && !figure && !senses.otherPeople.contains(evidence.key))
                    || (namedInFull && !evidence.weakDoubt && (!figure || evidence.addressed) && !senses.otherPeople.contains(evidence.key))
            }
            // ("Sunny Patel (8A) won … Sunny goes on to the final": the pupil named in full, as a subject.)
            if evidence.weakDoubt {
                return evidence.strong || evidence.some || !evidence.listedWith.isEmpty
                    || ((namedInFull || senses.stronglyMeant.contains(evidence.key)) && evidence.subjectOfClause)
            }
            return true
        }
        kept.sort { ($0.start, -$0.end, $0.form.kind.rawValue) < ($1.start, -$1.end, $1.form.kind.rawValue) }
        var accepted: [Match] = []
        var reached = 0
        for candidate in kept where candidate.start >= reached {
            accepted.append(candidate)
            reached = candidate.end
        }
        return accepted
    }

    /// Whether the word at `start` is also a roster surname on its own.
    private func isAlsoASurname(_ start: Int) -> Bool {
        var found = false
        names.matches(in: tokens, normalized, from: start) { end, form in
            if end == start + 1, form.kind == .surname { found = true }
        }
        return found
    }

    /// The text range to report when the proposal (not a forename alone) is a pupil's name, else nil.
    private func accept(_ form: NameAutomaton.Form, _ start: Int, _ end: Int) -> Range<Int>? {
        let tokens = tokens
        if hasTitle(before: start) != nil { return nil }
        for index in start..<(end - 1) where tokens[index].flags.contains(.possessive) { return nil }
        let first = tokens[start]
        let range = first.range.lowerBound..<tokens[end - 1].range.upperBound
        switch form.kind {
        case .full:
            // "Captain Edward Temple MC", "Peter Hunter (OE 1988)": an adult, or someone of the past.
            if isMarkedAsAdult(after: end) { return nil }
            // "extracts by Dylan Thomas": a well-known person, unless the post says a child is meant, or
            // gives the name after a label ("Sports Personality of the Year: Mo Farah", "Angelou – Mo Farah").
            // A name in bold is a pupil singled out ("**Jamie Vardy** achieved grade 7s").
            if isWellKnownPerson(start, end), !hasChildCue(before: start),
               first.contexts.isDisjoint(with: .emphasis) || first.contexts.contains(.italic),
               !hasYearGroup(after: end), !hasBracketedYearGroup(after: end),
               start == 0 || !PupilNameWords.definitionMarks.contains(tokens[start - 1].key) {
                return nil
            }
            // "Cisteoir (Treasurer): Dara Kelly", "Dara Kelly (Treasurer)": an officer of the parents' association.
            if hasOfficerRole(around: start, end) { return nil }
            if isCapitalised(first) { return hasCapitalisedWord(in: (start + form.forenameTokens)..<end) ? range : nil }
            // In lower case: only a forename that is not also a word ("harry barker", not "will cook"),
            // unless a cue or a year group says a child is meant ("y8 girls – hope young", "mercy lowther – y10").
            guard form.forenameTokens == 1, !isAmbiguous(first) || hasChildCue(before: start) || hasYearGroup(after: end),
                  (start + 1..<end).allSatisfy({ tokens[$0].kind != .word || !isCapitalised(tokens[$0]) })
            else { return nil }
            if start > 0, PupilNameWords.determiners.contains(tokens[start - 1].key) { return nil }
            return range
        case .surnameCommaForename:
            return isCapitalised(first) && isCapitalised(tokens[end - form.forenameTokens]) ? range : nil
        case .initial:
            let initial = tokens[end - 1]
            // "Ruby H."; in lower case, with a cue or a year group after it ("maja k – y8 1500m").
            let lowerCaseWithCue = !isCapitalised(first) && !isCapitalised(initial) && initial.kind == .word
                && (hasChildCue(before: start) || hasYearGroup(after: end))
            guard initial.normalizedRange.count == 1, isNameLike(initial) || lowerCaseWithCue, !initial.flags.contains(.possessive),
                  isNameLike(first) || lowerCaseWithCue else { return nil }
            if end < tokens.count, tokens[end].key == PupilNameWords.period, !tokens[end].flags.contains(.spaceBefore) {
                return first.range.lowerBound..<tokens[end].range.upperBound  // "Oliver W." with its full stop
            }
            // "Oliver S Whitfield" is somebody's full name, not an initial.
            if end < tokens.count, isCapitalised(tokens[end]), !tokens[end].flags.contains(.lineBreakBefore) { return nil }
            return range
        case .surname:
            // "the Patel family", "the Murphy and Byrne families", "the Bonner, Quigley and McCloskey families",
            // not "Hussain Brothers" (a business).
            var family = end
            while family + 2 < tokens.count, family - end < 12,
                  PupilNameWords.andWords.contains(tokens[family].key) || tokens[family].key == PupilNameWords.comma,
                  isCapitalised(tokens[family + 1]) {
                family += 2
            }
            guard family < tokens.count, tokens[family].kind == .word, PupilNameWords.familyWords.contains(tokens[family].key),
                  !tokens[end - 1].flags.contains(.possessive), !isCapitalised(tokens[family]) || isHeading,
                  // ("Northgate Sands families": the end of the school's name, not the Sands family.)
                  start == 0 || !isCapitalised(tokens[start - 1]) || PupilNameWords.determiners.contains(tokens[start - 1].key)
                    || tokens[start].flags.contains(.lineBreakBefore) else { return nil }
            return range
        case .surnamePlural:
            // "the Fitzgeralds", not "the Wrens room" nor "THE SHEPHERDS' SURPRISE" (capitals say nothing),
            // nor a body named with "of" ("the Friends of St Mary's"), a title ("“The Shepherds’ Surprise”",
            // *The Tudors*, "Carol of the Bells") or a people or a dynasty ("the Tudors", "the Vikings": `name-adjectives`).
            guard start > 0, tokens[start - 1].key == PupilNameWords.the, !tokens[start].flags.contains(.allUppercase),
                  !(start >= 3 && tokens[start - 2].key == PupilNameWords.of && isCapitalised(tokens[start - 3])),
                  // "the Friends" (a school's parents' association), "the Scouts": a body, not a family.
                  !PupilNameWords.bodiesNotFamilies.contains(tokens[start].key),
                  end >= tokens.count || !PupilNameVocabulary.thingHeads.contains(tokens[end].key) && tokens[end].key != PupilNameWords.of,
                  !isTitleCaseQuotation(around: start), !isTitleLike(tokens[start]), !isPeople(tokens[start]) else { return nil }
            return range
        case .forename, .surnameForename, .concatenated:
            return nil
        }
    }

    enum ForenameReading {
        /// A thing or an adult. `sense` says whether the word then names something else for the
        /// whole post: `.always`, `.never`, or `.unlessFullName` (someone else's full name, "Owain
        /// Glyndŵr", unless the next word is in fact the pupil's surname).
        case thing(sense: Sense)
        case evidence(ForenameEvidence)
    }

    /// `.adult`: a titled adult ("author Rowan Tremayne", "Miss Grace"), whom the word alone then means
    /// unless a cue or a list says a child is. `.figure`: a titled figure ("Queen Amina", "St Francis"),
    /// the same but for a child the post names in full ("Francis Ellis … Francis").
    enum Sense { case always, never, unlessFullName, adult, figure }

    /// Step 1 of the forename decision, and the evidence for steps 2 and 3 (see the type's comment).
    /// `speaksOfFaith` and `blockSpeaksOfFaith` say (once each, cached) whether the document or the
    /// block has a word of `name-religious-context`; `mutated`, that the name is in a Welsh or Irish mutated spelling.
    private func forenameReading(_ start: Int, _ end: Int, speaksOfFaith: () -> Bool,
                                 blockSpeaksOfFaith: () -> Bool, isTitleCaseLine: (Int) -> Bool,
                                 mutated: Bool = false) -> ForenameReading {
        let tokens = tokens
        let first = tokens[start]
        let last = tokens[end - 1]
        let next: Token? = end < tokens.count ? tokens[end] : nil
        let previous: Token? = start > 0 ? tokens[start - 1] : nil
        let single = end - start == 1
        // Asked only where a rule needs it (most names are decided before, and the first question may
        // gather the post's lower-case words), then remembered.
        var ambiguity: Bool?
        func ambiguous() -> Bool {
            if let ambiguity { return ambiguity }
            let answer = single && isAmbiguous(first)
            ambiguity = answer
            return answer
        }
        // "St Bede", "Storm Bert", "author Rowan Tremayne", "Miss Grace": a figure or an adult, who is then
        // what the word alone means in this post ("Rowan read from the opening chapter").
        if let title = hasTitle(before: start) {
            switch title {
            case .honorific: return .thing(sense: .never)
            case .adult: return .thing(sense: .adult)
            case .figure: return .thing(sense: .figure)
            }
        }
        // (A gap between the columns of a plain-text table ends a name as a line break does.)
        let sameLine = { (token: Token) in token.flags.isDisjoint(with: [.lineBreakBefore, .columnGapBefore]) }
        if let next, next.kind == .word, sameLine(next) {
            // Before a thing's head noun: "Oak class", "Summer term", "Bede Road", "Mason's Bakery"
            // (but "Rose's team" is Rose's).
            if PupilNameVocabulary.thingHeads.contains(next.key), !last.flags.contains(.possessive) || isCapitalised(next) {
                return .thing(sense: .always)
            }
            // "Jago's Pasty Shop", "Rose's Tea Rooms": a business named after someone.
            if last.flags.contains(.possessive), isCapitalised(next) {
                var index = end
                while index < tokens.count, index < end + 3, isCapitalised(tokens[index]), sameLine(tokens[index]) {
                    if PupilNameVocabulary.thingHeads.contains(tokens[index].key) { return .thing(sense: .always) }
                    index += 1
                }
            }
            // "Columba of Iona", "Seren yr Wythnos", "Fionn mac Cumhaill": a longer proper name.
            // (Not "Bríd i Rang 2": Irish "i" before a class is "in".)
            if PupilNameWords.nameConnectors.contains(next.key), end + 1 < tokens.count,
               isCapitalised(tokens[end + 1]) || isMutatedCapital(tokens[end + 1]), sameLine(tokens[end + 1]),
               !isYearGroup(at: end + 1) {
                return .thing(sense: .always)
            }
            // "Fatimah al-Fihri", "Rabia al-Adawiyya".
            if hasArabicSecondName(after: end) { return .thing(sense: .unlessFullName) }
            // "Fionn and Oisín Houses": the first of two groups named together.
            if PupilNameWords.andWords.contains(next.key), end + 2 < tokens.count, isCapitalised(tokens[end + 1]),
               isCapitalised(tokens[end + 2]), PupilNameWords.groupPlurals.contains(tokens[end + 2].key),
               sameLine(tokens[end + 2]) {
                return .thing(sense: .always)
            }
            // "Hazel and Moss florist", "Bramble and apple crumble": the first of two words before a
            // thing's head (not "Poppy and her cake", nor "Oliver and Rose Baker").
            if PupilNameWords.andWords.contains(next.key), end + 2 < tokens.count, tokens[end + 1].kind == .word,
               !PupilNameWords.possessiveDeterminers.contains(tokens[end + 1].key), sameLine(tokens[end + 2]),
               PupilNameVocabulary.thingHeads.contains(tokens[end + 2].key), !names.canStart(tokens[end + 2], normalized),
               !tokens[end + 1].flags.contains(.possessive) {
                return .thing(sense: .always)
            }
            // Followed by another capitalised word: someone else's full name, or a thing ("Summer Fair").
            if isCapitalised(next), !last.flags.contains(.possessive) { return .thing(sense: .unlessFullName) }
            // "Joseph and the Amazing Technicolor Dreamcoat", "Charlie and the Chocolate Factory": a title.
            if PupilNameWords.andWords.contains(next.key), end + 2 < tokens.count,
               PupilNameWords.articles.contains(tokens[end + 1].key), isCapitalised(tokens[end + 2]) {
                return .thing(sense: .always)
            }
        }
        // "Cooper & Mason Architects": a firm.
        if let next, next.key == PupilNameWords.ampersand, end + 2 < tokens.count, isCapitalised(tokens[end + 1]),
           isCapitalised(tokens[end + 2]), sameLine(tokens[end + 2]) {
            return .thing(sense: .never)
        }
        // "Masjid-e-Noor", "Dar-ul-Uloom": the end of a hyphenated proper name.
        if start >= 2, tokens[start - 1].key == PupilNameWords.hyphen, !first.flags.contains(.spaceBefore),
           !tokens[start - 1].flags.contains(.spaceBefore), PupilNameWords.compoundLinks.contains(tokens[start - 2].key) {
            return .thing(sense: .always)
        }
        // "Rolls-Royce", "Stratford-upon-Avon"…: the end of a hyphenated proper name that starts with no roster name.
        if start >= 2, tokens[start - 1].key == PupilNameWords.hyphen, !first.flags.contains(.spaceBefore),
           !tokens[start - 1].flags.contains(.spaceBefore), isCapitalised(tokens[start - 2]), !names.canStart(tokens[start - 2], normalized) {
            return .thing(sense: .never)
        }
        // "Henna painting from Mehndi by Sana", "cakes from Bakes by Rose": a business named "… by" someone
        // (not "Joseph by Filip", a part and who played it).
        if single, start >= 3, tokens[start - 1].key == PupilNameWords.by, isCapitalised(tokens[start - 2]),
           PupilNameWords.businessPrepositions.contains(tokens[start - 3].key), !isTitleLike(tokens[start - 2]),
           !hasYearGroup(after: end), !hasBracketedYearGroup(after: end) {
            return .thing(sense: .never)
        }
        // "the role of Albert", "the part of Mary": a part in a play.
        if start >= 2, tokens[start - 1].key == PupilNameWords.of, PupilNameWords.partNouns.contains(tokens[start - 2].key) {
            return .thing(sense: .figure)
        }
        // "stepped in to play Joseph": the part, not the child (who is "played by" someone).
        if let previous, PupilNameWords.partVerbs.contains(previous.key), sameLine(first) { return .thing(sense: .always) }
        // "Yusuf the kite-maker", "Paddington the bear": a character known by an epithet.
        if let next, next.key == PupilNameWords.the, sameLine(next), end + 1 < tokens.count, tokens[end + 1].kind == .word,
           !isCapitalised(tokens[end + 1]), !last.flags.contains(.possessive) {
            return .thing(sense: .never)
        }
        let cueBefore = hasChildCue(before: start)
        // "This term our value is Faith": the value, not a child.
        if ambiguous(), isNamedByDefiningNoun(before: start) { return .thing(sense: .always) }
        // "walking between Safa and Marwa" in a paragraph about the Hajj, "songs of Zion" in a post about
        // a festival: the place.
        // (Not "Hope and Eden after Mass", listed with a pupil who is no place, nor "Mina read the prayer".)
        if single, !cueBefore, PupilNameVocabulary.holyPlaces.contains(first.key), !hasActionOrYear(after: end),
           // (A place follows a word of place or opens its line, or ends its clause, "grant us all Jannah."; not
           // "once Jordan and the team".)
           previous.map({ PupilNameWords.beforePlaces.contains($0.key) }) ?? true || first.flags.contains(.lineBreakBefore)
            || next.map({ $0.kind == .punctuation }) ?? true,
           blockSpeaksOfFaith() || previous?.key == PupilNameWords.of && speaksOfFaith(),
           !namesListed(with: start, end).contains(where: { !PupilNameVocabulary.holyPlaces.contains($0) }) {
            return .thing(sense: .always)
        }
        // "rowing *Morwenna*", "<i>Matilda</i>": a boat's or a work's name alone in italics (a child
        // singled out is set in bold, or named after a cue: "well done to *Oliver*").
        // (Its own punctuation may be italic too: "<em>Oliver!</em>".)
        if first.contexts.contains(.italic), last.contexts.contains(.italic), !cueBefore,
           !(previous.map { $0.kind == .word && $0.contexts.contains(.italic) } ?? false),
           !(next.map { $0.kind == .word && $0.contexts.contains(.italic) } ?? false) {
            return .thing(sense: .always)
        }
        // "Lionel Bart's Oliver!, which opens", "Review: Oliver! – Please, sir": a show's title, the name and
        // its exclamation mark going on in the sentence (not "Well done, Oliver! You…").
        if single, !cueBefore, isExclaimedTitle(end) {
            return .thing(sense: .always)
        }
        // "Abercrombie, Lewis (10W) – Grade 7 Violin": someone else listed surname first.
        if single, start >= 2, tokens[start - 1].key == PupilNameWords.comma, isCapitalised(tokens[start - 2]),
           startsLine(start - 2), !names.canStart(tokens[start - 2], normalized),
           end == tokens.count || tokens[end].key == PupilNameWords.openingBracket || tokens[end].flags.contains(.lineBreakBefore) {
            return .thing(sense: .unlessFullName)
        }
        // "the story of Rama and Sita", "the legend of Oisín": a story's people, who do things in it.
        if isStorySubject(start) { return .thing(sense: .figure) }
        // "Niamh of the golden hair": a figure known by an epithet.
        if single, end + 2 < tokens.count, tokens[end].key == PupilNameWords.of, tokens[end + 1].key == PupilNameWords.the,
           tokens[end + 2].kind == .word, !isCapitalised(tokens[end + 2]), sameLine(tokens[end + 2]) {
            return .thing(sense: .figure)
        }
        // "**Satya** (truth), **Prem** (love)", "our value this half term was Karuna (compassion)": terms glossed.
        if single, isInGlossedList(start, end) || (isGlossed(after: end) && isNamedByDefiningNoun(before: start)) {
            return .thing(sense: .always)
        }
        // "Rain stopped play", "Snow fell overnight": the weather (not "Storm stopped to help").
        if single, PupilNameWords.weatherNames.contains(first.key), let next, next.kind == .word, sameLine(next),
           PupilNameWords.weatherVerbs.contains(next.key),
           end + 1 >= tokens.count || tokens[end + 1].key != PupilNameWords.to {
            return .thing(sense: .never)
        }
        // "Daisy B. was Daisy from *Daisy: Eat Your Peas*": a character, from the title after "from".
        if single, end + 1 < tokens.count, tokens[end].key == PupilNameWords.from, tokens[end + 1].contexts.contains(.italic),
           !first.contexts.contains(.italic) {
            return .thing(sense: .never)
        }
        // "Star of the Week", "Player of the Match": an award's name.
        if single, end + 2 < tokens.count, tokens[end].key == PupilNameWords.of, tokens[end + 1].key == PupilNameWords.the,
           PupilNameWords.awardPeriods.contains(tokens[end + 2].key) {
            return .thing(sense: .never)
        }
        // "Peace be with you", "Peace be upon him": a blessing.
        if single, end + 1 < tokens.count, tokens[end].key == PupilNameWords.be, PupilNameWords.blessingWords.contains(tokens[end + 1].key) {
            return .thing(sense: .never)
        }
        // "the Roman army", "Roman roads": the adjective of a people or an age (not "Roman scored", nor
        // "said Christian afterwards").
        if single, PupilNameVocabulary.adjectives.contains(first.key), let next, !isSpeaker(before: start, end: end),
           !last.flags.contains(.possessive),  // ("Kerry's the best glass-washer")
           next.kind == .word, !isCapitalised(next), sameLine(next),
           !PupilNameWords.auxiliaries.contains(next.key), !PupilNameWords.clauseWords.contains(next.key),
           !hasActionOrYear(after: end), !hasPastTense(after: end, name: first),
           !isAdverbBeforeVerb(end),  // ("Maya really enjoyed…", not "a Hunter welly")
           namesListed(with: start, end).isEmpty {  // ("Austin Young and Hunter both made their first starts")
            return .thing(sense: .always)
        }
        // "*An t-Eilean Sgitheanach* (Skye), *Leòdhas* (Lewis)": a name in brackets glossing the word before.
        if single, start >= 2, previous?.key == PupilNameWords.openingBracket, next?.key == PupilNameWords.closingBracket,
           tokens[start - 2].contexts.contains(.italic), !first.contexts.contains(.italic) {
            return .thing(sense: .always)
        }
        // "7 Khadijah", "(8 Fatimah)": a form named by its year and a name.
        if single, isFormName(at: start) { return .thing(sense: .always) }
        // "came as Grace from *Amazing Grace*": a character.
        if isCostume(before: start) { return .thing(sense: .always) }
        // A cell that is only the name, under a "House" or "Class" header: the group.
        if column == .groups, tokens[..<start].allSatisfy({ $0.kind != .word }), tokens[end...].allSatisfy({ $0.kind != .word }) {
            return .thing(sense: .always)
        }
        // "Wren" under "Species", "Matilda" under "Book": the thing, in this cell.
        if column == .things, single, tokens.count <= 3 { return .thing(sense: .never) }
        // "Class Oak", "House Columba", "Dosbarth Celyn": a group's name; "Team Teifi", "Tîm Taf" with the capital.
        if let previous, PupilNameWords.groupNouns.contains(previous.key), sameLine(first) { return .thing(sense: .always) }
        if let previous, PupilNameWords.teamNouns.contains(previous.key), isCapitalised(previous), sameLine(first) {
            return .thing(sense: .always)
        }
        // "Shabbat Shalom", "Shana Tova", "Chag Sameach": a greeting.
        if let previous, PupilNameWords.greetingOpeners.contains(previous.key), sameLine(first) { return .thing(sense: .always) }
        // "Year 1 (Tamar):": a class named after its year group.
        if start >= 2, previous?.key == PupilNameWords.openingBracket, isYearGroupEnding(at: start - 2) {
            return .thing(sense: .always)
        }
        // "Year 1: Poppy (Miss Begum) and Foxglove (Mr Cope)": classes, each with its teacher.
        if single, isGroupWithTeacher(start, end) { return .thing(sense: .always) }
        // "Fenella (Ash, Coral, Taylor and Bethany)": a house or a team with its members.
        if single, hasMembersAfter(end) { return .thing(sense: .always) }
        // "The house shield goes to Fenella": the prize of a house goes to a house.
        if single, names.isGroupWord(first, normalized), followsHousePrize(start) { return .thing(sense: .always) }
        // "Lewis – 412 points", "Barra: 398 pts": a house or a team with its score.
        if single, hasPointsAfter(end) { return .thing(sense: .always) }
        // "Tarn (blue) 214": a house or team with its colour.
        if end + 2 < tokens.count, tokens[end].key == PupilNameWords.openingBracket,
           PupilNameWords.colours.contains(tokens[end + 1].key), tokens[end + 2].key == PupilNameWords.closingBracket {
            return .thing(sense: .always)
        }
        // "Khadijah (RA)", "Muhammad ﷺ": a revered figure.
        if hasFigureSuffix(after: end) { return .thing(sense: .always) }
        // "Beck were 16 points behind": a house or a team.
        if single, takesGroupVerb(start, end) { return .thing(sense: .always) }
        // "a Hermann's tortoise called Sonny": a pet.
        if isPetName(before: start) { return .thing(sense: .always) }
        // "Honey, our new reading dog": a pet the post is about, which does things too, so elsewhere in the
        // post only a cue or a list makes the word a child's ("Honey rolled over").
        if single, isPetNamed(after: end) { return .thing(sense: .figure) }
        // "Pony rides with Bramble (the pony, not the kindergartener!)": the writer says which is meant.
        if single, isGlossedAsNotAChild(after: end) { return .thing(sense: .never) }
        // "on the birth of their baby boy, Gethin": a baby, not a pupil.
        if isNamedAsBaby(before: start) { return .thing(sense: .never) }
        if isMarkedAsAdult(after: end) { return .thing(sense: .adult) }
        // "coach Jay from the Sallow Valley SSP", "Elis o'r Urdd": someone who comes from an organisation.
        if !cueBefore, isFromOrganisation(after: end) || isBesideAdultRole(start, end) { return .thing(sense: .adult) }
        // "Hugh – Hugh Logue", "Owen: Owen Moore": a part in a cast list, then the pupil who played it.
        if single, isPartBeforeItsActor(end) { return .thing(sense: .figure) }
        // "*Amazing Grace* by Mary Hoffman … Grace loves stories": a book's title names its character.
        if single, isTitleLike(first), isCreditedTitle(at: start) { return .thing(sense: .figure) }
        if let previous, previous.kind == .word, sameLine(first) {
            // (Welsh "a" between two names is "and": "Haf a Lili", "Efa a Taliesin"; before a mutated name,
            // "and" or Irish calling someone: "Cai a Thomos", "a Shíofra".)
            // (Not after a cue: Irish "Comhghairdeas le Saoirse", where "le" is "with".)
            if PupilNameWords.determiners.contains(previous.key), !mutated, !cueBefore, !isWelshAnd(before: start),
               !opensClauseAfterThat(start, end) {
                return .thing(sense: .always)
            }
            // "three nights in Florence", "Leavers in Florence!": a place (but "in Florence's group" is hers).
            if PupilNameWords.placePrepositions.contains(previous.key), single, !last.flags.contains(.possessive),
               !cueBefore, next.map({ !isCapitalised($0) || !sameLine($0) }) ?? true {
                return .thing(sense: .always)
            }
            // "from Kingston to St Pauls": the two ends of a way.
            if previous.key == PupilNameWords.from, single, !cueBefore, end + 1 < tokens.count, tokens[end].key == PupilNameWords.to,
               isCapitalised(tokens[end + 1]), sameLine(tokens[end + 1]) {
                return .thing(sense: .always)
            }
            // "the main road to Douglas", "the ferry to Heysham", "has been to Paris": a place at the end of a way.
            if previous.key == PupilNameWords.to, start >= 2,
               PupilNameWords.travelNouns.contains(tokens[start - 2].key) || PupilNameWords.motionVerbs.contains(tokens[start - 2].key), single,
               !last.flags.contains(.possessive), !cueBefore, next.map({ !isCapitalised($0) || !sameLine($0) }) ?? true {
                return .thing(sense: .always)
            }
            // "Jamie Oliver", "Three Billy Goats Gruff": the end of a longer name (in a heading too,
            // unless a cue says who it is: "Well Done Oliver"); "Lesley Brodie" or "Calum Ross" (two
            // forenames) alone on a line, a signature or a front-matter author.
            // (At the start of a sentence too when the word is also a pupil's surname and the one before is no
            // roster name: "- Andy Reed at the boatyard", a relative or someone else named Reed.)
            // (Not after a day of the week: "On Thursday Zain's dad came in"; seasons and feasts do begin
            // names: "Summer Rose", "Easter Ross", "Lent Charity".)
            if isCapitalised(previous), !previous.flags.contains(.possessive), !PupilNameWords.firstPersonI.contains(previous.key),
               !PupilNameWords.weekdays.contains(previous.key),
               !previous.flags.contains(.sentenceStart) || (isHeading && !cueBefore)
                || (!cueBefore && endsLine(end) && (!names.canStart(previous, normalized) || startsLine(start - 1)))
                || (!cueBefore && single && !names.canStart(previous, normalized) && isAlsoASurname(start)) {
                return .thing(sense: .never)
            }
            // "Juan dela Cruz", "Rhys ap Gruffydd": the end of a longer name after its particle.
            if PersonName.particles.contains(previous.key), !isCapitalised(previous), !cueBefore, start >= 2, isCapitalised(tokens[start - 2]) {
                return .thing(sense: .never)
            }
            // "the Isle of Skye", "the Duke of York": a name inside a place or a title.
            if previous.key == PupilNameWords.of, start >= 2 {
                let before = tokens[start - 2]
                if isCapitalised(before), !before.flags.contains(.sentenceStart), !isHeading, !before.flags.contains(.possessive) {
                    return .thing(sense: .always)
                }
            }
        }
        // "Oscar-worthy", "Oscar-nominated": the first part of a hyphenated word, not a name
        // (but "Oscar-led" is Oscar).
        if end + 1 < tokens.count, tokens[end].key == PupilNameWords.hyphen, !tokens[end].flags.contains(.spaceBefore),
           tokens[end + 1].kind == .word, !tokens[end + 1].flags.contains(.spaceBefore), !isCapitalised(tokens[end + 1]),
           !PupilNameWords.agentParticiples.contains(tokens[end + 1].key) {
            return .thing(sense: .never)
        }
        // Dates and terms: "in May", "12 May", "May 2026", "Summer 2", "15 Mai".
        // (Not after a cue: "thank you to Summer", "well done to May".)
        if PupilNameVocabulary.calendarWords.contains(first.key), !cueBefore {
            if let previous, previous.kind == .number || (previous.kind == .word && PupilNameWords.datePrepositions.contains(previous.key)) {
                return .thing(sense: .always)
            }
            if let next, next.kind == .number { return .thing(sense: .always) }
            // "April and May", "between now and May", "February with May" (in the same sentence: not
            // "on the Wednesday. May and Angel are in charge").
            for index in stride(from: start - 1, through: max(0, start - 3), by: -1) {
                if tokens[index + 1].flags.contains(.sentenceStart) { break }
                if PupilNameVocabulary.calendarWords.contains(tokens[index].key) || tokens[index].key == PupilNameWords.now {
                    return .thing(sense: .always)
                }
            }
        }
        // A modal verb opening a question: "Will you…?", "May I…?".
        if PupilNameWords.modals.contains(first.key), first.flags.contains(.sentenceStart) || previous?.kind != .word,
           sentenceEndsWithQuestion(from: end) {
            return .thing(sense: .never)
        }
        if let next, next.kind == .number, sameLine(next) {
            // A chapter and verse: "Matthew 25:35".
            if block.text(of: next).contains(":") { return .thing(sense: .always) }
            // "Hope 1,187" in a table of house points: a word that is also a name, with a score.
            if ambiguous() { return .thing(sense: .always) }
        }
        // A title of a work: "*Amari and the Night Brothers*", “Joy to the World”, a song "Myfanwy",
        // "*Matilda* by Roald Dahl".
        if single, isTitleLike(first),
           isTitleCaseQuotation(around: start) || isWholeQuotation(start) || isCreditedTitle(at: start) || isListedWithTitles(start) {
            return .thing(sense: .never)
        }
        // "families from Kerry, Clare, Mayo and Donegal": one of a list of places.
        // (Not "grandad to Ruby-May in Kittiwakes and Grace in Gannets", a child with a class.)
        if single, !cueBefore, !hasClass(after: end), isInListOfPlaces(start) { return .thing(sense: .never) }
        let listed = namesListed(with: start, end)
        // "Hope, Courage, Kindness and Justice": a word that is also a name, listed with capitalised
        // words that are not names, is one of a list of things (houses, values); any name listed
        // between two such words is one of someone else's list ("Reuben, Simeon, Levi").
        // (Not "Ruby-May in Kittiwakes and Grace in Gannets": a child with a class, beside another's class.)
        if listed.isEmpty, !hasClass(after: end), !isAppositionToPart(start, end) {
            let others = otherCapitalisedWordsListed(start, end)
            if others >= 2 || (ambiguous() && others == 1) { return .thing(sense: ambiguous() ? .always : .never) }
        } else if ambiguous(), otherCapitalisedWordsListed(start, end, skippingWordNames: true) >= 2 {
            // "Our Christian values: Faith, Hope, Kindness, Courage": word names listed with other words.
            return .thing(sense: .always)
        }

        // In lower case in a post that is not: only with a cue, and not a word ("a special mention to elen").
        // (A word that is also a name will do after the list's first name: "welcome to juniper, oak and bay".)
        // (Or one given a year group: "🥈 scarlett – Year 3/4 girls"; or, no ordinary word, doing something:
        // "zayn won AGAIN", "bahar drew"; or anyone's child: "ocean's mum".)
        if !isCapitalised(first), !informal, !cueBefore || (ambiguous() && !continuesCuedListInLowerCase(start)),
           !isInListOfPupilsInLowerCase(start), ambiguous() || !hasYearGroupAfter(end),
           ambiguous() || !isDoingSomethingInLowerCase(end), !(single && hasRelative(after: end)),
           !(single && hasCountInBrackets(after: end)) {
            return .thing(sense: .never)
        }
        // "JO and LI went": capitals say nothing, and a short or common word in them is read as a word.
        if ambiguous(), first.flags.contains(.allUppercase), !cueBefore { return .thing(sense: .never) }
        var weakDoubt = !isCapitalised(first)
        if ambiguous() {
            // Alt text describes a photo: a name opening it ("Ivy and Daisy with a snail") is a name.
            let opensSentence = first.flags.contains(.sentenceStart) && block.block.kind != .imageAlt
            weakDoubt = weakDoubt || opensSentence || isTitleCaseLine(start)
                || (previous.map { $0.kind == .word && PupilNameWords.possessives.contains($0.key) } ?? false)
        }
        var religious = false
        if single, PupilNameVocabulary.religiousFigures.contains(first.key) {
            // A cast list or a table speaks of what the post speaks of; prose, of what its paragraph does.
            religious = [.tableCell, .listItem].contains(block.block.kind) ? speaksOfFaith() : blockSpeaksOfFaith()
        }
        return .evidence(ForenameEvidence(
            // Alt text opens with who is in the photo: a name there has some evidence of a child.
            key: first.key, strong: cueBefore || hasClass(after: end) || isDressedUp(after: end) || hasRelative(after: end) || isApposedToPupils(after: end)
                || isPhotographedDoing(start, end)
                // ("Lourdes (Year 1)" where Lourdes is a form: the class, not a child.)
                || (hasBracketedYearGroup(after: end) && !names.isGroupWord(first, normalized)),
            some: hasActionOrYear(after: end) || hasPastTense(after: end, name: last) || hasStateOrResult(after: end, name: last)
                || isSpeaker(before: start, end: end) || (informal && isOwnerOfWork(start, end)) || isOwnerOfChildsWork(start, end)
                || hasScoreLater(after: end)
                || (block.block.kind == .imageAlt && first.flags.contains(.sentenceStart))
                || (PupilNameWords.dateAbbreviations.contains(first.key) && isSubjectOfClause(end)),
            weakDoubt: weakDoubt, religious: religious, listedWith: listed,
            onlyAPerson: hasStateOrResult(after: end, name: last, feelingOnly: true) || isCastAs(after: end)
                || (single && isReferredToAsPerson(start, after: end)),
            subjectOfClause: isSubjectOfClause(end),
            addressed: end + 1 < tokens.count && tokens[end].key == PupilNameWords.comma
                && PupilNameWords.secondPerson.contains(tokens[end + 1].key),
            speaks: isSpeaker(before: start, end: end) && !hasActionOrYear(after: end)))
    }
}
