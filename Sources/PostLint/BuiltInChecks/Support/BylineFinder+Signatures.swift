/// Bylines in a post's text: "Posted by …" and "— Mr Ahmed" lines, a name with its position after a date
/// or a separator, and sign-offs with the name and the title on one line or on consecutive lines.
extension BylineFinder {
    func textBylines() -> [Byline] {
        var found: [Byline] = []
        let blocks = document.blocks
        for (index, block) in blocks.enumerated() {
            guard block.block.kind.isProse, block.block.enclosing.isDisjoint(with: .quotation),
                  BylineFinder.mayHoldByline(block.block.kind) else { continue }
            // A cell after another cell is a data table's column ("Portuguese | Mrs Ana Ribeiro (Family Liaison
            // Officer)", a carol service's readers): a list of people, not who wrote the post.
            if block.block.kind == .tableCell, index > 0, blocks[index - 1].block.kind == .tableCell { continue }
            let tokens = block.tokens
            let lines = BylineFinder.lines(of: tokens)
            for (lineNumber, line) in lines.enumerated() {
                // Not in the site template: a footer's "Executive Headteacher: Mrs J Thrower" signs no post.
                if tokens[line.lowerBound].contexts.contains(.pageChrome) { continue }
                if line.count > 40 {
                    // A social post on one long line, signed at its end: "… back on Monday. – Mrs Iqbal,
                    // Headteacher #EidMubarak". Only a separated name with a position, in the last 40 tokens.
                    let tail = (line.upperBound - 40)..<line.upperBound
                    if let name = separatedName(in: tokens, line: tail) {
                        let hasPosition = containsPosition(block: block, in: name.upperBound..<line.upperBound)
                        found.append(Byline(range: block.sourceRange(from: name.lowerBound, through: line.upperBound - 1), hasPosition: hasPosition))
                    }
                    continue
                }
                guard let name = signatureName(in: tokens, line: line) else { continue }
                // The position follows the name on its line, on the next line (which may give it in two
                // languages: "Prìomh Thidsear na Gàidhlig / Principal Teacher of Gaelic"), or in the next short block.
                var hasPosition = containsPosition(block: block, in: name.upperBound..<line.upperBound)
                    || nameAfterPosition(tokens, from: line.lowerBound, line: line, afterOpener: true) == name
                // A longer next line only when it opens with the position.
                if !hasPosition, lineNumber + 1 < lines.count, lines[lineNumber + 1].count <= 10
                    || startsWithPosition(tokens, at: lines[lineNumber + 1].lowerBound) {
                    hasPosition = containsPosition(block: block, in: lines[lineNumber + 1])
                }
                if !hasPosition, lineNumber + 1 == lines.count, index + 1 < blocks.count {
                    hasPosition = isShortPositionBlock(blocks[index + 1])
                }
                found.append(Byline(range: block.sourceRange(from: line.lowerBound, through: line.upperBound - 1), hasPosition: hasPosition))
            }
        }
        return found
    }

    /// Descriptions, metadata and headings are never bylines (a switch: a `Set` hashes on every block).
    static func mayHoldByline(_ kind: ProseKind) -> Bool {
        switch kind {
        case .imageAlt, .titleAttribute, .meta, .frontMatter, .title, .heading: false
        default: true
        }
    }

    /// Token ranges of the lines of a block (a byline often shares a paragraph with a title line).
    static func lines(of tokens: [Token]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(8)  // most blocks are a few lines: no regrowing for them
        var start = 0
        tokens.withUnsafeBufferPointer { tokens in
            var index = 1
            while index < tokens.count {
                if tokens[index].flags.contains(.lineBreakBefore) {
                    lines.append(start..<index)
                    start = index
                }
                index += 1
            }
        }
        if start < tokens.count { lines.append(start..<tokens.count) }
        return lines
    }

