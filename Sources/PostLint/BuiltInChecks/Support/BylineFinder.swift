/// Finds who wrote a post and whether their position in the school is given, in the places schools
/// put it: front matter (`author:` with `position:`/`role:`), `<meta name="author">`, elements marked
/// as author or byline (class, rel, itemprop, id), "Posted by …" and "— Mr Ahmed" lines, and sign-offs
/// ("Mrs Anna Price, Year 4 Teacher", or the name and the title on consecutive lines).
struct BylineFinder {
    struct Byline {
        /// Where the byline is, for a "no position" finding.
        var range: Range<Int>
        var hasPosition: Bool
        /// False for a byline that is only a position: `<p class="post-author">Reintegration Coordinator</p>`.
        var hasName = true
    }

    let document: AnalyzedDocument
    let positions: PhraseMatcher
    let extraPositions: PhraseMatcher

    static let authorMarkers = ["author", "byline", "by-line", "signature", "sign-off", "signoff", "writer", "posted-by", "postedby"]
    static let positionMarkers = ["position", "role", "job-title", "jobtitle", "job_title"]
    private static let authorMarkerBytes = authorMarkers.map { Array($0.utf8) }
    private static let positionMarkerBytes = positionMarkers.map { Array($0.utf8) }
    /// Front-matter keys that name the author (pupil-name reads them too: the author is an adult).
    static let frontMatterAuthorKeys: Set<String> = ["author", "authors", "by", "written-by", "posted-by"]
    /// What introduces a name at the start of a line ("Posted by", "Kind regards,", "Postiwyd gan").
    private static let openers = PhraseMatcher(patterns: RulePack.embedded.list(.bylineOpeners))
    /// Openers clear enough to start a byline anywhere on a line (after a date, say).
    private static let strongOpeners = PhraseMatcher(patterns: RulePack.embedded.list(.bylineStrongOpeners))
    private static let frontMatterPositionKeys: Set<String> = ["position", "role", "job-title", "jobtitle", "job_title", "title-of-author", "author-position", "author_position", "authorposition", "author-role"]

    /// A front-matter key naming the author: `author`, or `author.name` in a nested `author:` mapping.
    static func isAuthorKey(_ key: String) -> Bool {
        let key = key.lowercased()
        if frontMatterAuthorKeys.contains(key) { return true }
        guard let dot = key.firstIndex(of: "."), frontMatterAuthorKeys.contains(String(key[..<dot])) else { return false }
        return ["name", "full_name", "fullname", "full-name", "display_name", "displayname"].contains(String(key[key.index(after: dot)...]))
    }

    /// A front-matter key giving the author's position: `position`, `role`, or `author.position`.
    static func isPositionKey(_ key: String) -> Bool {
        let key = key.lowercased()
        if frontMatterPositionKeys.contains(key) { return true }
        guard let dot = key.firstIndex(of: "."), frontMatterAuthorKeys.contains(String(key[..<dot])) else { return false }
        let field = String(key[key.index(after: dot)...])
        return frontMatterPositionKeys.contains(field) || field == "title"
    }

    init(document: AnalyzedDocument, configuration: Configuration) {
        self.document = document
        positions = BylineFinder.builtInPositions
        let configured = ConfiguredPositions(positions: configuration.positions,
                                             ruleFileTitles: configuration.runtimeRules.wordListAdditions[.jobTitles] ?? [])
        extraPositions = BylineFinder.configuredMatchers.value(for: configured) { configured in
            PhraseMatcher(patterns: configured.positions.flatMap(BylineFinder.configuredPositionPatterns) + configured.ruleFileTitles)
        }
    }

    /// A school's own job titles (`positions:` and its rule files' `job-titles`), compiled once per distinct
    /// list rather than once per draft.
    private struct ConfiguredPositions: Hashable, Sendable {
        var positions: [String]
        var ruleFileTitles: [String]
    }
    private static let configuredMatchers = DerivedValueCache<ConfiguredPositions, PhraseMatcher>()

