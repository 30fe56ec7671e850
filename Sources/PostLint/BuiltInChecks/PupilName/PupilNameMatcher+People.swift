/// Who a name alone is, read from the words around it: someone from an organisation, an adult set
/// beside a role, a baby, a speaker, pupils set beside "N of our pupils"; and names in Welsh and Irish
/// spellings (joined by "a", mutated). The rest of the evidence is in `PupilNameMatcher+Evidence`.
extension PupilNameMatcher {
    /// "from the Sallow Valley SSP", "o'r Urdd" right after the name: a visitor from an organisation,
    /// not a child from a class ("Eve from Puffins", "Ruby from the Owls class", "Amari from Year 3").
    func isFromOrganisation(after end: Int) -> Bool {
        guard end < tokens.count, !tokens[end - 1].flags.contains(.possessive) else { return false }
        var next = end + 1
        if tokens[end].key == PupilNameWords.from {
            // "Jade from a city-centre bank": someone from a place of work.
            if next + 1 < tokens.count, tokens[next].key == PupilNameWords.a || tokens[next].key == PupilNameWords.an,
               !isYearGroup(at: next + 1) {
                return true
            }
            guard next < tokens.count, tokens[next].key == PupilNameWords.the else { return false }
            next += 1
        } else if !PupilNameWords.fromThe.contains(tokens[end].key) {
            return false
        }
        guard next < tokens.count, tokens[next].kind == .word, isCapitalised(tokens[next]), !tokens[next].flags.contains(.lineBreakBefore),
              !isYearGroup(at: next), !names.isGroupWord(tokens[next], normalized) else { return false }
        for index in next..<min(tokens.count, next + 4) {
            let key = tokens[index].key
            if PupilNameWords.classWords.contains(key) || PupilNameWords.pupilRolePlurals.contains(key) { return false }
            // "from the School Council", "from the Eco Committee": the pupils' own body (not "the Parish Council").
            if PupilNameWords.pupilBodies.contains(key), index > next, PupilNameWords.pupilBodyKinds.contains(tokens[index - 1].key) { return false }
        }
        return true
    }

    /// "our lollipop man, Lucky", "Lucky, our school crossing patrol officer", "our gardener Ash": a name
    /// set beside an adult's role (not "our Head Girl, Ruby", nor "Ruby, our caretaker's daughter").
    func isBesideAdultRole(_ start: Int, _ end: Int) -> Bool {
        func isRole(_ index: Int) -> Bool {
            tokens[index].kind == .word && PupilNameWords.adultRoles.contains(tokens[index].key) && !tokens[index].flags.contains(.possessive)
        }
        // "the RNLI lifeguards, Kai and Shannon, who…": names listed after the role, the first or a later one.
        var item = start
        while item >= 3, start - item < 8 {
            let joiner = tokens[item - 1].key
            if joiner == PupilNameWords.comma, tokens[item - 2].kind == .word, !isCapitalised(tokens[item - 2]),
               PupilNameWords.adultRolePlurals.contains(tokens[item - 2].key) { return true }
            guard joiner == PupilNameWords.comma || PupilNameWords.andWords.contains(joiner), isCapitalised(tokens[item - 2]) else { break }
            item -= 2
        }
        // "Mrs Evans (Salote to many of you!)": an adult's forename in brackets after her title and surname
        // (not "Mr Marsh (Ivy and Sonny's dad)", "Mrs Bell (Rufus's mum)": the children).
        if start >= 3, tokens[start - 1].key == PupilNameWords.openingBracket, isCapitalised(tokens[start - 2]),
           PupilNameWords.honorifics.contains(tokens[start - 3].key), !tokens[end - 1].flags.contains(.possessive),
           end < tokens.count, tokens[end].key != PupilNameWords.comma, !PupilNameWords.andWords.contains(tokens[end].key) {
            var index = end
            while index < tokens.count, index < end + 12, tokens[index].key != PupilNameWords.closingBracket {
                if PupilNameWords.relatives.contains(tokens[index].key) { return false }
                index += 1
            }
            return true
        }
        if start >= 3, tokens[start - 1].key == PupilNameWords.comma, isRole(start - 2) {
            var index = start - 3
            while index >= 0, index >= start - 7, tokens[index].kind == .word {
                if PupilNameWords.roleDeterminers.contains(tokens[index].key) { return true }
                index -= 1
            }
        }
        // "with our gardener Ash", "the vicar Hope": a role only an adult holds, right before the name.
        if start >= 2, tokens[start - 1].kind == .word, PupilNameWords.adultOnlyRoles.contains(tokens[start - 1].key),
           !isCapitalised(tokens[start - 1]), !tokens[start - 1].flags.contains(.possessive),
           PupilNameWords.roleDeterminers.contains(tokens[start - 2].key)
            || (start >= 3 && tokens[start - 2].kind == .word && PupilNameWords.roleDeterminers.contains(tokens[start - 3].key)) {
            return true
        }
        if end + 2 < tokens.count, tokens[end].key == PupilNameWords.comma, PupilNameWords.roleDeterminers.contains(tokens[end + 1].key) {
            var index = end + 2
            while index < tokens.count, index <= end + 6, tokens[index].kind == .word {
                if isRole(index) { return true }
                if tokens[index].flags.contains(.possessive) { return false }
                index += 1
            }
        }
        return false
    }