    /// Where the name of a byline or sign-off is in a line: after an opener ("Posted by",
    /// "Kind regards,", a dash) or at the start of a line that is mostly a name.
    private func signatureName(in tokens: [Token], line: Range<Int>) -> Range<Int>? {
        var first = line.lowerBound
        // "📸 Mrs Hudson, Office Manager": an emoji before a social post's sign-off.
        while first + 1 < line.upperBound, tokens[first].kind == .symbol, !BylineFinder.separators.contains(tokens[first].key) { first += 1 }
        let line = first..<line.upperBound
        var start = first
        var afterDash = false
        if tokens[first].kind == .punctuation, BylineFinder.dashes.contains(tokens[first].key) {
            // "- tasha (learning mentor)": a short sign-off in lower case after the dash.
            if line.count <= 10, let name = shortSignature(tokens, line: (first + 1)..<line.upperBound) { return name }
            start = first + 1
            afterDash = true
        } else if let end = BylineFinder.openers.longestMatch(in: tokens, at: first), end <= line.upperBound {
            start = end
            while start < line.upperBound, tokens[start].kind == .punctuation || tokens[start].kind == .symbol { start += 1 }
            // "From the Co-operative Values Lead, Mrs Nadia Qureshi": the position first, then the name.
            if let name = nameAfterPosition(tokens, from: start, line: line) { return name }
            // Bilingual pairs are two openers in a row: "Gan / By: Mrs Bowen".
            if let second = BylineFinder.openers.longestMatch(in: tokens, at: start), second <= line.upperBound,
               PersonName.end(in: tokens, at: start, allowUntitled: true) == nil {
                start = second
                while start < line.upperBound, tokens[start].kind == .punctuation || tokens[start].kind == .symbol { start += 1 }
            }
        } else if let opener = BylineFinder.strongOpeners.firstMatch(in: tokens, range: line) {
            // "28 September 2026 · Posted by Mr R. Castle, …": a clear opener anywhere on the line.
            start = opener.upperBound
            while start < line.upperBound, tokens[start].kind == .punctuation { start += 1 }
        } else if line.count <= 10, let name = shortSignature(tokens, line: line) {
            // A forename alone, or a name in lower case, signed with a job that ends the line: "Erling,
            // Hostel Manager", "gary armstrong, deputy head", "rob (outdoor ed lead)".
            return name
        } else if line.count <= 20, let end = PersonName.end(in: tokens, at: first, allowUntitled: true), end <= line.upperBound {
            // A bare name opening a short line: "Mrs Anna Price, Year 4 Teacher"; "Mr D Ahmed"; two signers,
            // "Mrs Morag Hunter and Mrs Jennifer Baird" or side by side in a letter, "Mrs J Atherton   Mr L Fairless".
            var end = coSignersEnd(tokens, after: end, line: line)
            // "B. Grant (Mrs)": the title in brackets after the name.
            if end + 2 < line.upperBound, tokens[end].key == BylineFinder.openingBracket, PersonName.isHonorific(tokens[end + 1]),
               tokens[end + 2].key == BylineFinder.closingBracket {
                end += 3
            }
            // After the name: the line's end, punctuation ("(PT)", ", Head") or a separator ("| Principal Teacher").
            // (Else a sentence that opens with capitals: "School CLOSED today. … C Tulloch, HT".)
            guard end == line.upperBound || tokens[end].kind == .punctuation || tokens[end].kind == .symbol else {
                return separatedName(in: tokens, line: line)
            }

            // "- Mr Brown, our site manager, for setting up the tables": a thank-you, not a signature.
            if end + 1 < line.upperBound, tokens[end].key == BylineFinder.comma, BylineFinder.descriptiveWords.contains(tokens[end + 1].key) {
                return nil
            }
            // Untitled names count only when a position follows, on the line ("Helen Carter, Deputy Head")
            // or as the whole next line ("Patrick Donnelly" / "Bursar").
            if !PersonName.isHonorific(tokens[first]) && !containsPosition(tokens: tokens, in: end..<line.upperBound)
                && !(end == line.upperBound && startsWithPosition(tokens, at: end)) { return nil }
            return first..<end
        } else {
            // A byline after a date or a label on the same line, set off by a separator: "5 December 2025 —
            // Mr Jordan Lowe, Head of Music", "News | Heather Grant, Principal Teacher". Prose has dashes
            // too, so here the name must be followed by a position on its line.
            return separatedName(in: tokens, line: line)
        }
        guard start < line.upperBound, let end = PersonName.end(in: tokens, at: start, allowUntitled: true), end <= line.upperBound else { return nil }
        // "- Physical Development: Fine Motor Skills": a list's label and its value, not a signature.
        if end < line.upperBound, tokens[end].key == BylineFinder.colon, !PersonName.isHonorific(tokens[start]) { return nil }
        // "- Mrs Pugh or I will ring any family…": a list item whose sentence goes on, not a sign-off.
        if afterDash, end < line.upperBound, tokens[end].kind == .word, !tokens[end].flags.contains(.capitalized),
           !BylineFinder.joiners.contains(tokens[end].key) {
            return nil
        }
        return start..<end
    }

