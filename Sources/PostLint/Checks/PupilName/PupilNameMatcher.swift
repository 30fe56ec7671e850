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
///    name, a group, a member of staff) or is a figure of faith in a block about faith
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
    }

    let automaton: NameAutomaton
    let block: TokenizedBlock
    let lowercaseWords: TokenKeySet
    /// The post is written in lower case ("well done to sky and reggie"): there, a name in lower case
    /// is still weighed, but only with evidence that a child is meant.
    let informal: Bool
    /// The words of the school's groups (classes, houses), for "Eve from Puffins".
    let groupWords: Set<UInt64>

    private var tokens: [Token] { block.tokens }

    /// Every proposal that survives the per-block rules, with forenames alone still pending; the
    /// keys of forenames used as things are added to `senses`.
    func candidates(recording senses: inout PupilNameSenses, speaksOfFaith: () -> Bool) -> [Match] {
        let tokens = block.tokens
        var candidates: [Match] = []
        var blockFaith: Bool?
        let blockSpeaksOfFaith = {
            if blockFaith == nil { blockFaith = tokens.contains { PupilNameVocabulary.religiousContext.contains($0.key) } }
            return blockFaith!
        }
        for start in tokens.indices {
            let token = tokens[start]
            guard token.kind == .word else { continue }
            let capitalised = isCapitalised(token)
            // Lower-case words, most of a text, are offered to the automaton (a cache miss with a large
            // roster) only in a post written in lower case, or after "to", "from", "by" ("a special
            // mention to elen"); every other form starts with a capital.
            if !capitalised, !informal, start == 0 || !PupilNameWords.isLowerCaseCueEnd(tokens[start - 1].key) {
                continue
            }
            guard automaton.trie.canStart(with: token) else { continue }
            let before = candidates.count
            var senseUnlessFullName = false
            automaton.trie.matches(in: tokens, from: start) { end, payload in
                let form = automaton.forms[Int(payload)]
                if form.kind == .forename {
                    switch forenameReading(start, end, speaksOfFaith: speaksOfFaith, blockSpeaksOfFaith: blockSpeaksOfFaith) {
                    case .thing(.always): senses.record(otherSense: tokens[start].key)
                    case .thing(.unlessFullName): senseUnlessFullName = true
                    case .thing(.never): break
                    case .evidence(let evidence):
                        let range = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
                        candidates.append(Match(start: start, end: end, form: form, textRange: range, pending: evidence))
                    }
                } else if let range = accept(form, start, end) {
                    candidates.append(Match(start: start, end: end, form: form, textRange: range))
                }
            }
            if senseUnlessFullName, !candidates[before...].contains(where: { $0.form.kind == .full }) {
                senses.record(otherSense: tokens[start].key)
            }
        }
        return candidates
    }

    /// The accepted matches among `candidates`, pending forenames weighed against `senses`, overlaps
    /// resolved to the earliest, then longest.
    static func resolve(_ candidates: [Match], senses: PupilNameSenses) -> [Match] {
        var kept = candidates.filter { candidate in
            guard let evidence = candidate.pending else { return true }
            // Listed with pupils: names that are neither something else here nor figures of faith
            // ("Mary and Joseph" list each other).
            let listedWithPupils = evidence.listedWith.contains {
                !senses.hasOtherSense($0) && !(evidence.religious && PupilNameVocabulary.religiousFigures.contains($0))
            }
            if senses.configured.contains(evidence.key) { return evidence.strong || listedWithPupils }
            if evidence.religious { return evidence.strong || listedWithPupils || evidence.some }
            // Used for something else elsewhere in the post: an action or a year group will also do.
            if senses.recorded.contains(evidence.key) { return evidence.strong || listedWithPupils || evidence.some }
            if evidence.weakDoubt { return evidence.strong || evidence.some || !evidence.listedWith.isEmpty }
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

    /// The text range to report when the proposal (not a forename alone) is a pupil's name, else nil.
    private func accept(_ form: NameAutomaton.Form, _ start: Int, _ end: Int) -> Range<Int>? {
        let tokens = tokens
        if hasTitle(before: start) != nil { return nil }
        for index in start..<(end - 1) where tokens[index].flags.contains(.possessive) { return nil }
        let first = tokens[start]
        let range = first.range.lowerBound..<tokens[end - 1].range.upperBound
        switch form.kind {
        case .full:
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
            guard initial.normalizedRange.count == 1, isNameLike(initial), !initial.flags.contains(.possessive) else { return nil }
            if end < tokens.count, tokens[end].key == PupilNameWords.period, !tokens[end].flags.contains(.spaceBefore) {
                return first.range.lowerBound..<tokens[end].range.upperBound  // "Oliver W." with its full stop
            }
            // "Oliver S Whitfield" is somebody's full name, not an initial.
            if end < tokens.count, isCapitalised(tokens[end]), !tokens[end].flags.contains(.lineBreakBefore) { return nil }
            return range
        case .surname:
            // "the Patel family", not "Hussain Brothers" (a business).
            guard end < tokens.count, tokens[end].kind == .word, PupilNameWords.familyWords.contains(tokens[end].key),
                  !tokens[end - 1].flags.contains(.possessive), !isCapitalised(tokens[end]) || isHeading else { return nil }
            return range
        case .surnamePlural:
            // "the Fitzgeralds", not "the Wrens room".
            guard start > 0, tokens[start - 1].key == PupilNameWords.the,
                  end >= tokens.count || !PupilNameVocabulary.thingHeads.contains(tokens[end].key) else { return nil }
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

    enum Sense { case always, never, unlessFullName }

    /// Step 1 of the forename decision, and the evidence for steps 2 and 3 (see the type's comment).
    /// `speaksOfFaith` and `blockSpeaksOfFaith` say (once each, cached) whether the document or the
    /// block has a word of `name-religious-context`.
    private func forenameReading(_ start: Int, _ end: Int, speaksOfFaith: () -> Bool,
                                 blockSpeaksOfFaith: () -> Bool) -> ForenameReading {
        let tokens = tokens
        let first = tokens[start]
        let last = tokens[end - 1]
        let next: Token? = end < tokens.count ? tokens[end] : nil
        let previous: Token? = start > 0 ? tokens[start - 1] : nil
        let single = end - start == 1
        let ambiguous = single && isAmbiguous(first)
        if let title = hasTitle(before: start) { return .thing(sense: title == .figure ? .always : .never) }
        let sameLine = { (token: Token) in !token.flags.contains(.lineBreakBefore) }
        if let next, next.kind == .word, sameLine(next) {
            // Before a thing's head noun: "Oak class", "Summer term", "Bede Road", "Mason's Bakery"
            // (but "Rose's team" is Rose's).
            if PupilNameVocabulary.thingHeads.contains(next.key), !last.flags.contains(.possessive) || isCapitalised(next) {
                return .thing(sense: .always)
            }
            // "Columba of Iona", "Seren yr Wythnos", "Fionn mac Cumhaill": a longer proper name.
            if PupilNameWords.nameConnectors.contains(next.key), end + 1 < tokens.count, isCapitalised(tokens[end + 1]),
               sameLine(tokens[end + 1]) {
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
        let cueBefore = hasChildCue(before: start)
        // "Class Oak", "House Columba", "Dosbarth Celyn": a group's name.
        if let previous, PupilNameWords.groupNouns.contains(previous.key), sameLine(first) { return .thing(sense: .always) }
        if let previous, previous.kind == .word, sameLine(first) {
            if PupilNameWords.determiners.contains(previous.key) { return .thing(sense: .always) }
            // "Jamie Oliver", "Three Billy Goats Gruff": the end of a longer name (in a heading too,
            // unless a cue says who it is: "Well Done Oliver"); "Lesley Brodie" alone on a line, a
            // signature or a front-matter author.
            if isCapitalised(previous), !previous.flags.contains(.possessive),
               !previous.flags.contains(.sentenceStart) || (isHeading && !cueBefore)
                || (!cueBefore && endsLine(end) && !automaton.trie.canStart(with: previous)) {
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
        if PupilNameVocabulary.calendarWords.contains(first.key) {
            if let previous, previous.kind == .number || (previous.kind == .word && PupilNameWords.datePrepositions.contains(previous.key)) {
                return .thing(sense: .always)
            }
            if let next, next.kind == .number { return .thing(sense: .always) }
            // "April and May", "between now and May", "February with May".
            for index in max(0, start - 3)..<start where PupilNameVocabulary.calendarWords.contains(tokens[index].key)
                || tokens[index].key == PupilNameWords.now {
                return .thing(sense: .always)
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
            if ambiguous { return .thing(sense: .always) }
        }
        // A title of a work: "*Amari and the Night Brothers*", “Joy to the World”, a song "Myfanwy".
        if single, isTitleLike(first), isTitleCaseQuotation(around: start) || isWholeQuotation(start) {
            return .thing(sense: .never)
        }
        let listed = namesListed(with: start, end)
        // "Hope, Courage, Kindness and Justice": a word that is also a name, listed with capitalised
        // words that are not names, is one of a list of things (houses, values); any name listed
        // between two such words is one of someone else's list ("Reuben, Simeon, Levi").
        if listed.isEmpty {
            let others = otherCapitalisedWordsListed(start, end)
            if others >= 2 || (ambiguous && others == 1) { return .thing(sense: ambiguous ? .always : .never) }
        }

        // In lower case in a post that is not: only with a cue, and not a word ("a special mention to elen").
        if !isCapitalised(first), !informal, !cueBefore || ambiguous { return .thing(sense: .never) }
        // "JO and LI went": capitals say nothing, and a short or common word in them is read as a word.
        if ambiguous, first.flags.contains(.allUppercase), !cueBefore { return .thing(sense: .never) }
        var weakDoubt = !isCapitalised(first)
        if ambiguous {
            // Alt text describes a photo: a name opening it ("Ivy and Daisy with a snail") is a name.
            let opensSentence = first.flags.contains(.sentenceStart) && block.block.kind != .imageAlt
            weakDoubt = weakDoubt || opensSentence || isTitleCase(around: start)
                || (previous.map { $0.kind == .word && PupilNameWords.possessives.contains($0.key) } ?? false)
        }
        var religious = false
        if single, PupilNameVocabulary.religiousFigures.contains(first.key) {
            // A cast list or a table speaks of what the post speaks of; prose, of what its paragraph does.
            religious = [.tableCell, .listItem].contains(block.block.kind) ? speaksOfFaith() : blockSpeaksOfFaith()
        }
        return .evidence(ForenameEvidence(
            key: first.key, strong: cueBefore || hasClass(after: end), some: hasActionOrYear(after: end),
            weakDoubt: weakDoubt, religious: religious, listedWith: listed))
    }

    /// The name is all a quotation holds: “Myfanwy”, "Afon" (a song's or a poem's title).
    private func isWholeQuotation(_ index: Int) -> Bool {
        guard index > 0, index + 1 < tokens.count else { return false }
        return PupilNameWords.quotationMarks.contains(tokens[index - 1].key)
            && PupilNameWords.quotationMarks.contains(tokens[index + 1].key)
    }

    /// How many capitalised words that are not roster names the name is listed with, across commas,
    /// "and" or "&": up to two on each side ("Reuben, Simeon, Levi").
    private func otherCapitalisedWordsListed(_ start: Int, _ end: Int) -> Int {
        func isOtherWord(_ index: Int) -> Bool {
            index >= 0 && index < tokens.count && isCapitalised(tokens[index]) && !automaton.trie.canStart(with: tokens[index])
                && !PupilNameVocabulary.titles.contains(tokens[index].key)
        }
        var count = 0
        var index = start
        while count < 2, index >= 2, PupilNameWords.listJoiners.contains(tokens[index - 1].key), isOtherWord(index - 2) {
            count += 1
            index -= 2
        }
        index = end
        while count < 4, index + 1 < tokens.count, PupilNameWords.listJoiners.contains(tokens[index].key), isOtherWord(index + 1) {
            count += 1
            index += 2
        }
        return count
    }

    /// Nothing but punctuation follows on the name's line.
    private func endsLine(_ end: Int) -> Bool {
        var index = end
        while index < tokens.count, !tokens[index].flags.contains(.lineBreakBefore) {
            if tokens[index].kind != .punctuation { return false }
            index += 1
        }
        return true
    }

    private func isAmbiguous(_ token: Token) -> Bool {
        PupilNameVocabulary.commonWordNames.contains(token.key) || token.normalizedRange.count <= 2
            || (!informal && isCapitalised(token) && lowercaseWords.contains(token.key))
    }

    /// A word that may be a name here: capitalised, or any word in a post written in lower case.
    private func isNameLike(_ token: Token) -> Bool {
        isCapitalised(token) || (informal && token.kind == .word)
    }

    /// "Carys, Gethin and Sky at Malham Cove": the keys of other roster names next to this one across
    /// a comma, "and" or "&" — a list of people, whatever the capitals of the line say.
    private func namesListed(with start: Int, _ end: Int) -> [UInt64] {
        func otherName(_ index: Int) -> UInt64? {
            guard index >= 0, index < tokens.count, isNameLike(tokens[index]), automaton.trie.canStart(with: tokens[index])
            else { return nil }
            return tokens[index].key
        }
        var keys: [UInt64] = []
        if start >= 2, PupilNameWords.listJoiners.contains(tokens[start - 1].key), let key = otherName(start - 2) { keys.append(key) }
        if end + 1 < tokens.count, PupilNameWords.listJoiners.contains(tokens[end].key), let key = otherName(end + 1) { keys.append(key) }
        return keys
    }

    /// A cue from `name-child-cues` ending right before `start`, punctuation between them skipped
    /// ("Star of the Week: Sky", "Well done to Rose").
    private func hasChildCue(before start: Int) -> Bool {
        var end = start
        while end > 0, end > start - 3, tokens[end - 1].kind == .punctuation { end -= 1 }
        // "Star of the Week is Oliver", "The winners are Rose and Ivy".
        if end > 0, PupilNameWords.copulas.contains(tokens[end - 1].key) { end -= 1 }
        guard end > 0 else { return false }
        // "P5 – Grace", "Year 6: Rose", "7BTO Jude".
        if isYearGroup(at: end - 1) || (end >= 2 && isYearGroup(at: end - 2) && tokens[end - 1].kind == .number) { return true }
        for cue in PupilNameVocabulary.childCues where cue.count <= end {
            var matched = true
            for (offset, key) in cue.reversed().enumerated() where tokens[end - 1 - offset].key != key {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// "Eve from Puffins", "Amari from Dahl class", "Bríd from 10B2": a child named by their class.
    private func hasClass(after end: Int) -> Bool {
        guard end + 1 < tokens.count, tokens[end].key == PupilNameWords.from || tokens[end].key == PupilNameWords.in else { return false }
        let next = tokens[end + 1]
        if isYearGroup(at: end + 1) || groupWords.contains(next.key) { return true }
        return end + 2 < tokens.count && PupilNameWords.classWords.contains(tokens[end + 2].key) && isCapitalised(next)
    }

    /// A year group or form right after `end`, punctuation skipped: "– y10 girls", "(Year 4)".
    private func hasYearGroup(after end: Int) -> Bool {
        var index = end
        while index < tokens.count, index < end + 2, tokens[index].kind == .punctuation { index += 1 }
        return isYearGroup(at: index)
    }

    /// A year group or form at `index`: "Year 4", "Reception", "P5", "Y8", "S3", "7BTO", "10B2".
    private func isYearGroup(at index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        if token.key == PupilNameWords.year || token.key == PupilNameWords.yr {
            return index + 1 < tokens.count && tokens[index + 1].kind == .number
        }
        if PupilNameWords.yearNames.contains(token.key) { return true }
        let text = block.block.text[token.range]
        let isStageLetter = text.count == 1 && [0x50, 0x70, 0x59, 0x79, 0x53, 0x73].contains(text.first!)
        // "P 5" or "P5" read as a letter and a number.
        if isStageLetter, index + 1 < tokens.count, tokens[index + 1].kind == .number,
           !tokens[index + 1].flags.contains(.spaceBefore) {
            return true
        }
        guard (2...6).contains(text.count) else { return false }
        let upper = text.filter { (0x41...0x5A).contains($0) }.count
        let lower = text.filter { (0x61...0x7A).contains($0) }.count
        let digits = text.filter { (0x30...0x39).contains($0) }.count
        guard upper + lower + digits == text.count, digits >= 1, upper + lower >= 1 else { return false }
        // "P5", "y8", "S3": a stage letter and its number.
        if upper + lower == 1, digits <= 2, [0x50, 0x70, 0x59, 0x79, 0x53, 0x73].contains(text.first!) { return true }
        // "7BTO", "10B2", "8R2": a form code that starts with its year, in capitals (not "4th", "3pm").
        return (0x30...0x39).contains(text.first!) && lower == 0 && text.count >= 3
    }

    /// "Rose scored", "Hope, who…", "Sky (Year 4)", "Sky, Year 4": someone doing something, or a pupil's year.
    private func hasActionOrYear(after end: Int) -> Bool {
        var index = end
        while index < tokens.count, index < end + 2, tokens[index].kind == .punctuation { index += 1 }
        guard index < tokens.count, tokens[index].kind == .word else { return false }
        let key = tokens[index].key
        if index == end, PupilNameVocabulary.childActions.contains(key) { return true }
        if key == PupilNameWords.who { return true }
        // "Grace for her persuasive letter".
        if key == PupilNameWords.for, index + 1 < tokens.count, PupilNameWords.personalPossessives.contains(tokens[index + 1].key) {
            return true
        }
        return (key == PupilNameWords.year || key == PupilNameWords.yr) && index + 1 < tokens.count && tokens[index + 1].kind == .number
    }

    // MARK: Context

    private func isCapitalised(_ token: Token) -> Bool {
        token.kind == .word && (token.flags.contains(.capitalized) || token.flags.contains(.allUppercase))
    }

    private func hasCapitalisedWord(in range: Range<Int>) -> Bool {
        range.contains { isCapitalised(tokens[$0]) }
    }

    enum Title { case adult, figure }

    /// "Mrs Patel", "Mr. Whitfield", "Miss Grace" (an adult); "St Bede", "Storm Bert" (a figure).
    private func hasTitle(before start: Int) -> Title? {
        var index = start - 1
        if index >= 0, tokens[index].key == PupilNameWords.period { index -= 1 }
        guard index >= 0, tokens[index].kind == .word else { return nil }
        if PupilNameVocabulary.figureTitles.contains(tokens[index].key) { return .figure }
        return PupilNameVocabulary.titles.contains(tokens[index].key) ? .adult : nil
    }

    private func sentenceEndsWithQuestion(from index: Int) -> Bool {
        var index = index
        while index < tokens.count {
            let token = tokens[index]
            if token.key == PupilNameWords.questionMark { return true }
            if PupilNameWords.sentenceEnds.contains(token.key) || token.flags.contains(.sentenceStart) { return false }
            index += 1
        }
        return false
    }

    /// Quoted, emphasised or cited: where titles are written.
    private func isTitleLike(_ token: Token) -> Bool {
        token.flags.contains(.quoted) || !token.contexts.isDisjoint(with: [.emphasis, .citation, .quotation])
    }

    /// A quoted or italic title ("“Faith, Hope and Love”", "“Joy to the World”", *Faith in
    /// Safeguarding*): the longer words of the span, the name aside, are capitalised.
    private func isTitleCaseQuotation(around index: Int) -> Bool {
        var lower = index
        while lower > 0, isTitleLike(tokens[lower - 1]) { lower -= 1 }
        var upper = index
        while upper + 1 < tokens.count, isTitleLike(tokens[upper + 1]) { upper += 1 }
        var words = 0, capitalised = 0
        for position in lower...upper where position != index {
            let token = tokens[position]
            if token.kind == .word, token.normalizedRange.count >= 4 {
                words += 1
                if isCapitalised(token) { capitalised += 1 }
            }
        }
        return words >= 1 && capitalised * 10 >= words * 6
    }

    private var isHeading: Bool { block.block.kind == .heading || block.block.kind == .title }

    /// Most longer words on the line capitalised (the name itself, other roster names and sentence
    /// starts aside): a title-case heading, where capitals say nothing about names. Lines, not blocks,
    /// so that a heading is judged alone even by a reader that returns the whole file as one block.
    /// Other names do not count, or a list of pupils ("Carys, Gethin and Sky at the cove") would
    /// look like a heading.
    private func isTitleCase(around index: Int) -> Bool {
        var lineStart = index
        while lineStart > 0, !tokens[lineStart].flags.contains(.lineBreakBefore) { lineStart -= 1 }
        var words = 0, capitalised = 0
        var position = lineStart
        while position < tokens.count, position == lineStart || !tokens[position].flags.contains(.lineBreakBefore) {
            let token = tokens[position]
            if position != index, token.kind == .word, token.normalizedRange.count >= 4, !token.flags.contains(.sentenceStart),
               !automaton.trie.canStart(with: token) {
                words += 1
                if isCapitalised(token) { capitalised += 1 }
            }
            position += 1
        }
        return words >= 2 && capitalised * 10 >= words * 6
    }
}