    /// "Noor, Lucky and Faith, three of our deaf pupils, led…": names set beside "N of our pupils".
    func isApposedToPupils(after end: Int) -> Bool {
        var index = end
        let limit = min(tokens.count, end + 12)
        while index + 3 < limit {
            let key = tokens[index].key
            if PupilNameWords.sentenceEnds.contains(key) { return false }
            if key == PupilNameWords.comma, PupilNameWords.groupCounts.contains(tokens[index + 1].key),
               tokens[index + 2].key == PupilNameWords.of, PupilNameWords.roleDeterminers.contains(tokens[index + 3].key) {
                for word in (index + 4)..<min(tokens.count, index + 8) {
                    // ("Martin, one of our Year 6 school councillors,": a year group says so too.)
                    if PupilNameWords.pupilNouns.contains(tokens[word].key) || isYearGroup(at: word) { return true }
                    if tokens[word].kind != .word && tokens[word].kind != .number { return false }
                }
                return false
            }
            index += 1
        }
        return false
    }

    /// The keys of the words from `start` to `end`, punctuation left out ("J. K. Rowling" → j, k, rowling).
    func wordKeys(_ start: Int, _ end: Int) -> [UInt64] {
        tokens[start..<end].filter { $0.kind == .word }.map(\.key)
    }

    /// Whether the words from `start` to `end` are one of `name-well-known-people` ("Dylan Thomas").
    func isWellKnownPerson(_ start: Int, _ end: Int) -> Bool {
        // Almost no full name is one: turned away by the key of its words before any array is built.
        var key = PupilNameVocabulary.sequenceKeyBasis
        for index in start..<end where tokens[index].kind == .word {
            key = PupilNameVocabulary.sequenceKey(key, adding: tokens[index].key)
        }
        guard PupilNameVocabulary.wellKnownSequenceKeys.contains(key) else { return false }
        return PupilNameVocabulary.wellKnownPeople.contains(wordKeys(start, end))
    }

    /// After a quotation, the one who said it: "…to try," said Celyn. / meddai Celyn.
    func isSpeaker(before start: Int, end: Int) -> Bool {
        guard start >= 1, PupilNameWords.speechVerbs.contains(tokens[start - 1].key) else { return false }
        if end >= tokens.count || tokens[end].kind == .punctuation { return true }
        // "said Christian afterwards.", "said Grace proudly.": one word of how or when, then the clause ends.
        return tokens[end].kind == .word && !isCapitalised(tokens[end])
            && (end + 1 >= tokens.count || tokens[end + 1].kind == .punctuation)
    }

    /// The forename form `tokens[start]` is in a mutated spelling ("i Fabli", "a Shíofra"), if any, with
    /// the key of the unmutated word.
    func mutatedForename(at start: Int) -> (form: NameAutomaton.Form, key: UInt64)? {
        // Most capitalised words follow no trigger word: turned away before any spelling is built.
        let previous = tokens[start - 1].key
        guard PupilNameMutations.mutates(after: previous) else { return nil }
        let token = tokens[start]
        for spelling in PupilNameMutations.unmutated(normalized[token.normalizedRange], after: previous) {
            let unmutated = Token(kind: .word, range: token.range, normalizedRange: 0..<spelling.count,
                                  key: FNV.hash(spelling[...]), flags: token.flags, contexts: token.contexts)
            var found: NameAutomaton.Form?
            names.matches(in: [unmutated], spelling, from: 0) { end, form in
                if end == 1, form.kind == .forename, found == nil { found = form }
            }
            if let found { return (found, unmutated.key) }
        }
        return nil
    }

