/// Finds roster names in one block of prose and decides, match by match, whether each is a pupil.
///
/// The automaton proposes every form that fits the tokens; the rules below turn proposals down when
/// the words are more likely something else, and overlaps are resolved in favour of the earliest,
/// then longest match ("Oliver Whitfield" rather than "Oliver").
///
/// Rules, for every form: a title right before the name (Mr, Mrs, Miss, Dr…, also "Mr." with a full
/// stop) means an adult, not a pupil; a possessive may only end the name. Full names and "Surname,
/// Forename" need a capitalised forename and a capitalised word in the surname (so "the children will
/// cook" is not "Will Cook"). A forename alone is a name only when:
/// - it is capitalised and not followed by another capitalised word (that would be someone else's
///   full name, "Oliver Twist", or a thing, "Summer Fair");
/// - it is not preceded by a determiner ("the Rose Garden") or, mid-sentence outside headings, by a
///   capitalised word ("Jamie Oliver": someone else's surname), also across "of" ("the Isle of Skye",
///   "the Duke of York": part of a place or a title);
/// - it is not the first part of a hyphenated word whose next part is in lower case ("an
///   Oscar-worthy performance", "Oscar-nominated"), unless that part says the person did it
///   ("Oscar-led", "Ruby-designed");
/// - it is not a date ("in May", "May 2026", "12 May"), a modal opening a question ("Will you…?") or
///   a chapter and verse ("Matthew 25:35");
/// - and, for an ambiguous forename — one on the common-word list, one of one or two letters, or one
///   the same document also uses as a lower-case word — it is not at the start of a sentence (except
///   in alt text, which opens with who is in the photo), in capitals, in a title-case heading or a
///   title-case quotation or italic title ("“Faith, Hope and Love”"), or after a possessive ("our
///   Christian values"); a title-case line does not count when the name stands in a list with another
///   roster name ("Carys, Gethin and Sky at Malham Cove").
/// A surname alone is a name only right before a family word ("the Patel family", "the Okafor twins");
/// "Mr and Mrs Patel" is not flagged, as a title rules out a pupil and staff are addressed the same way.
struct PupilNameMatcher {
    struct Match {
        var start: Int
        /// Exclusive token index.
        var end: Int
        var form: NameAutomaton.Form
        /// Text range of the name as written (a trailing full stop of an initial included).
        var textRange: Range<Int>
    }

    let automaton: NameAutomaton
    let block: TokenizedBlock
    /// Folded words the document uses in lower case somewhere (the word, not the name).
    let lowercaseWords: TokenKeySet

    private var tokens: [Token] { block.tokens }

    func matches() -> [Match] {
        let tokens = block.tokens
        var candidates: [Match] = []
        // Every form starts with a capitalised word (see `accept`): lower-case words, most of a text,
        // are turned away before the automaton is asked, which with a large roster means a cache miss.
        for start in tokens.indices where isCapitalised(tokens[start]) && automaton.trie.canStart(with: tokens[start]) {
            automaton.trie.matches(in: tokens, from: start) { end, payload in
                let form = automaton.forms[Int(payload)]
                if let range = accept(form, start, end) {
                    candidates.append(Match(start: start, end: end, form: form, textRange: range))
                }
            }
        }
        candidates.sort { ($0.start, -$0.end, $0.form.kind.rawValue) < ($1.start, -$1.end, $1.form.kind.rawValue) }
        var accepted: [Match] = []
        var reached = 0
        for candidate in candidates where candidate.start >= reached {
            accepted.append(candidate)
            reached = candidate.end
        }
        return accepted
    }

    /// The text range to report when the proposal is a pupil's name, else nil.
    private func accept(_ form: NameAutomaton.Form, _ start: Int, _ end: Int) -> Range<Int>? {
        let tokens = tokens
        if hasTitle(before: start) { return nil }
        for index in start..<(end - 1) where tokens[index].flags.contains(.possessive) { return nil }
        let first = tokens[start]
        let range = first.range.lowerBound..<tokens[end - 1].range.upperBound
        guard isCapitalised(first) else { return nil }
        switch form.kind {
        case .full:
            return hasCapitalisedWord(in: (start + form.forenameTokens)..<end) ? range : nil
        case .surnameCommaForename:
            return isCapitalised(tokens[end - form.forenameTokens]) ? range : nil
        case .initial:
            let initial = tokens[end - 1]
            guard initial.normalizedRange.count == 1, isCapitalised(initial), !initial.flags.contains(.possessive) else { return nil }
            if end < tokens.count, tokens[end].key == PupilNameWords.period, !tokens[end].flags.contains(.spaceBefore) {
                return first.range.lowerBound..<tokens[end].range.upperBound  // "Oliver W." with its full stop
            }
            // "Oliver S Whitfield" is somebody's full name, not an initial.
            if end < tokens.count, isCapitalised(tokens[end]), !tokens[end].flags.contains(.lineBreakBefore) { return nil }
            return range
        case .forename:
            return forenameAloneIsName(start, end) ? range : nil
        case .surname:
            guard end < tokens.count, tokens[end].kind == .word, PupilNameWords.familyWords.contains(tokens[end].key),
                  !tokens[end - 1].flags.contains(.possessive) else { return nil }
            return range
        case .surnameForename, .concatenated:
            return nil
        }
    }

