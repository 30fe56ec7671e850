/// A compiled list of patterns (see `PhrasePattern`) for built-in checks that look for phrases in
/// token streams: job titles, citation openers. One token trie for the whole list.
package struct PhraseMatcher: Sendable {
    private var trie = TokenTrie()
    private var patterns: [PhrasePattern] = []

    package init(patterns sources: [String]) {
        for source in sources {
            // The lists are data; an entry that does not parse is read as a literal phrase.
            let pattern = (try? PhrasePattern(source)) ?? (try? PhrasePattern(PhraseMatcher.escaped(source)))
            guard let pattern else { continue }
            pattern.insert(into: &trie, payload: Int32(patterns.count))
            patterns.append(pattern)
        }
    }

    package var isEmpty: Bool { trie.isEmpty }

    /// The end (exclusive) of the longest match starting at `start`, or nil. Callers try every
    /// token, so the test that turns most of them away is inlined into their loops.
    @inline(__always)
    package func longestMatch(in tokens: [Token], at start: Int) -> Int? {
        guard start < tokens.count, trie.canStart(with: tokens[start]) else { return nil }
        return longestMatch(startingWith: tokens, at: start)
    }

    /// The longest match ending at or before `limit`: inside a range, "Head of Science" is a match
    /// although "Head of Science Brookfield" (the next line's words) would be a longer one outside it.
    private func longestMatch(startingWith tokens: [Token], at start: Int, limit: Int = .max) -> Int? {
        var longest: Int?
        trie.matches(in: tokens, from: start) { end, payload in
            if end > limit { return }
            if patterns[Int(payload)].requiresSentenceStart && !tokens[start].flags.contains(.sentenceStart) { return }
            longest = max(longest ?? end, end)
        }
        return longest
    }

    /// The first match in `range` of the tokens, as (start, end).
    package func firstMatch(in tokens: [Token], range: Range<Int>) -> Range<Int>? {
        let end = min(range.upperBound, tokens.count)
        var start = range.lowerBound
        while true {
            start = trie.firstStart(in: tokens, from: start, to: end)
            guard start < end else { return nil }
            if let end = longestMatch(startingWith: tokens, at: start, limit: range.upperBound) { return start..<end }
            start += 1
        }
    }

    /// A configuration value (a job title a school added) as a literal phrase, with pattern syntax removed.
    static func escaped(_ text: String) -> String {
        String(text.unicodeScalars.filter { !"()|?{}^".unicodeScalars.contains($0) }.map(Character.init))
    }
}
