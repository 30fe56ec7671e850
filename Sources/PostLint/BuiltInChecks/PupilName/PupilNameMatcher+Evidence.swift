/// The evidence `PupilNameMatcher` reads around a proposed name: cues, lists, year groups, titles,
/// capitals and quotations. Most helpers read a bounded number of tokens; `isTitleCase` reads the
/// name's line and is asked once per line (`candidates` caches it); `isTitleCaseQuotation` reads the
/// quotation around a title-like name.
extension PupilNameMatcher {
    /// The name is all a quotation holds: “Myfanwy”, "Afon" (a song's or a poem's title).
    func isWholeQuotation(_ index: Int) -> Bool {
        guard index > 0, index + 1 < tokens.count else { return false }
        return PupilNameWords.quotationMarks.contains(tokens[index - 1].key)
            && PupilNameWords.quotationMarks.contains(tokens[index + 1].key)
    }

    /// How many capitalised words that are not roster names the name is listed with, across commas,
    /// "and" or "&": up to two on each side ("Reuben, Simeon, Levi").
    /// With `skippingWordNames`, names that are also words ("Faith, Hope, Kindness, Courage") are passed
    /// over rather than ending the list (at most eight items each way).
    func otherCapitalisedWordsListed(_ start: Int, _ end: Int, skippingWordNames: Bool = false) -> Int {
        /// 1: a capitalised word that is no name; 0: a name that is also a word, passed over; nil: the list ends.
        func item(_ index: Int) -> Int? {
            guard index >= 0, index < tokens.count, isCapitalised(tokens[index]),
                  !PupilNameVocabulary.titles.contains(tokens[index].key) else { return nil }
            // ("St Clement": a saint or a place, though a pupil is called Clement.)
            if !names.canStart(tokens[index], normalized) || (index > 0 && isTitleWord(tokens[index - 1])) {
                return 1
            }
            return skippingWordNames && isAmbiguous(tokens[index]) ? 0 : nil
        }
        var count = 0
        var index = start
        var steps = 0
        // An item may be two or three words: "Grouville, St Martin, St Clement and Trinity".
        while count < 2, steps < 8, index >= 2, PupilNameWords.listJoiners.contains(tokens[index - 1].key), let found = item(index - 2) {
            count += found
            index -= 2
            var words = 1
            while words < 3, index >= 1, isCapitalised(tokens[index - 1]), !tokens[index].flags.contains(.lineBreakBefore) {
                index -= 1
                words += 1
            }
            steps += 1
        }
        index = end
        steps = 0
        while count < 4, steps < 8, index + 1 < tokens.count, PupilNameWords.listJoiners.contains(tokens[index].key), let found = item(index + 1) {
            count += found
            index += 2
            var words = 1
            while words < 3, index < tokens.count, isCapitalised(tokens[index]), !tokens[index].flags.contains(.lineBreakBefore) {
                index += 1
                words += 1
            }
            steps += 1
        }
        return count
    }

    /// "families from Kerry, Clare, Mayo and Donegal": a list of one-word items after "from" or a word
    /// of place ("in", "across"), two or more of them capitalised words that are no roster names.
    func isInListOfPlaces(_ start: Int) -> Bool {
        var first = start
        var steps = 0
        while steps < 8, first >= 2, PupilNameWords.listJoiners.contains(tokens[first - 1].key), isCapitalised(tokens[first - 2]),
              !tokens[first - 1].flags.contains(.lineBreakBefore) {
            first -= 2
            steps += 1
        }
        guard first >= 1 else { return false }
        // After "from" two places that are no pupils' names; after "in", "across"…, one ("said differently in
        // Lewis, Uist and Barra").
        let needed: Int
        if tokens[first - 1].key == PupilNameWords.from { needed = 2 }
        else if PupilNameWords.placePrepositions.contains(tokens[first - 1].key) { needed = 1 }
        else { return false }
        var others = 0
        var index = first
        steps = 0
        while steps < 10, index < tokens.count, isCapitalised(tokens[index]) {
            if !names.canStart(tokens[index], normalized) { others += 1 }
            guard index + 2 < tokens.count, PupilNameWords.listJoiners.contains(tokens[index + 1].key),
                  !tokens[index + 2].flags.contains(.lineBreakBefore) else { break }
            index += 2
            steps += 1
        }
        return others >= needed && index > first
    }

    /// Whether only punctuation comes before `index` on its line ("Calum Ross<br>", "author: Calum Ross").
    func startsLine(_ index: Int) -> Bool {
        var position = index
        while position > 0, !tokens[position].flags.contains(.lineBreakBefore) {
            if tokens[position - 1].kind != .punctuation { return false }
            position -= 1
        }
        return true
    }

