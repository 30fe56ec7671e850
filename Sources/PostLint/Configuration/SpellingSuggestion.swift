/// Finds the known word a mistyped one was probably meant to be, so an error can say
/// "did you mean `domains`?" instead of leaving the reader to compare lists.
enum SpellingSuggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo.
    /// An abbreviation (`warn` for `warning`) counts as close.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        if word.count >= 3, let expanded = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }) {
            return expanded
        }
        let word = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(word.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Levenshtein distance, counting a swap of two neighbours as one edit (people type `doamins`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
