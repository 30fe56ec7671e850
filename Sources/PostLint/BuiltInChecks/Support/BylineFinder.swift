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
    static let openers = PhraseMatcher(patterns: RulePack.embedded.list(.bylineOpeners))
    /// Openers clear enough to start a byline anywhere on a line (after a date, say).
    static let strongOpeners = PhraseMatcher(patterns: RulePack.embedded.list(.bylineStrongOpeners))
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
    static let nonStaffRoles = PhraseMatcher(patterns: RulePack.embedded.list(.nonStaffRoles))

    /// Whether a front-matter role is a pupil's ("Head Girl", "School Council Rep"): one of
    /// `Rules/non-staff-roles.yml` that is not a parent volunteer's ("Chair, Friends of …").
    static func isPupilRole(_ text: String) -> Bool {
        let tokens = tokens(of: text)
        return nonStaffRoles.firstMatch(in: tokens, range: 0..<tokens.count) != nil
            && !tokens.contains { parentWords.contains($0.key) }
    }
    static let volunteerWords: TokenKeySet = TokenKeySet(["volunteer", "volunteers", "helper", "helpers"].map { FNV.hash($0) })
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

    static let from = FNV.hash("from")
    static let headingDeterminers: TokenKeySet = TokenKeySet(["the", "our", "your", "a"].map { FNV.hash($0) })
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
    static func word(_ word: Slice<UnsafeBufferPointer<UInt8>>, isMarkedBy marker: [UInt8]) -> Bool {
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