    /// Nothing but punctuation follows on the name's line.
    func endsLine(_ end: Int) -> Bool {
        var index = end
        while index < tokens.count, !tokens[index].flags.contains(.lineBreakBefore) {
            if tokens[index].kind != .punctuation { return false }
            index += 1
        }
        return true
    }

    func isAmbiguous(_ token: Token) -> Bool {
        PupilNameVocabulary.commonWordNames.contains(token.key) || token.normalizedRange.count <= 2
            || (!informal && isCapitalised(token) && lowercaseWords.contains(token.key))
    }

    /// A word that may be a name here: capitalised, or any word in a post written in lower case.
    func isNameLike(_ token: Token) -> Bool {
        isCapitalised(token) || (informal && token.kind == .word)
    }

    /// "Carys, Gethin and Sky at Malham Cove": the keys of other roster names next to this one across
    /// a comma, "and" or "&" — a list of people, whatever the capitals of the line say.
    func namesListed(with start: Int, _ end: Int) -> [UInt64] {
        func otherName(_ index: Int) -> UInt64? {
            // ("St Clement and Trinity": a saint's or a parish's name, not a pupil listed.)
            guard index >= 0, index < tokens.count, isNameLike(tokens[index]), names.canStart(tokens[index], normalized),
                  index == 0 || !isTitleWord(tokens[index - 1])
            else { return nil }
            return tokens[index].key
        }
        var keys: [UInt64] = []
        if start >= 2, PupilNameWords.nameJoiners.contains(tokens[start - 1].key), let key = otherName(start - 2) { keys.append(key) }
        var after = end
        // "Summer (2), Skye and Faith": a count in brackets after a name in a list of scorers.
        if after + 3 < tokens.count, tokens[after].key == PupilNameWords.openingBracket, tokens[after + 1].kind == .number,
           tokens[after + 2].key == PupilNameWords.closingBracket {
            after += 3
        }
        if after + 1 < tokens.count, PupilNameWords.nameJoiners.contains(tokens[after].key), let key = otherName(after + 1) { keys.append(key) }
        return keys
    }

    /// A cue from `name-child-cues` ending right before `start`, punctuation between them skipped
    /// ("Star of the Week: Sky", "Well done to Rose").
    func hasChildCue(before start: Int) -> Bool {
        if hasDirectChildCue(before: start) { return true }
        return !isCapitalised(tokens[start]) && (continuesCuedListInLowerCase(start) || isInListOfPupilsInLowerCase(start))
    }

    /// "welcome to juniper, oak and bay": a name in lower case listed after one that a cue introduced and
    /// that is no ordinary word (so not "shout out to art and joy").
    func continuesCuedListInLowerCase(_ start: Int) -> Bool {
        var index = start
        for _ in 0..<8 {
            guard index >= 2, tokens[index - 1].key == PupilNameWords.comma || PupilNameWords.andWords.contains(tokens[index - 1].key)
            else { return false }
            var item = index - 2
            // ("oak, and bay")
            if tokens[item].key == PupilNameWords.comma, item >= 1 { item -= 1 }
            guard tokens[item].kind == .word, !isCapitalised(tokens[item]), names.canStart(tokens[item], normalized) else { return false }
            if hasDirectChildCue(before: item) { return !isAmbiguous(tokens[item]) }
            index = item
        }
        return false
    }

    /// "hope, bishal and eppy were brilliant at spotting", "sky and jewel painted": two or more roster
    /// forenames in lower case listed together, at least one no ordinary word, and a verb after the
    /// list, or their class ("leo and mason from P6 came as"). (A class story written in lower case names
    /// its children so.)
    func isInListOfPupilsInLowerCase(_ index: Int) -> Bool {
        guard !informal, tokens[index].kind == .word, !isCapitalised(tokens[index]) else { return false }
        func isJoiner(_ at: Int) -> Bool { tokens[at].key == PupilNameWords.comma || PupilNameWords.andWords.contains(tokens[at].key) }
        var first = index
        while first >= 2, first > index - 12, isJoiner(first - 1), tokens[first - 2].kind == .word, !isCapitalised(tokens[first - 2]) {
            first -= 2
        }
        var last = index
        while last + 2 < tokens.count, last < index + 12, isJoiner(last + 1), tokens[last + 2].kind == .word,
              !isCapitalised(tokens[last + 2]) {
            last += 2
        }
        guard last > first, last + 1 < tokens.count else { return false }
        let after = tokens[last + 1]
        let classAfter = (after.key == PupilNameWords.from || after.key == PupilNameWords.in) && isYearGroup(at: last + 2)
        guard after.kind == .word, !isCapitalised(after),
              PupilNameWords.auxiliaries.contains(after.key) || PupilNameVocabulary.childActions.contains(after.key)
                || PupilNameWords.copulas.contains(after.key) || classAfter else { return false }
        var plain = false
        for item in stride(from: first, through: last, by: 2) {
            guard names.canStart(tokens[item], normalized) else { return false }
            if !isAmbiguous(tokens[item]) { plain = true }
        }
        return plain
    }