    /// A configured position as written, and, when it opens with a group word, with the group named
    /// in between: "Class Guardian" is also "Class 10 Guardian" and "Class Rowan Guardian".
    static func configuredPositionPatterns(_ position: String) -> [String] {
        let escaped = PhraseMatcher.escaped(position)
        let words = escaped.split(separator: " ")
        guard words.count >= 2, groupWords.contains(words[0].lowercased()) else { return [escaped] }
        let rest = words.dropFirst().joined(separator: " ")
        return [escaped, "\(words[0]) {number} \(rest)", "\(words[0]) {Word} \(rest)"]
    }
    private static let groupWords: Set<String> = ["class", "year", "form", "house", "phase", "group", "set", "key stage"]

    static let builtInPositions = PhraseMatcher(patterns: RulePack.embedded.list(.jobTitles))
    /// Roles that are no position in the school ("Head Girl", "PTA Chair"): a byline giving one has no position.
    private static let nonStaffRoles = PhraseMatcher(patterns: RulePack.embedded.list(.nonStaffRoles))

    /// Whether a front-matter role is a pupil's ("Head Girl", "School Council Rep"): one of
    /// `Rules/non-staff-roles.yml` that is not a parent volunteer's ("Chair, Friends of …").
    static func isPupilRole(_ text: String) -> Bool {
        let tokens = tokens(of: text)
        return nonStaffRoles.firstMatch(in: tokens, range: 0..<tokens.count) != nil
            && !tokens.contains { parentWords.contains($0.key) }
    }
    private static let volunteerWords: TokenKeySet = TokenKeySet(["volunteer", "volunteers", "helper", "helpers"].map { FNV.hash($0) })
    private static let parentWords: TokenKeySet = TokenKeySet(["parent", "parents", "parents'", "pta", "ptfa", "pfa", "fos", "friends",
                                                       "volunteer", "volunteers", "helper", "helpers"].map { FNV.hash($0) })

    func bylines() -> [Byline] {
        var found: [Byline] = []
        found += frontMatterBylines()
        found += markedBylines()
        found += metaBylines()
        found += textBylines()
        // A letter signed with a name alone under "A message from the Headteacher" or "The Head's update":
        // the heading gives the position.
        if !found.contains(where: \.hasPosition), headingGivesPosition() {
            for index in found.indices { found[index].hasPosition = true }
            if found.isEmpty, let signature = closingName() { found.append(Byline(range: signature, hasPosition: true)) }
        }
        return found
    }

    /// The source range of a name alone closing the post ("Catherine Fletcher" after "Have a wonderful
    /// summer"): the last prose block outside the template, if it is two or three capitalised words.
    private func closingName() -> Range<Int>? {
        guard let last = document.blocks.last(where: { block in
            block.block.kind.isProse && BylineFinder.mayHoldByline(block.block.kind) && !block.tokens.isEmpty
                && !block.tokens[0].contexts.contains(.pageChrome)
        }) else { return nil }
        let tokens = last.tokens
        guard tokens.count <= 4, let end = PersonName.end(in: tokens, at: 0, allowUntitled: true),
              tokens[end...].allSatisfy({ $0.kind != .word }) else { return nil }
        return last.sourceRange(from: 0, through: tokens.count - 1)
    }

    /// Whether a heading or the title names the writer's position: "A message from the Headteacher",
    /// "From our Head of School", "The Headteacher's letter".
    private func headingGivesPosition() -> Bool {
        for block in document.blocks where block.block.kind == .heading || block.block.kind == .title {
            let tokens = block.tokens
            guard tokens.count <= 20 else { continue }
            for index in tokens.indices {
                if tokens[index].key == BylineFinder.from {
                    var next = index + 1
                    if next < tokens.count, BylineFinder.headingDeterminers.contains(tokens[next].key) { next += 1 }
                    if next < tokens.count, isPosition(tokens, at: next) { return true }
                } else if tokens[index].flags.contains(.possessive), index + 1 < tokens.count,
                          BylineFinder.letterWords.contains(tokens[index + 1].key) {
                    // "The Headteacher's letter": the position ends at the possessive.
                    for start in max(0, index - 3)...index where isPosition(tokens, at: start) { return true }
                }
            }
        }
        return false
    }

    private static let from = FNV.hash("from")
    private static let headingDeterminers: TokenKeySet = TokenKeySet(["the", "our", "your", "a"].map { FNV.hash($0) })
    private static let letterWords: TokenKeySet = TokenKeySet(["letter", "message", "update", "blog", "welcome", "news", "newsletter",
                                                       "round-up", "roundup", "notes", "view", "corner"].map { FNV.hash($0) })

