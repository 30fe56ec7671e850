/// Team sheets and squads: surnames alone in a list ("Sharpe; Doyle, Lowe, Hart, Oakley; Temple (capt)",
/// "B team squad: Bell, Steward, Ellison, Rudd"), in a "Player" column, or after a scoring label
/// ("Conversions – Temple 3"). A list of three or more surnames, two of them on the roster, names
/// pupils, as a grammar school's sports pages do; each is then a finding of its own.
extension PupilNameMatcher {
    /// How many list items either side are read: enough to see three surnames, bounded so every token
    /// is read a constant number of times.
    private static let listReach = 3

    /// Whether the surname at `start` is a pupil's by where it stands: a list of three or more single
    /// capitalised words with another roster surname in it, or alone in a table cell under "Player".
    func isInSurnameList(_ start: Int) -> Bool {
        let token = tokens[start]
        guard isCapitalised(token), !token.flags.contains(.possessive), hasTitle(before: start) == nil,
              !names.isGroupWord(token, normalized), !PupilNameWords.determiners.contains(start > 0 ? tokens[start - 1].key : 0)
        else { return false }
        if column == .children, tokens.indices.allSatisfy({ $0 == start || tokens[$0].kind != .word }) { return true }
        // "Cooper & Mason Architects": part of a longer name, not an item.
        guard isListItem(start), start == 0 || !isCapitalised(tokens[start - 1]) || tokens[start - 1].flags.contains(.lineBreakBefore)
                || tokens[start - 1].kind != .word else { return false }
        var count = 1
        var onRoster = 1
        // Rightwards: separator, surname, its decorations ("(capt)", "3").
        var index = itemEnd(after: start + 1)
        for _ in 0..<Self.listReach {
            guard index < tokens.count, isListSeparator(index), !tokens[index].flags.contains(.lineBreakBefore) else { break }
            var next = index + 1
            if next < tokens.count, PupilNameWords.andWords.contains(tokens[next].key) { next += 1 }
            guard next < tokens.count, isListItem(next) else { break }
            count += 1
            if isRosterSurname(next) { onRoster += 1 }
            index = itemEnd(after: next + 1)
        }
        // Leftwards: the separator before, then the item before it.
        index = start - 1
        for _ in 0..<Self.listReach where count < 3 || onRoster < 2 {
            guard index >= 1, isListSeparator(index), !tokens[index + 1].flags.contains(.lineBreakBefore) else { break }
            var item = index - 1
            if tokens[item].kind == .number, item >= 1 { item -= 1 }
            if tokens[item].key == PupilNameWords.closingBracket {
                var open = item - 1
                while open > item - 5, open > 0, tokens[open].key != PupilNameWords.openingBracket { open -= 1 }
                guard tokens[open].key == PupilNameWords.openingBracket, open >= 1 else { break }
                item = open - 1
            }
            guard isListItem(item) else { break }
            count += 1
            if isRosterSurname(item) { onRoster += 1 }
            index = item - 1
        }
        return count >= 3 && onRoster >= 2
    }

    /// "Conversions – Temple 3", "Tries: Oakley, Cole": a surname after a scoring label.
    func followsScoringLabel(_ start: Int) -> Bool {
        var index = start - 1
        while index >= 0, index >= start - 2, tokens[index].kind == .punctuation { index -= 1 }
        return index >= 0 && index < start - 1 && PupilNameWords.scoringLabels.contains(tokens[index].key)
    }

    /// One list item: a single capitalised word, not part of a longer name.
    private func isListItem(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word, isCapitalised(tokens[index]) else { return false }
        let next = index + 1
        return next >= tokens.count || tokens[next].kind != .word || tokens[next].flags.contains(.lineBreakBefore)
            || PupilNameWords.andWords.contains(tokens[next].key)
    }

    /// Past an item's decorations: a bracketed note of up to four tokens ("(capt)", "(GK)") or a score ("3").
    private func itemEnd(after index: Int) -> Int {
        var index = index
        if index < tokens.count, tokens[index].kind == .number { index += 1 }
        if index < tokens.count, tokens[index].key == PupilNameWords.openingBracket {
            var close = index + 1
            while close < tokens.count, close < index + 5, tokens[close].key != PupilNameWords.closingBracket { close += 1 }
            if close < tokens.count, tokens[close].key == PupilNameWords.closingBracket { index = close + 1 }
        }
        return index
    }

    private func isListSeparator(_ index: Int) -> Bool {
        PupilNameWords.listSeparators.contains(tokens[index].key) || PupilNameWords.andWords.contains(tokens[index].key)
    }

    /// A capitalised roster surname, alone, at `index`.
    private func isRosterSurname(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word, isCapitalised(tokens[index]),
              names.canStart(tokens[index], normalized) else { return false }
        var found = false
        names.matches(in: tokens, normalized, from: index) { end, form in
            if form.kind == .surname, end == index + 1 { found = true }
        }
        return found
    }
}