    /// "a" between two names: Welsh "and" ("Grace a Mali"), not an article.
    func isWelshAnd(before start: Int) -> Bool {
        guard start >= 2, tokens[start - 1].key == PupilNameWords.welshAnd else { return false }
        let before = tokens[start - 2]
        return before.kind == .word && isNameLike(before) && names.canStart(before, normalized)
    }

    /// "their baby boy, Gethin", "a newborn, Awel": a name given to a baby.
    func isNamedAsBaby(before start: Int) -> Bool {
        var index = start - 1
        var steps = 0
        while index >= 0, steps < 3 {
            let key = tokens[index].key
            if PupilNameWords.babies.contains(key) { return true }
            guard key == PupilNameWords.comma || PupilNameWords.babySexes.contains(key) else { return false }
            index -= 1
            steps += 1
        }
        return false
    }

    /// A role only an adult holds right before the name and its colon, or in brackets right after it:
    /// "Treasurer: Dara Kelly", "Dara Kelly (Cisteoir)".
    func hasOfficerRole(around start: Int, _ end: Int) -> Bool {
        if start >= 2, tokens[start - 1].key == PupilNameWords.colon {
            var index = start - 2
            if tokens[index].key == PupilNameWords.closingBracket, index >= 1 { index -= 1 }
            if PupilNameWords.officerRoles.contains(tokens[index].key) { return true }
        }
        return end + 2 < tokens.count && tokens[end].key == PupilNameWords.openingBracket
            && PupilNameWords.officerRoles.contains(tokens[end + 1].key) && tokens[end + 2].key == PupilNameWords.closingBracket
    }

    /// "a tortoise called Sonny", "our class hamster, named Biscuit": a pet's name.
    func isPetName(before start: Int) -> Bool {
        // "the robot Sky", "our class dog Bella".
        if start >= 1, PupilNameWords.animals.contains(tokens[start - 1].key), !isCapitalised(tokens[start - 1]) { return true }
        // "the two pet lambs, Storm and Sunny": names after the animals and a comma, the first or a later one.
        var first = start
        while first >= 2, PupilNameWords.listJoiners.contains(tokens[first - 1].key), tokens[first - 1].key != PupilNameWords.comma,
              isCapitalised(tokens[first - 2]), start - first < 8 {
            first -= 2
        }
        if first >= 2, tokens[first - 1].key == PupilNameWords.comma, PupilNameWords.animals.contains(tokens[first - 2].key),
           !isCapitalised(tokens[first - 2]) {
            return true
        }
        guard start >= 2, PupilNameWords.namingVerbs.contains(tokens[start - 1].key) else { return false }
        var index = start - 2
        if tokens[index].key == PupilNameWords.comma, index >= 1 { index -= 1 }
        return PupilNameWords.animals.contains(tokens[index].key)
    }

    /// "Honey, our new reading dog", "Honey the reading dog", "Biscuit (our class hamster)": the name
    /// and then what animal it is.
    func isPetNamed(after end: Int) -> Bool {
        var index = end
        if index < tokens.count, tokens[index].key == PupilNameWords.comma || tokens[index].key == PupilNameWords.openingBracket { index += 1 }
        guard index < tokens.count, PupilNameWords.articles.contains(tokens[index].key) || PupilNameWords.possessives.contains(tokens[index].key)
        else { return false }
        var word = index + 1
        while word < tokens.count, word <= index + 4, tokens[word].kind == .word, !isCapitalised(tokens[word]) {
            if PupilNameWords.animals.contains(tokens[word].key) { return true }
            word += 1
        }
        return false
    }

    /// Whether the name is a form's, named by its year and a name ("7 Khadijah", "(8 Fatimah)", "in 9
    /// Nusaybah"): a bare year number right before it, at the start of a line or after a bracket, a comma
    /// or a bullet, or "in", "from", "and" (not "Goals: 2 Hunter").
    func isFormName(at start: Int) -> Bool {
        guard start >= 1, tokens[start - 1].kind == .number, tokens[start].flags.contains(.spaceBefore),
              !tokens[start].flags.contains(.lineBreakBefore) else { return false }
        let number = block.block.text[tokens[start - 1].range]
        guard (1...2).contains(number.count), number.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = Int(String(decoding: number, as: UTF8.self)), (1...13).contains(value) else { return false }
        if start == 1 || tokens[start - 1].flags.contains(.lineBreakBefore) { return true }
        let before = tokens[start - 2]
        return PupilNameWords.formPrepositions.contains(before.key) || (before.kind != .word && before.flags.contains(.lineBreakBefore))
    }