    // MARK: Structured places

    private func frontMatterBylines() -> [Byline] {
        guard let author = document.document.frontMatter.first(where: { BylineFinder.isAuthorKey($0.key) }) else { return [] }
        let positionFields = document.document.frontMatter.filter { BylineFinder.isPositionKey($0.key) }
        let hasPosition = positionFields.contains { containsPosition(text: $0.value) } || containsPosition(text: author.value)
        return [Byline(range: author.valueRange, hasPosition: hasPosition)]
    }

    private func markedBylines() -> [Byline] {
        let elements = document.document.elements
        let positionElements = elements.filter { element in BylineFinder.hasMarker(element, BylineFinder.positionMarkerBytes) && containsPosition(text: element.text) }
        return elements.filter { BylineFinder.hasMarker($0, BylineFinder.authorMarkerBytes) && !$0.text.isEmpty }.map { element in
            let hasPosition = containsPosition(text: element.text) || !positionElements.isEmpty
                || blockAfter(element.range.upperBound).map(isShortPositionBlock) ?? false
            return Byline(range: trimmedRange(element), hasPosition: hasPosition, hasName: namesSomeone(text: element.text))
        }
    }

    /// Whether a marked author element names a person: not only a position and the words around one
    /// ("Report from the Director of Music", "Reintegration Coordinator").
    private func namesSomeone(text: String) -> Bool {
        let tokens = BylineFinder.tokens(of: text)
        var index = 0
        while index < tokens.count {
            if let end = positions.longestMatch(in: tokens, at: index) ?? extraPositions.longestMatch(in: tokens, at: index)
                ?? BylineFinder.openers.longestMatch(in: tokens, at: index) {
                index = end
                continue
            }
            if tokens[index].kind == .word && !BylineFinder.bylineFunctionWords.contains(tokens[index].key) { return true }
            index += 1
        }
        return false
    }

    private static let bylineFunctionWords: TokenKeySet = TokenKeySet(["report", "from", "the", "by", "our", "your", "a", "an", "written", "posted",
                                                               "message", "update", "of", "and", "with", "school", "team"].map { FNV.hash($0) })

    private func metaBylines() -> [Byline] {
        guard let meta = document.document.metas.first(where: { $0.name.lowercased() == "author" && !$0.content.isEmpty }) else { return [] }
        let hasPosition = containsPosition(text: meta.content)
            || document.document.metas.contains { BylineFinder.positionMarkers.contains($0.name.lowercased()) && containsPosition(text: $0.content) }
        return [Byline(range: meta.contentRange, hasPosition: hasPosition)]
    }

    // MARK: Text