    /// The end of a run of names sharing a sign-off: "Mrs A and Mr B", "Mrs A & Mr B", "Mrs A, Mr B", or
    /// two titled names side by side (a letter's signatures in columns).
    private func coSignersEnd(_ tokens: [Token], after end: Int, line: Range<Int>) -> Int {
        var end = end
        while end < line.upperBound {
            var next = end
            if BylineFinder.joiners.contains(tokens[next].key) { next += 1 }
            // "Tadhg Boyle, Múinteoir Rang 6": a title that is also a job ("Múinteoir", teacher) starts the position.
            guard next < line.upperBound, PersonName.isHonorific(tokens[next]), !isPosition(tokens, at: next),
                  let nameEnd = PersonName.end(in: tokens, at: next, allowUntitled: false), nameEnd <= line.upperBound else { break }
            end = nameEnd
        }
        return end
    }

    /// The name in "the Co-operative Values Lead, Mrs Nadia Qureshi": a position (after "the", "our"…),
    /// a comma and a titled name closing the line. `afterOpener`: `from` is the line's start, and the
    /// position follows an opener there ("From", "By").
    private func nameAfterPosition(_ tokens: [Token], from start: Int, line: Range<Int>, afterOpener: Bool = false) -> Range<Int>? {
        var index = start
        if afterOpener {
            guard let end = BylineFinder.openers.longestMatch(in: tokens, at: index), end < line.upperBound else { return nil }
            index = end
        }
        if index < line.upperBound, BylineFinder.headingDeterminers.contains(tokens[index].key) { index += 1 }
        guard index < line.upperBound, isPosition(tokens, at: index),
              let comma = (index + 1..<line.upperBound).first(where: { tokens[$0].key == BylineFinder.comma }),
              comma + 1 < line.upperBound, PersonName.isHonorific(tokens[comma + 1]),
              let end = PersonName.end(in: tokens, at: comma + 1, allowUntitled: false),
              end == line.upperBound || (end + 1 == line.upperBound && tokens[end].kind == .punctuation) else { return nil }
        return comma + 1..<end
    }

    private static let joiners: TokenKeySet = TokenKeySet(["and", "&", ",", "a", "agus", "ac"].map { FNV.hash($0) })
    private static let separators: TokenKeySet = TokenKeySet(["—", "–", "-", "|", "·", "•", "~", "―", "/", "::"].map { FNV.hash($0) })

    /// A name after a separator in the middle of a line, followed on the line by a job title or put
    /// after an opener ("· By Mrs Harker").
    private func separatedName(in tokens: [Token], line: Range<Int>) -> Range<Int>? {
        var index = line.lowerBound + 1
        while index + 1 < line.upperBound {
            defer { index += 1 }
            guard tokens[index].kind != .word else { continue }
            // After a separator, or a titled name after the end of a sentence: "Good luck everyone! Mrs Rigg
            // (Head of School)".
            let separated = BylineFinder.separators.contains(tokens[index].key) && tokens[index].flags.contains(.spaceBefore)
            // (Or an emoji: "Photos on Facebook later 📸 Mrs Doherty, Headteacher".)
            guard separated || (BylineFinder.sentenceEnds.contains(tokens[index].key) || tokens[index].kind == .symbol)
                    && isTitledOrInitialled(tokens, at: index + 1) else { continue }
            var start = index + 1
            // "13 February -- by Mr Tom Bowler": a dash typed as two hyphens.
            while start < line.upperBound, BylineFinder.separators.contains(tokens[start].key), !tokens[start].flags.contains(.spaceBefore) {
                start += 1
            }
            // "16th January 2026 · By Mrs Jo Harker, Class Teacher": an opener after the separator
            // says a name follows, so the name needs no position on its line to be a byline.
            var opened = false
            if let openerEnd = BylineFinder.openers.longestMatch(in: tokens, at: start), openerEnd < line.upperBound {
                start = openerEnd
                while start < line.upperBound, tokens[start].kind == .punctuation { start += 1 }
                opened = true
            }
            guard start < line.upperBound, let end = PersonName.end(in: tokens, at: start, allowUntitled: true), end <= line.upperBound,
                  end == line.upperBound || tokens[end].kind == .punctuation || tokens[end].kind == .symbol,
                  opened || containsPosition(tokens: tokens, in: end..<line.upperBound) else { continue }
            // After a sentence's end the position must close the line: ". Mrs Ward, Headteacher, said the
            // day was a success" reports her words; it signs nothing.
            if !separated && !opened {
                guard end + 1 < line.upperBound, tokens[end].key == BylineFinder.comma || tokens[end].key == BylineFinder.openingBracket,
                      positionReachesLineEnd(tokens, from: end + 1, line: line) else { continue }
            }
            return start..<end
        }
        return nil
    }