    /// A cadet's rank right before the name, in a block about cadets: "Cdt Rhodes", "Cpl Hunter".
    func hasCadetRank(before start: Int) -> Bool {
        guard start >= 1 else { return false }
        let rank = tokens[start - 1].key == PupilNameWords.period && start >= 2 ? start - 2 : start - 1
        return PupilNameWords.cadetRanks.contains(tokens[rank].key) && speaksOfCadets
    }

    /// An adult or a figure of the past by what follows the name: letters after it ("Edward Temple MC"),
    /// or years ("Peter Hunter (OE 1988)", "Geoffrey Hall (1942–2026)", "Arthur Bishop, 1897–1916").
    func isMarkedAsAdult(after end: Int) -> Bool {
        guard end < tokens.count, !tokens[end].flags.contains(.lineBreakBefore) else { return false }
        let next = tokens[end]
        if next.kind == .word, next.flags.contains(.allUppercase), PupilNameVocabulary.postNominals.contains(next.key) { return true }
        guard next.key == PupilNameWords.openingBracket || next.key == PupilNameWords.comma else { return false }
        var index = end + 1
        if index < tokens.count, tokens[index].kind == .word, tokens[index].flags.contains(.allUppercase), tokens[index].range.count <= 3 {
            index += 1  // "OE", "OB": an old pupil's mark
        }
        guard index < tokens.count, tokens[index].kind == .number else { return false }
        let digits = block.block.text[tokens[index].range]
        guard digits.count == 4, let year = Int(String(decoding: digits, as: UTF8.self)) else { return false }
        return (1500...2099).contains(year)
    }

    /// "the story of Rama and Sita", "the tale of Ruth, Naomi and Boaz", "a scene from Tristan and
    /// Isolde": a story's people (the name and up to two names listed before it after "story of").
    func isStorySubject(_ start: Int) -> Bool {
        var index = start
        for _ in 0..<3 {
            guard index >= 2 else { return false }
            let previous = tokens[index - 1].key
            if previous == PupilNameWords.of { return PupilNameWords.storyNouns.contains(tokens[index - 2].key) }
            if previous == PupilNameWords.from { return PupilNameWords.excerptNouns.contains(tokens[index - 2].key) }
            guard PupilNameWords.andWords.contains(previous) || previous == PupilNameWords.comma, isCapitalised(tokens[index - 2]) else { return false }
            index -= 2
        }
        return false
    }

    /// "Bramble (the pony, not the kindergartener!)", "Sorrel from the garden went into the soup (the
    /// leaf, not the child)": later in the sentence, a bracket that opens "the X, not": the writer has
    /// said the name is something else.
    func isGlossedAsNotAChild(after end: Int) -> Bool {
        var index = end
        while index + 4 < tokens.count, index < end + 24 {
            let key = tokens[index].key
            if PupilNameWords.sentenceEnds.contains(key) || tokens[index].flags.contains(.lineBreakBefore) && index > end { return false }
            // (Another name in between is the one glossed: "Rose and her cake won, and Ivy (the pony, not…)".)
            if index > end, tokens[index].kind == .word, isCapitalised(tokens[index]) { return false }
            if key == PupilNameWords.openingBracket {
                return PupilNameWords.articles.contains(tokens[index + 1].key) && tokens[index + 2].kind == .word
                    && !isCapitalised(tokens[index + 2]) && tokens[index + 3].key == PupilNameWords.comma
                    && tokens[index + 4].key == PupilNameWords.not
            }
            index += 1
        }
        return false
    }

    /// A word glossed in brackets, as a value or a term is: "Satya (truth)", "Karuna (compassion)".
    func isGlossed(after end: Int) -> Bool {
        end + 2 < tokens.count && tokens[end].key == PupilNameWords.openingBracket && tokens[end + 1].kind == .word
            && !isCapitalised(tokens[end + 1]) && tokens[end + 2].key == PupilNameWords.closingBracket
    }