    private func hasDirectChildCue(before start: Int) -> Bool {
        // A cell under "Star of the Week", "Pupil", "Winner".
        if column == .children { return true }
        if hasCadetRank(before: start) { return true }
        var end = start
        while end > 0, end > start - 3, tokens[end - 1].kind == .punctuation { end -= 1 }
        // "Star of the Week is Oliver", "The winners are Rose and Ivy".
        if end > 0, PupilNameWords.copulas.contains(tokens[end - 1].key) { end -= 1 }
        guard end > 0 else { return false }
        // "P5 – Grace", "Year 6: Rose", "7BTO Jude". (Not the roster's class after its year: "Blwyddyn 3 – Celyn".)
        if isYearGroup(at: end - 1) || (end >= 2 && isYearGroup(at: end - 2) && tokens[end - 1].kind == .number) {
            return !names.isGroupWord(tokens[start], normalized)
        }
        // "Curlew - Hope", "Oak: Ivy": one of the roster's classes, a dash or a colon, then a child.
        if end < start, PupilNameWords.definitionMarks.contains(tokens[end].key), isCapitalised(tokens[end - 1]),
           names.isGroupWord(tokens[end - 1], normalized) {
            return true
        }
        // "Joseph – Angel", "The Star – Star": a cast list, a part opening the line, a dash, the child who
        // plays it ending the line.
        if end < start, PupilNameWords.dashes.contains(tokens[end].key), isCastLine(partEnd: end, nameStart: start) { return true }
        // "Mary was played by Mary Grace, Joseph by thabo": a part credited as the sentence began.
        if tokens[end - 1].key == PupilNameWords.by, isGappedPartCredit(before: end - 1) { return true }
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

    /// A part of one to four capitalised words (or "the") from the start of the line up to `partEnd`,
    /// and the name from `nameStart` to the end of the line.
    private func isCastLine(partEnd: Int, nameStart: Int) -> Bool {
        var index = partEnd - 1
        var words = 0
        while index >= 0, words < 4 {
            let token = tokens[index]
            guard token.kind == .word, isCapitalised(token) || token.key == PupilNameWords.the else { return false }
            words += 1
            if index == 0 || token.flags.contains(.lineBreakBefore) { break }
            index -= 1
        }
        guard words > 0, index >= 0, index == 0 || tokens[index].flags.contains(.lineBreakBefore) else { return false }
        var after = nameStart + 1
        while after < tokens.count, tokens[after].kind == .word, isCapitalised(tokens[after]), !tokens[after].flags.contains(.lineBreakBefore) {
            after += 1
        }
        return after == tokens.count || tokens[after].flags.contains(.lineBreakBefore)
    }

    /// Whether an earlier "played by" in the sentence credits this "by" too: "Mary was played by Mary
    /// Grace, Joseph by thabo, the innkeeper by Kit".
    private func isGappedPartCredit(before by: Int) -> Bool {
        var index = by - 1
        while index >= 1, index >= by - 40 {
            let key = tokens[index].key
            if PupilNameWords.sentenceEnds.contains(key) { return false }
            if key == PupilNameWords.by, PupilNameWords.partVerbs.contains(tokens[index - 1].key) { return true }
            index -= 1
        }
        return false
    }

    /// Alt text that opens with the name and what they are doing: "Amar playing the tabla". A photo shows
    /// someone alive; a figure of the past is not photographed (and a figure of faith, often played in a
    /// nativity, is left to the usual evidence).
    func isPhotographedDoing(_ start: Int, _ end: Int) -> Bool {
        guard block.block.kind == .imageAlt, start == 0, end < tokens.count, tokens[end].kind == .word, !isCapitalised(tokens[end]),
              !PupilNameVocabulary.religiousFigures.contains(tokens[start].key) else { return false }
        let word = block.block.text[tokens[end].range]
        return word.count > 4 && word.suffix(3).elementsEqual("ing".utf8)
    }

    /// "Our Star, Marina, didn't stop twinkling": a child named between commas after the part they
    /// played, the sentence going on in lower case (a list of things would go on with another item).
    func isAppositionToPart(_ start: Int, _ end: Int) -> Bool {
        start >= 3 && end + 1 < tokens.count && tokens[start - 1].key == PupilNameWords.comma && isCapitalised(tokens[start - 2])
            && PupilNameWords.possessives.contains(tokens[start - 3].key) && tokens[end].key == PupilNameWords.comma
            && tokens[end + 1].kind == .word && !isCapitalised(tokens[end + 1])
    }

    /// A title of an adult or a figure ("Mrs", "St", "Queen"): the name after it is no pupil's.
    func isTitleWord(_ token: Token) -> Bool {
        PupilNameVocabulary.titles.contains(token.key) || PupilNameVocabulary.figureTitles.contains(token.key)
    }

    /// "so dark that Ravi and Tegh held on", "proud that Daya spoke": "that" joining a clause whose
    /// subject is the name, not pointing at a thing ("that Summer", "that May").
    func opensClauseAfterThat(_ start: Int, _ end: Int) -> Bool {
        guard start > 0, tokens[start - 1].key == PupilNameWords.that, end < tokens.count,
              !PupilNameVocabulary.calendarWords.contains(tokens[start].key) else { return false }
        if PupilNameWords.andWords.contains(tokens[end].key), end + 1 < tokens.count, isCapitalised(tokens[end + 1]) { return true }
        return hasActionOrYear(after: end) || hasPastTense(after: end, name: tokens[end - 1])
    }

    /// "Eve from Puffins", "Amari from Dahl class", "Bríd from 10B2": a child named by their class.
    func hasClass(after end: Int) -> Bool {
        var end = end
        // "Eve, from 5 Curlew": set off by a comma.
        if end + 2 < tokens.count, tokens[end].key == PupilNameWords.comma, tokens[end + 1].key == PupilNameWords.from { end += 1 }
        // "Isaac and Jude from 8 Osprey": the class of a pair is each one's.
        if end + 3 < tokens.count, PupilNameWords.andWords.contains(tokens[end].key), isCapitalised(tokens[end + 1]),
           !tokens[end + 1].flags.contains(.lineBreakBefore), tokens[end + 2].key == PupilNameWords.from {
            end += 2
        }
        guard end + 1 < tokens.count, tokens[end].key == PupilNameWords.from || tokens[end].key == PupilNameWords.in
                || tokens[end].key == PupilNameWords.irishIn else { return false }
        let next = tokens[end + 1]
        if isYearGroup(at: end + 1) || names.isGroupWord(next, normalized) { return true }
        // "Iman from 9 Khadijah".
        if next.kind == .number, end + 2 < tokens.count, isFormName(at: end + 2) { return true }
        return end + 2 < tokens.count && PupilNameWords.classWords.contains(tokens[end + 2].key) && isCapitalised(next)
    }

    /// A capitalised surname alone, not after a title or another capitalised word, with a verb right
    /// after it: "Sharp added a second".
    func isSurnameAloneDoingSomething(_ start: Int) -> Bool {
        let token = tokens[start]
        guard isCapitalised(token), !token.flags.contains(.allUppercase), !token.flags.contains(.possessive),
              hasTitle(before: start) == nil else { return false }
        if start > 0, !tokens[start].flags.contains(.lineBreakBefore) {
            // "Angus Stirling", "the University of Stirling found", "in Stirling".
            let previous = tokens[start - 1].key
            if isCapitalised(tokens[start - 1]) || previous == PupilNameWords.of || PupilNameWords.determiners.contains(previous)
                || PupilNameWords.placePrepositions.contains(previous) { return false }
        }
        guard start + 1 < tokens.count, tokens[start + 1].kind == .word, !tokens[start + 1].flags.contains(.lineBreakBefore)
        else { return false }
        return PupilNameVocabulary.childActions.contains(tokens[start + 1].key) || hasPastTense(after: start + 1, name: token)
    }

    /// A year group in brackets right after the name, "Calum (S2)", "Ruby (Year 4)": what a post writes
    /// only of a child, so enough against an adult or a thing of the same name.
    /// "our value this term is Hope", "Our Christian value for the spring term: Faith": a value, a theme
    /// or a motto named after "is", a colon or a dash, with its noun at most six words before.
    func isNamedByDefiningNoun(before start: Int) -> Bool {
        guard start >= 2 else { return false }
        let link = tokens[start - 1]
        // "our Christian value of Hope" as well as "our value is Hope".
        if link.key == PupilNameWords.of, PupilNameWords.definingNouns.contains(tokens[start - 2].key) { return true }
        guard PupilNameWords.copulas.contains(link.key) || PupilNameWords.definitionMarks.contains(link.key) else { return false }
        var index = start - 2
        while index >= 0, index >= start - 8 {
            if PupilNameWords.definingNouns.contains(tokens[index].key) { return true }
            if tokens[index].flags.contains(.sentenceStart) || tokens[index + 1].flags.contains(.lineBreakBefore) { return false }
            index -= 1
        }
        return false
    }

    /// One year only: "Wren (Reception & Year 1)" is a class. A registration group from the roster
    /// will do too: "Storm (R Sence)", "Zainab Osman (2 Derwent)".
    func hasBracketedYearGroup(after end: Int) -> Bool {
        guard end + 1 < tokens.count, tokens[end].key == PupilNameWords.openingBracket else { return false }
        var named = false
        var index = end + 1
        while index < tokens.count, index < end + 5 {
            if tokens[index].key == PupilNameWords.closingBracket { return named }
            if isYearGroup(at: index) || (tokens[index].kind == .word && names.isGroupWord(tokens[index], normalized)) {
                named = true
            } else if index == end + 2, tokens[end + 1].kind == .number, isFormName(at: index) {
                // "(8 Fatimah)": a form named by its year and a name.
                named = true
            } else if index == end + 1 || tokens[index].kind == .punctuation || PupilNameWords.andWords.contains(tokens[index].key) {
                // A year group or form opens the brackets ("(Year 4)", "(2 Derwent)"), or nothing does.
                guard index == end + 1, tokens[index].kind == .number else { return false }
            }
            index += 1
        }
        return false
    }

    /// A year group or form right after `end`, punctuation skipped: "– y10 girls", "(Year 4)".
    func hasYearGroup(after end: Int) -> Bool {
        var index = end
        while index < tokens.count, index < end + 2, tokens[index].kind == .punctuation { index += 1 }
        return isYearGroup(at: index)
    }

    /// A year group or form at `index`: "Year 4", "Reception", "P5", "Y8", "S3", "7BTO", "10B2".
    /// A name in lower case right before one of `name-child-actions`, as the subject: "zayn won AGAIN",
    /// "- asha spotted a kingfisher".
    func isDoingSomethingInLowerCase(_ end: Int) -> Bool {
        guard end < tokens.count, tokens[end].kind == .word, !isCapitalised(tokens[end]), !tokens[end - 1].flags.contains(.possessive),
              opensClauseInLowerCase(end - 1) else { return false }
        return PupilNameVocabulary.childActions.contains(tokens[end].key)
    }

    /// Whether the word at `index` opens a clause: after punctuation, a bullet, an emoji or the line's
    /// start, or after ", and" (not "ivy and moss carried in", a list of things; not a modal, "you can read").
    func opensClauseInLowerCase(_ index: Int) -> Bool {
        guard !PupilNameWords.modals.contains(tokens[index].key) else { return false }
        if index == 0 || tokens[index].flags.contains(.lineBreakBefore) || tokens[index - 1].kind != .word { return true }
        return index >= 2 && PupilNameWords.andWords.contains(tokens[index - 1].key) && tokens[index - 2].key == PupilNameWords.comma
    }

    /// "goals from justice (2)", "shoutout to mason (2 tries!!)": a player's count in brackets right after
    /// a name written in lower case.
    func hasCountInBrackets(after end: Int) -> Bool {
        end + 2 < tokens.count && tokens[end].key == PupilNameWords.openingBracket && !tokens[end].flags.contains(.lineBreakBefore)
            && tokens[end + 1].kind == .number
            && (tokens[end + 2].key == PupilNameWords.closingBracket || tokens[end + 2].kind == .word)
    }

    /// "scarlett – Year 3/4 girls", "sonny (Year 5)": a year group right after the name, past a dash,
    /// a comma or a bracket.
    func hasYearGroupAfter(_ end: Int) -> Bool {
        var index = end
        while index < tokens.count, index < end + 2, tokens[index].kind == .punctuation { index += 1 }
        return index > end && index < tokens.count && !tokens[index].flags.contains(.lineBreakBefore) && isYearGroup(at: index)
    }

    func isYearGroup(at index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        if token.key == PupilNameWords.year || token.key == PupilNameWords.yr || PupilNameWords.yearWords.contains(token.key) {
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

    /// A verb in the past tense right after the name, in lower case ("Willow wandered", "Angel iced"):
    /// a regular past tense beyond the list of actions. Not after a month, a season or a figure of faith.
    func hasPastTense(after end: Int, name: Token) -> Bool {
        // Months and seasons do things too ("Summer arrived"), and scripture is told in the past tense.
        guard end < tokens.count, !PupilNameVocabulary.calendarWords.contains(name.key),
              !PupilNameVocabulary.religiousFigures.contains(name.key) else { return false }
        let next = tokens[end]
        guard next.kind == .word, !isCapitalised(next), !next.flags.contains(.lineBreakBefore) else { return false }
        let bytes = block.block.text[next.range]
        guard bytes.count >= 5, bytes.last == UInt8(ascii: "d"), bytes[bytes.index(before: bytes.endIndex) - 1] == UInt8(ascii: "e")
        else { return false }
        return !PupilNameWords.notPastTense.contains(next.key)
    }

    /// "Denver was thrilled", "Robin was very excited", "gabija was 5th": a feeling or a placing, said
    /// of a person (not "has helped": adults do things too). Not after a month, a season or a figure of faith.
    func hasStateOrResult(after end: Int, name: Token, feelingOnly: Bool = false) -> Bool {
        guard end + 1 < tokens.count, !PupilNameVocabulary.calendarWords.contains(name.key),
              !PupilNameVocabulary.religiousFigures.contains(name.key), !tokens[end].flags.contains(.lineBreakBefore) else { return false }
        let verb = tokens[end].key
        var index = end + 1
        guard PupilNameWords.stateVerbs.contains(verb) else { return false }
        if tokens[index].kind == .number {
            if feelingOnly { return false }
            // "was 5th", "was 3rd": a placing.
            let text = block.block.text[tokens[index].range]
            return text.count >= 3 && (text.last == UInt8(ascii: "h") || text.last == UInt8(ascii: "d") || text.last == UInt8(ascii: "t"))
        }
        // "Storm was first to find a starfish", "was the last to finish": a placing in a race or a hunt.
        if !feelingOnly, index + 2 < tokens.count {
            let ordinal = tokens[index].key == PupilNameWords.the ? index + 1 : index
            if ordinal + 1 < tokens.count, PupilNameWords.placings.contains(tokens[ordinal].key), tokens[ordinal + 1].key == PupilNameWords.to {
                return true
            }
        }
        if index + 1 < tokens.count, PupilNameWords.intensifiers.contains(tokens[index].key) { index += 1 }
        return PupilNameWords.feelings.contains(tokens[index].key)
    }

    /// "Robin has already learned where every welly goes and has appointed himself in charge of it":
    /// the name opening its sentence as the subject, and "he" or "she" later in the sentence with no
    /// other name in between. No room, house or class is "himself".
    func isReferredToAsPerson(_ start: Int, after end: Int) -> Bool {
        guard tokens[start].flags.contains(.sentenceStart) || tokens[start].flags.contains(.lineBreakBefore) || start == 0,
              end < tokens.count, tokens[end].kind == .word, !isCapitalised(tokens[end]),
              !tokens[end].flags.contains(.lineBreakBefore), !tokens[end - 1].flags.contains(.possessive) else { return false }
        var index = end
        while index < tokens.count, index < end + 25 {
            let token = tokens[index]
            if PupilNameWords.sentenceEnds.contains(token.key) || (index > end && token.flags.contains(.lineBreakBefore)) { return false }
            if token.kind == .word {
                if isCapitalised(token), !PupilNameWords.firstPersonI.contains(token.key) { return false }
                if PupilNameWords.personalPronouns.contains(token.key) { return true }
            }
            index += 1
        }
        return false
    }

    /// "Rose scored", "Hope, who…", "Sky (Year 4)", "Sky, Year 4", "Grace as Mary": someone doing
    /// something, or a pupil's year.
    func hasActionOrYear(after end: Int) -> Bool {
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
        if isCastAs(after: end) { return true }
        return (key == PupilNameWords.year || key == PupilNameWords.yr) && index + 1 < tokens.count && tokens[index + 1].kind == .number
    }

    /// An auxiliary right after the name on its line: "Sunny goes on", "Rocky has taken on".
    func isSubjectOfClause(_ end: Int) -> Bool {
        end < tokens.count && PupilNameWords.auxiliaries.contains(tokens[end].key) && !tokens[end].flags.contains(.lineBreakBefore)
    }

    /// "Treasure as Long John Silver", "Grace as Mary", "Mungo, as a very convincing Gruffalo": a child in
    /// a part or a costume.
    func isCastAs(after end: Int) -> Bool {
        var index = end < tokens.count && tokens[end].key == PupilNameWords.comma ? end + 1 : end
        guard index + 1 < tokens.count, tokens[index].key == PupilNameWords.as else { return false }
        index += 1
        if PupilNameWords.indefiniteArticles.contains(tokens[index].key) {
            // Up to two words describing the part: "as a very convincing Gruffalo".
            index += 1
            var described = 0
            while index < tokens.count, described < 2, tokens[index].kind == .word, !isCapitalised(tokens[index]) {
                index += 1
                described += 1
            }
        }
        return index < tokens.count && isCapitalised(tokens[index]) && !tokens[index].flags.contains(.sentenceStart)
            && !tokens[index].flags.contains(.lineBreakBefore)
    }

    // MARK: Context

    func isCapitalised(_ token: Token) -> Bool {
        token.kind == .word && (token.flags.contains(.capitalized) || token.flags.contains(.allUppercase))
    }

    func hasCapitalisedWord(in range: Range<Int>) -> Bool {
        range.contains { isCapitalised(tokens[$0]) }
    }

    /// `honorific`: "Mr Kai Morgan", "Councillor Zainab Hassan" (an adult, who is then "Mr Morgan",
    /// never "Kai", so the forename alone keeps its weight); `adult`: "author Rowan Tremayne", "Coach
    /// Jay" (an adult the post may go on to call by the forename).
    enum Title { case honorific, adult, figure }

    /// "Mrs Patel", "Mr. Whitfield", "Miss Grace", "Brother Luke" (an adult); "St Bede", "Storm Bert" (a figure).
    func hasTitle(before start: Int) -> Title? {
        var index = start - 1
        var afterFullStop = false
        if index >= 0, tokens[index].key == PupilNameWords.period {
            index -= 1
            afterFullStop = true
        }
        guard index >= 0, tokens[index].kind == .word else { return nil }
        // A full stop ends a sentence unless it ends an abbreviation ("Mr. Patel", "St. Bede", "Revd. Ruth"):
        // "… to be an engineer. Iman from 9K was spotted" has no title.
        if afterFullStop, tokens[index].normalizedRange.count > 4, tokens[index].normalizedRange.count != 1 { return nil }
        // An initial between: "Mrs D. Mason", "Mr J Hughes".
        if tokens[index].normalizedRange.count == 1, isCapitalised(tokens[index]), index >= 1 {
            var before = index - 1
            if tokens[before].key == PupilNameWords.period, before >= 1 { before -= 1 }
            if tokens[before].kind == .word, PupilNameWords.honorifics.contains(tokens[before].key), isCapitalised(tokens[before]) {
                return .honorific
            }
        }
        // "Cadet Sergeant Oliver Sharpe", "Cpl Hunter" in a post about the CCF: a pupil's rank.
        if PupilNameWords.cadetRanks.contains(tokens[index].key), speaksOfCadets { return nil }
        if PupilNameVocabulary.figureTitles.contains(tokens[index].key) { return .figure }
        // "Little Amal", "Little John": a figure known by it, with its capital (not "our little Amal").
        if tokens[index].key == PupilNameWords.little, isCapitalised(tokens[index]) { return .figure }
        // "big brother Luke": a kinship or job word is a title only with its capital, or for a job after
        // "our" or "the" ("our coach Setanta", "the chef Amir").
        if PupilNameWords.titlesOnlyCapitalised.contains(tokens[index].key), !isCapitalised(tokens[index]) {
            guard PupilNameWords.lowerCaseJobTitles.contains(tokens[index].key), index >= 1,
                  PupilNameWords.roleDeterminers.contains(tokens[index - 1].key) else { return nil }
            return .adult
        }
        guard PupilNameVocabulary.titles.contains(tokens[index].key) else { return nil }
        // "Year 10 engineer Lukáš Červeňák", "Y6 author Amara Obi": a pupil's role after their year group.
        if !isCapitalised(tokens[index]), index >= 1, isYearGroup(at: index - 1) || (index >= 2 && isYearGroup(at: index - 2)) {
            return nil
        }
        return PupilNameWords.honorifics.contains(tokens[index].key) ? .honorific : .adult
    }

    func sentenceEndsWithQuestion(from index: Int) -> Bool {
        var index = index
        while index < tokens.count {
            let token = tokens[index]
            if token.key == PupilNameWords.questionMark { return true }
            if PupilNameWords.sentenceEnds.contains(token.key) || token.flags.contains(.sentenceStart) { return false }
            index += 1
        }
        return false
    }

    /// A relative of the child right after the name: "Mason's uncle", "Diya and her mum".
    func hasRelative(after end: Int) -> Bool {
        guard end < tokens.count else { return false }
        if tokens[end - 1].flags.contains(.possessive) { return PupilNameWords.relatives.contains(tokens[end].key) }
        return end + 2 < tokens.count && PupilNameWords.andWords.contains(tokens[end].key)
            && PupilNameWords.personalPossessives.contains(tokens[end + 1].key) && PupilNameWords.relatives.contains(tokens[end + 2].key)
    }

    /// A quoted or emphasised span followed by "by" and a name: "*Matilda* by Roald Dahl".
    func isCreditedTitle(at index: Int) -> Bool {
        var after = index + 1
        while after < tokens.count, isTitleLike(tokens[after]), after - index < 12 { after += 1 }
        while after < tokens.count, tokens[after].kind == .punctuation, PupilNameWords.quotationMarks.contains(tokens[after].key) { after += 1 }
        return after + 1 < tokens.count && !isTitleLike(tokens[after]) && tokens[after].key == PupilNameWords.by
            && isCapitalised(tokens[after + 1])
    }

    /// "including *Heidi*, *Anne of Green Gables* and *The Hunger Games*": a name that is a whole italic
    /// or quoted span, listed beside another such span that starts with a word no pupil is called.
    func isListedWithTitles(_ index: Int) -> Bool {
        let isWholeSpan = (index == 0 || !isTitleLike(tokens[index - 1])) && (index + 1 == tokens.count || !isTitleLike(tokens[index + 1]))
        guard isWholeSpan else { return false }
        func titleStarts(_ position: Int) -> Bool {
            position >= 0 && position < tokens.count && isTitleLike(tokens[position]) && isCapitalised(tokens[position])
                && !names.canStart(tokens[position], normalized)
        }
        if index + 2 < tokens.count, PupilNameWords.listJoiners.contains(tokens[index + 1].key), titleStarts(index + 2) { return true }
        guard index >= 2, PupilNameWords.listJoiners.contains(tokens[index - 1].key) else { return false }
        // The span before ends at index - 2: find where it starts.
        var start = index - 2
        while start > 0, isTitleLike(tokens[start - 1]), index - start < 12 { start -= 1 }
        return titleStarts(start)
    }

    /// An Irish initial mutation of a capitalised word, "dTír", "nÓg", "bhFear", "hÉireann": after a
    /// connector it continues a proper name as a capital would.
    func isMutatedCapital(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        let text = block.text(of: token)
        guard let firstUpper = text.firstIndex(where: { $0.isUppercase }) else { return false }
        let prefix = text[..<firstUpper]
        return (1...2).contains(prefix.count) && prefix.allSatisfy { $0.isLowercase }
    }

    /// Quoted, emphasised or cited: where titles are written.
    /// Quoted, italic or cited: how titles of works are set (a bold span is more often children singled
    /// out: "relay team of **Priya, Rahma, Destiny and Shannon**").
    func isTitleLike(_ token: Token) -> Bool {
        token.flags.contains(.quoted) || !token.contexts.isDisjoint(with: [.italic, .citation, .quotation])
    }

    /// A quoted or italic title ("“Faith, Hope and Love”", "“Joy to the World”", *Faith in
    /// Safeguarding*): the longer words of the span, the name aside, are capitalised.
    func isTitleCaseQuotation(around index: Int) -> Bool {
        var lower = index
        while lower > 0, isTitleLike(tokens[lower - 1]) { lower -= 1 }
        var upper = index
        while upper + 1 < tokens.count, isTitleLike(tokens[upper + 1]) { upper += 1 }
        var words = 0, capitalised = 0
        for position in lower...upper where position != index {
            let token = tokens[position]
            if token.kind == .word, token.normalizedRange.count >= 4, !PupilNameWords.longSmallWords.contains(token.key) {
                words += 1
                if isCapitalised(token) { capitalised += 1 }
            }
        }
        return words >= 1 && capitalised * 10 >= words * 6
    }

    var isHeading: Bool { block.block.kind == .heading || block.block.kind == .title }

    /// Most longer words on the line capitalised (the name itself, other roster names and sentence
    /// starts aside): a title-case heading, where capitals say nothing about names. Lines, not blocks,
    /// so that a heading is judged alone even by a reader that returns the whole file as one block.
    /// Other names do not count, or a list of pupils ("Carys, Gethin and Sky at the cove") would
    /// look like a heading.
    func isTitleCase(around index: Int) -> Bool {
        var lineStart = index
        while lineStart > 0, !tokens[lineStart].flags.contains(.lineBreakBefore) { lineStart -= 1 }
        var words = 0, capitalised = 0
        var position = lineStart
        while position < tokens.count, position == lineStart || !tokens[position].flags.contains(.lineBreakBefore) {
            let token = tokens[position]
            if position != index, token.kind == .word, token.normalizedRange.count >= 4, !token.flags.contains(.sentenceStart),
               !names.canStart(token, normalized) {
                words += 1
                if isCapitalised(token) { capitalised += 1 }
            }
            position += 1
        }
        // (Not a long sentence full of proper names: "… apprenticeships with Rolls-Royce, Siemens Mobility and Sheaf
        // Power Networks, and Holly is heading to Loughborough…" has three longer words in lower case.)
        return words >= 2 && capitalised * 10 >= words * 6 && words - capitalised <= 2
    }
}