    /// "Mrs Rigg", "C Tulloch": a name that cannot be the start of an ordinary sentence.
    private func isTitledOrInitialled(_ tokens: [Token], at index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        return PersonName.isHonorific(tokens[index])
            || (tokens[index].kind == .word && tokens[index].range.count == 1 && tokens[index].flags.contains(.capitalized)
                && tokens[index + 1].kind == .word && tokens[index + 1].flags.contains(.capitalized))
    }

    /// Whether a short line starting at `start` opens with a job title (the line under a sign-off name).
    private func startsWithPosition(_ tokens: [Token], at start: Int) -> Bool {
        guard start < tokens.count, tokens[start].flags.contains(.lineBreakBefore) else { return false }
        var end = start + 1
        while end < tokens.count, end - start < 30, !tokens[end].flags.contains(.lineBreakBefore) { end += 1 }
        // Opening with the title, the line may go on in a second language ("Pennaeth y Gymraeg a
        // Chydlynydd yr Eisteddfod / Head of Welsh and Eisteddfod Co-ordinator").
        if end - start < 30, isPosition(tokens, at: start) { return true }
        guard end - start < 12 else { return false }
        // Given in two languages: "Prìomh Thidsear na Gàidhlig / Principal Teacher of Gaelic".
        return (start..<end - 1).contains { tokens[$0].key == BylineFinder.slash && isPosition(tokens, at: $0 + 1) }
    }

    func isPosition(_ tokens: [Token], at start: Int) -> Bool {
        if extraPositions.longestMatch(in: tokens, at: start) != nil { return true }
        return positions.longestMatch(in: tokens, at: start) != nil && BylineFinder.nonStaffRoles.longestMatch(in: tokens, at: start) == nil
    }

    private static let slash = FNV.hash("/")
    private static let comma = PunctuationKeys.comma
    private static let colon = PunctuationKeys.colon
    private static let openingBracket = FNV.hash("(")
    private static let closingBracket = FNV.hash(")")
    /// After "Name," these make what follows a description, not a sign-off's position: "Mr Brown, our site manager".
    private static let descriptiveWords: TokenKeySet = TokenKeySet(["our", "the", "a", "an", "their", "his", "her", "who", "whose"].map { FNV.hash($0) })

    /// One or two words, then "," or "(", then a job title that ends the line (a closing bracket aside).
    private func shortSignature(_ tokens: [Token], line: Range<Int>) -> Range<Int>? {
        let first = line.lowerBound
        for words in 1...2 {
            let separator = first + words
            guard separator + 1 < line.upperBound, (first..<separator).allSatisfy({ tokens[$0].kind == .word }) else { return nil }
            guard tokens[separator].key == BylineFinder.comma || tokens[separator].key == BylineFinder.openingBracket else { continue }
            if isPosition(tokens, at: separator + 1), positionReachesLineEnd(tokens, from: separator + 1, line: line) {
                return first..<separator
            }
            return nil
        }
        return nil
    }

    /// Whether the job title at `start` runs to the end of the line (hashtags aside).
    private func positionReachesLineEnd(_ tokens: [Token], from start: Int, line: Range<Int>) -> Bool {
        guard var end = positions.longestMatch(in: tokens, at: start) ?? extraPositions.longestMatch(in: tokens, at: start) else { return false }
        // A note in brackets after it: "gary, deputy head (felling)".
        if end + 2 < line.upperBound, tokens[end].key == BylineFinder.openingBracket,
           let close = tokens[(end + 1)..<min(line.upperBound, end + 5)].firstIndex(where: { $0.key == BylineFinder.closingBracket }) {
            end = close + 1
        }
        return end >= line.upperBound || tokens[end..<line.upperBound].allSatisfy { $0.kind != .word }
    }
    private static let sentenceEnds: TokenKeySet = TokenKeySet([".", "!", "?"].map { FNV.hash($0) })

    private static let dashes: TokenKeySet = TokenKeySet(["—", "–", "-", "~", "―"].map { FNV.hash($0) })
}