    /// "**Satya** (truth), **Prem** (love)": glossed words listed together.
    func isInGlossedList(_ start: Int, _ end: Int) -> Bool {
        guard isGlossed(after: end) else { return false }
        let after = end + 3
        if after + 1 < tokens.count, tokens[after].key == PupilNameWords.comma || PupilNameWords.andWords.contains(tokens[after].key),
           isCapitalised(tokens[after + 1]), isGlossed(after: after + 2) { return true }
        // The item before: "…, **Prem** (love)".
        let joiner = start >= 1 ? tokens[start - 1].key : 0
        return start >= 5 && (joiner == PupilNameWords.comma || PupilNameWords.andWords.contains(joiner))
            && tokens[start - 2].key == PupilNameWords.closingBracket
            && !isCapitalised(tokens[start - 3]) && tokens[start - 4].key == PupilNameWords.openingBracket
    }

    /// "jay's first proper joinery project", "amber's autumn leaves design": someone's work, in a post
    /// written in lower case (not a month's or a season's: "summer's here").
    func isOwnerOfWork(_ start: Int, _ end: Int) -> Bool {
        let name = tokens[end - 1]
        guard name.flags.contains(.possessive), !PupilNameVocabulary.calendarWords.contains(tokens[start].key),
              end < tokens.count, tokens[end].kind == .word, !isCapitalised(tokens[end]),
              !tokens[end].flags.contains(.lineBreakBefore) else { return false }
        // Not a day or a thing named after someone: "paddy's day".
        // (A child's story, poem or costume is theirs, though "Mabli Story" would be a thing.)
        return !PupilNameWords.notAfterPossessive.contains(tokens[end].key)
            && (!PupilNameVocabulary.thingHeads.contains(tokens[end].key) || PupilNameWords.childWorks.contains(tokens[end].key))
    }

    /// A word ending in "ly" at `index` with a lower-case word after it: "really enjoyed", "quickly ran".
    func isAdverbBeforeVerb(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, block.block.text[tokens[index].range].suffix(2).elementsEqual("ly".utf8) else { return false }
        let next = tokens[index + 1]
        return next.kind == .word && !isCapitalised(next) && !next.flags.contains(.lineBreakBefore)
    }

    /// "Taras Shevchenko", "Coach Sharp": a surname after a capitalised word on its line (a forename, of
    /// someone the roster does not name with this surname, or a title), not at a sentence's start.
    func isSurnameOfOther(_ start: Int) -> Bool {
        guard start > 0 else { return false }
        let previous = tokens[start - 1]
        guard isCapitalised(previous), !tokens[start].flags.contains(.lineBreakBefore) else { return false }
        return isTitleWord(previous) || !previous.flags.contains(.sentenceStart)
    }

    /// "Tudors", "Vikings", "Romans": a plural whose singular is the adjective of a people or an age.
    func isPeople(_ token: Token) -> Bool {
        let folded = normalized[token.normalizedRange]
        return folded.last == UInt8(ascii: "s") && PupilNameVocabulary.adjectives.contains(FNV.hash(folded.dropLast()))
    }

    /// "Year 1: Poppy (Miss Begum) and Foxglove (Mr Cope)": a word with a teacher in brackets that is
    /// one of the roster's groups, or is listed with a word that is no roster name and has its teacher
    /// too: a class.
    func isGroupWithTeacher(_ start: Int, _ end: Int) -> Bool {
        guard let after = teacherInBrackets(from: end) else { return false }
        if names.isGroupWord(tokens[start], normalized) { return true }
        func isOtherClass(_ index: Int) -> Bool {
            index < tokens.count && isCapitalised(tokens[index]) && !names.canStart(tokens[index], normalized)
                && teacherInBrackets(from: index + 1) != nil
        }
        if after + 1 < tokens.count, PupilNameWords.listJoiners.contains(tokens[after].key), isOtherClass(after + 1) { return true }
        // The class before: "Bluebell (Mrs Fox) and Poppy (Miss Begum)".
        guard start >= 2, PupilNameWords.listJoiners.contains(tokens[start - 1].key),
              tokens[start - 2].key == PupilNameWords.closingBracket else { return false }
        var open = start - 3
        while open > 0, open > start - 12, tokens[open].key != PupilNameWords.openingBracket { open -= 1 }
        return open > 0 && tokens[open].key == PupilNameWords.openingBracket && isOtherClass(open - 1)
    }