    private func textBylines() -> [Byline] {
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
    private static func mayHoldByline(_ kind: ProseKind) -> Bool {
        switch kind {
        case .imageAlt, .titleAttribute, .meta, .frontMatter, .title, .heading: false
        default: true
        }
    }

    /// Token ranges of the lines of a block (a byline often shares a paragraph with a title line).
    private static func lines(of tokens: [Token]) -> [Range<Int>] {
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

    private func isPosition(_ tokens: [Token], at start: Int) -> Bool {
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

    private func containsPosition(block: TokenizedBlock, in range: Range<Int>) -> Bool {
        containsPosition(tokens: block.tokens, in: range)
    }

    private func containsPosition(tokens: [Token], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let range = range.lowerBound..<BylineFinder.endBeforeEmailAddress(tokens, range)
        guard !range.isEmpty else { return false }
        if extraPositions.firstMatch(in: tokens, range: range) != nil { return true }
        // A staff position that is not part of a pupil's or a volunteer's role: "Blessing Okafor (PTA Chair) and
        // Ms Faith Mensah (Year 3 Teacher)" gives one.
        var start = range.lowerBound
        while start < range.upperBound, let match = positions.firstMatch(in: tokens, range: start..<range.upperBound) {
            let role = BylineFinder.nonStaffRoles.firstMatch(in: tokens, range: max(range.lowerBound, match.lowerBound - 3)..<range.upperBound)
            // "Parent volunteer, choir leader": a volunteer's status, then the part they play, is no staff post.
            let volunteersPart = role.map { $0.upperBound <= match.lowerBound && match.lowerBound - $0.upperBound <= 1
                && tokens[$0].contains { BylineFinder.volunteerWords.contains($0.key) } } ?? false
            if !volunteersPart, role.map({ $0.lowerBound >= match.upperBound || $0.upperBound <= match.lowerBound }) ?? true { return true }
            start = match.upperBound
        }
        return false
    }

    /// Where an e-mail address starts in `range`, or its end: "From: Mrs Judith Charlton
    /// <head@allerburn.example.sch.uk>" gives no position, whatever the mailbox is called.
    private static func endBeforeEmailAddress(_ tokens: [Token], _ range: Range<Int>) -> Int {
        for index in range where tokens[index].key == at && !tokens[index].flags.contains(.spaceBefore) && index > range.lowerBound {
            var start = index - 1
            while start > range.lowerBound, !tokens[start].flags.contains(.spaceBefore), tokens[start - 1].kind != .symbol,
                  tokens[start - 1].key != openingAngle { start -= 1 }
            return start
        }
        return range.upperBound
    }
    private static let at = FNV.hash("@")
    private static let openingAngle = FNV.hash("<")

    /// A block that is only a job title (the line under a name in a sign-off).
    private func isShortPositionBlock(_ block: TokenizedBlock) -> Bool {
        let words = block.tokens.filter { $0.kind != .punctuation }
        guard !words.isEmpty, words.count <= 8 else { return false }
        return containsPosition(block: block, in: 0..<block.tokens.count)
    }

    private func containsPosition(text: String) -> Bool {
        let tokens = BylineFinder.tokens(of: text)
        return containsPosition(tokens: tokens, in: 0..<tokens.count)
    }

    private static func tokens(of text: String) -> [Token] {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(text.utf8), sourceStart: 0)
        return TokenizedBlock(block: builder.finish()).tokens
    }

    /// Whether a naming attribute of `element` (class, id, rel, …) has a word that is one of `markers`,
    /// or ends "-marker", or starts "marker-" ("c-byline", "author-name"; "post__author" splits at "_").
    /// Read on bytes with ASCII case folding (the markers are ASCII): every element of every HTML post
    /// is asked.
    private static func hasMarker(_ element: MarkedElement, _ markers: [[UInt8]]) -> Bool {
        for name in markerAttributes {
            guard var value = element.attribute(name) else { continue }
            let found = value.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, !isMarkerSeparator(bytes[end]) { end += 1 }
                    if end > start, markers.contains(where: { word(bytes[start..<end], isMarkedBy: $0) }) { return true }
                    start = end + 1
                }
                return false
            }
            if found { return true }
        }
        return false
    }
    private static let markerAttributes = ["class", "id", "rel", "itemprop", "role", "data-role"]

    @inline(__always)
    private static func isMarkerSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "\n")
    }

    /// `word` is `marker`, "…-marker" or "marker-…", ASCII letters compared without case.
    private static func word(_ word: Slice<UnsafeBufferPointer<UInt8>>, isMarkedBy marker: [UInt8]) -> Bool {
        let count = word.count
        guard count >= marker.count else { return false }
        func matches(at offset: Int) -> Bool {
            for index in 0..<marker.count where ASCII.lower(word[word.startIndex + offset + index]) != marker[index] { return false }
            return true
        }
        if count == marker.count { return matches(at: 0) }
        let tail = count - marker.count
        if word[word.startIndex + tail - 1] == UInt8(ascii: "-"), matches(at: tail) { return true }
        return word[word.startIndex + marker.count] == UInt8(ascii: "-") && matches(at: 0)
    }
    private func blockAfter(_ offset: Int) -> TokenizedBlock? {
        document.blocks.first { block in
            guard let first = block.block.map.runs.first else { return false }
            return first.sourceStart >= offset && block.block.kind.isProse
        }
    }

    private func trimmedRange(_ element: MarkedElement) -> Range<Int> {
        // The element's text, located through the block that holds it; else the whole element.
        for block in document.blocks where !block.tokens.isEmpty {
            let range = block.sourceRange(from: 0, through: block.tokens.count - 1)
            if range.lowerBound >= element.range.lowerBound && range.upperBound <= element.range.upperBound { return range }
        }
        return element.range
    }
}