    private func forenameAloneIsName(_ start: Int, _ end: Int) -> Bool {
        let tokens = tokens
        let first = tokens[start]
        let last = tokens[end - 1]
        let next: Token? = end < tokens.count ? tokens[end] : nil
        let previous: Token? = start > 0 ? tokens[start - 1] : nil
        // Followed by another capitalised word: someone else's full name, or a thing ("Summer Fair").
        if let next, next.kind == .word, isCapitalised(next), !last.flags.contains(.possessive),
           !next.flags.contains(.lineBreakBefore) {
            return false
        }
        if let previous, previous.kind == .word, !first.flags.contains(.lineBreakBefore) {
            if PupilNameWords.determiners.contains(previous.key) { return false }
            if isCapitalised(previous), !previous.flags.contains(.sentenceStart), !isHeading,
               !previous.flags.contains(.possessive) {
                return false
            }
            // "the Isle of Skye", "the Duke of York": a name inside a place or a title.
            if previous.key == PupilNameWords.of, start >= 2, !previous.flags.contains(.lineBreakBefore) {
                let before = tokens[start - 2]
                if isCapitalised(before), !before.flags.contains(.sentenceStart), !isHeading, !before.flags.contains(.possessive) {
                    return false
                }
            }
        }
        // "Oscar-worthy", "Oscar-nominated": the first part of a hyphenated word, not a name
        // (but "Oscar-led" is Oscar).
        if end + 1 < tokens.count, tokens[end].key == PupilNameWords.hyphen, !tokens[end].flags.contains(.spaceBefore),
           tokens[end + 1].kind == .word, !tokens[end + 1].flags.contains(.spaceBefore), !isCapitalised(tokens[end + 1]),
           !PupilNameWords.agentParticiples.contains(tokens[end + 1].key) {
            return false
        }
        // Dates: "in May", "12 May", "May 2026", "early June".
        if PupilNameWords.months.contains(first.key) {
            if let previous, previous.kind == .number || (previous.kind == .word && PupilNameWords.datePrepositions.contains(previous.key)) {
                return false
            }
            if let next, next.kind == .number { return false }
        }
        // A modal verb opening a question: "Will you…?", "May I…?".
        if PupilNameWords.modals.contains(first.key), first.flags.contains(.sentenceStart) || previous?.kind != .word,
           sentenceEndsWithQuestion(from: end) {
            return false
        }
        // A chapter and verse: "Matthew 25:35".
        if let next, next.kind == .number, block.text(of: next).contains(":") { return false }
        if isAmbiguous(first, single: end - start == 1) {
            // Alt text describes a photo: a name opening it ("Ivy and Daisy with a snail") is a name.
            let opensSentence = first.flags.contains(.sentenceStart) && block.block.kind != .imageAlt
            if opensSentence || first.flags.contains(.allUppercase)
                || (isTitleCase(around: start) && !isListedWithOtherNames(start, end))
                || (isTitleLike(first) && isTitleCaseQuotation(around: start)) {
                return false
            }
            // "our Christian values": after a possessive, an ambiguous name is an adjective or a noun.
            if start > 0, tokens[start - 1].kind == .word, PupilNameWords.possessives.contains(tokens[start - 1].key) {
                return false
            }
        }
        return true
    }

    /// "Carys, Gethin and Sky at Malham Cove": next to another roster name across a comma, "and" or
    /// "&", an ambiguous name is one of a list of people, whatever the capitals of the line say.
    private func isListedWithOtherNames(_ start: Int, _ end: Int) -> Bool {
        func isOtherName(_ index: Int) -> Bool {
            index >= 0 && index < tokens.count && isCapitalised(tokens[index]) && automaton.trie.canStart(with: tokens[index])
        }
        if start >= 2, PupilNameWords.listJoiners.contains(tokens[start - 1].key), isOtherName(start - 2) { return true }
        if end + 1 < tokens.count, PupilNameWords.listJoiners.contains(tokens[end].key), isOtherName(end + 1) { return true }
        return false
    }

    private func isAmbiguous(_ token: Token, single: Bool) -> Bool {
        guard single else { return false }
        return PupilNameWords.commonWordNames.contains(token.key) || token.normalizedRange.count <= 2
            || lowercaseWords.contains(token.key)
    }

    // MARK: Context

    private func isCapitalised(_ token: Token) -> Bool {
        token.kind == .word && (token.flags.contains(.capitalized) || token.flags.contains(.allUppercase))
    }

    private func hasCapitalisedWord(in range: Range<Int>) -> Bool {
        range.contains { isCapitalised(tokens[$0]) }
    }

    /// "Mrs Patel", "Mr. Whitfield", "Miss Grace".
    private func hasTitle(before start: Int) -> Bool {
        var index = start - 1
        if index >= 0, tokens[index].key == PupilNameWords.period { index -= 1 }
        guard index >= 0, tokens[index].kind == .word else { return false }
        return PupilNameWords.titles.contains(tokens[index].key)
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