    /// The index after the closing bracket when `index` opens a teacher's name in brackets: "(Mrs Fox)",
    /// "(Miss J. Kowal)", "(Mr Bestwick / Mrs Chambers)".
    func teacherInBrackets(from index: Int) -> Int? {
        guard index + 2 < tokens.count, tokens[index].key == PupilNameWords.openingBracket,
              PupilNameWords.honorifics.contains(tokens[index + 1].key) else { return nil }
        var close = index + 2
        while close < tokens.count, close < index + 10, tokens[close].key != PupilNameWords.closingBracket {
            if tokens[close].flags.contains(.lineBreakBefore) { return nil }
            close += 1
        }
        return close < tokens.count && tokens[close].key == PupilNameWords.closingBracket ? close + 1 : nil
    }

    /// "Noor's story about…", "Kuba's costume", "Robin's helicopter stayed up": a child's own work, or a
    /// work that does something (not "Krishna's birthday", "Dewi's last sermon", "Amrit's advice").
    func isOwnerOfChildsWork(_ start: Int, _ end: Int) -> Bool {
        guard isOwnerOfWork(start, end) else { return false }
        if PupilNameWords.childWorks.contains(tokens[end].key) { return true }
        return end + 1 < tokens.count && (PupilNameVocabulary.childActions.contains(tokens[end + 1].key)
            || hasPastTense(after: end + 1, name: tokens[start]))
    }

    /// "Hugh – Hugh Logue", "Jimmy Jack – Ronan Walker": a dash or a colon after the name, then a pupil's
    /// full name on the same line (a cast list: the part, then who played it).
    func isPartBeforeItsActor(_ end: Int) -> Bool {
        guard end + 1 < tokens.count, PupilNameWords.definitionMarks.contains(tokens[end].key),
              !tokens[end + 1].flags.contains(.lineBreakBefore), names.canStart(tokens[end + 1], normalized) else { return false }
        var full = false
        names.matches(in: tokens, normalized, from: end + 1) { _, form in full = full || form.kind == .full }
        return full
    }

    /// "Oliver!, which opens", "Oliver! – Please, sir", "Oliver! cast list": the name, an exclamation mark
    /// against it, and the sentence going on (a comma, a dash, a word in lower case).
    func isExclaimedTitle(_ end: Int) -> Bool {
        guard end + 1 < tokens.count, tokens[end].key == PupilNameWords.exclamation, !tokens[end].flags.contains(.spaceBefore) else {
            return false
        }
        let after = tokens[end + 1]
        guard !after.flags.contains(.lineBreakBefore) else { return false }
        if after.kind == .word { return !isCapitalised(after) }
        return after.key == PupilNameWords.comma || PupilNameWords.definitionMarks.contains(after.key)
    }

    /// "Fenella (Ash, Coral, Taylor and Bethany)": two or more capitalised names in brackets right
    /// after the name, which are its members.
    func hasMembersAfter(_ end: Int) -> Bool {
        guard end + 4 < tokens.count, tokens[end].key == PupilNameWords.openingBracket else { return false }
        var index = end + 1
        var members = 0
        while index < tokens.count, index < end + 24 {
            guard tokens[index].kind == .word, isCapitalised(tokens[index]) else { return false }
            members += 1
            index += 1
            guard index < tokens.count else { return false }
            if tokens[index].key == PupilNameWords.closingBracket { return members >= 2 }
            guard tokens[index].key == PupilNameWords.comma || PupilNameWords.andWords.contains(tokens[index].key) else { return false }
            index += 1
        }
        return false
    }

    /// "The house shield goes to Fenella", "House points this week: Fenella": a house's prize or points
    /// earlier in the sentence.
    func followsHousePrize(_ start: Int) -> Bool {
        var index = start - 1
        while index >= 1, index >= start - 12 {
            if PupilNameWords.sentenceEnds.contains(tokens[index].key) { return false }
            if tokens[index - 1].key == PupilNameWords.house, PupilNameWords.housePrizes.contains(tokens[index].key) { return true }
            index -= 1
        }
        return false
    }

    /// "Lewis – 412 points", "Barra: 398 pts", "Skye 350 points": a score in points after the name.
    func hasPointsAfter(_ end: Int) -> Bool {
        var index = end
        if index < tokens.count, PupilNameWords.definitionMarks.contains(tokens[index].key) { index += 1 }
        return index + 1 < tokens.count && tokens[index].kind == .number && PupilNameWords.pointWords.contains(tokens[index + 1].key)
            && !tokens[index].flags.contains(.lineBreakBefore)
    }

    /// "Faith on fire in the shooting circle with 8 goals": a scorer, later in the sentence.
    func hasScoreLater(after end: Int) -> Bool {
        var index = end
        while index + 2 < tokens.count, index < end + 12 {
            let token = tokens[index]
            if PupilNameWords.sentenceEnds.contains(token.key) || (index > end && token.flags.contains(.lineBreakBefore)) { return false }
            if token.key == PupilNameWords.with, tokens[index + 1].kind == .number,
               PupilNameWords.scoringLabels.contains(tokens[index + 2].key) {
                return true
            }
            index += 1
        }
        return false
    }

    /// "Faustina came as St Faustina", "Ben dressed up as Gruffalo": a child in costume.
    func isDressedUp(after end: Int) -> Bool {
        guard end + 1 < tokens.count, PupilNameWords.costumeVerbs.contains(tokens[end].key) else { return false }
        var next = end + 1
        if tokens[next].key == PupilNameWords.up, next + 1 < tokens.count { next += 1 }
        return tokens[next].key == PupilNameWords.as
    }

    /// "came as Grace", "dressed up as Matilda", "came as... Matilda": a costume's character.
    func isCostume(before start: Int) -> Bool {
        var asIndex = start - 1
        // A pause before the reveal: "came as... Matilda", "came as – Matilda".
        while asIndex >= 1, asIndex >= start - 3, tokens[asIndex].kind == .punctuation { asIndex -= 1 }
        guard asIndex >= 1, tokens[asIndex].key == PupilNameWords.as else { return false }
        var verb = asIndex - 1
        if tokens[verb].key == PupilNameWords.up, verb >= 1 { verb -= 1 }  // "dressed up as"
        return PupilNameWords.costumeVerbs.contains(tokens[verb].key)
    }

    /// "Fatimah al-Fihri": a longer name with an Arabic article, someone else's unless it is the pupil's.
    func hasArabicSecondName(after end: Int) -> Bool {
        end + 2 < tokens.count && PupilNameWords.arabicArticles.contains(tokens[end].key) && tokens[end + 1].key == PupilNameWords.hyphen
            && !tokens[end + 1].flags.contains(.spaceBefore) && !tokens[end + 2].flags.contains(.spaceBefore) && isCapitalised(tokens[end + 2])
    }

    /// Whether a year group ends at `index`: "Year 1", "Reception", "Y4".
    func isYearGroupEnding(at index: Int) -> Bool {
        if isYearGroup(at: index) { return true }
        return index >= 1 && tokens[index].kind == .number && isYearGroup(at: index - 1)
    }

    /// Whether the name takes a plural verb, as a house or a team does in British English and a child
    /// never does: "Beck were only 16 points behind", "Congratulations to Tarn, who lift the cup". Not
    /// after "and" or a comma ("Hope and Wren were first"): there the verb is the pair's.
    func takesGroupVerb(_ start: Int, _ end: Int) -> Bool {
        if start > 0, PupilNameWords.andWords.contains(tokens[start - 1].key) || tokens[start - 1].key == PupilNameWords.comma {
            return false
        }
        guard end < tokens.count, !tokens[end - 1].flags.contains(.possessive) else { return false }
        if PupilNameWords.pluralBeVerbs.contains(tokens[end].key) { return true }
        return end + 2 < tokens.count && tokens[end].key == PupilNameWords.comma && tokens[end + 1].key == PupilNameWords.who
            && (PupilNameWords.pluralBeVerbs.contains(tokens[end + 2].key) || PupilNameWords.pluralWinVerbs.contains(tokens[end + 2].key))
    }

    /// Whether an honorific of a revered figure follows the name, in brackets or as a sign:
    /// "Khadijah (RA)", "Ibrahim (AS)", "Muhammad ﷺ" (`name-figure-suffixes`).
    func hasFigureSuffix(after end: Int) -> Bool {
        guard end < tokens.count else { return false }
        // Unbracketed only as a sign: "Ali saw" is a boy who saw.
        if PupilNameVocabulary.figureSuffixes.contains(tokens[end].key) { return block.block.text[tokens[end].range.lowerBound] >= 0x80 }
        return end + 2 < tokens.count && tokens[end].key == PupilNameWords.openingBracket
            && PupilNameVocabulary.figureSuffixes.contains(tokens[end + 1].key) && tokens[end + 2].key == PupilNameWords.closingBracket
    }
}
