/// A sealed roster in memory: the name forms as tags (`SealedRosterKey`), the forms they stand for,
/// and the tags of the words that start a form or name a group. Matching hashes the text instead of
/// the roster: a candidate token's digest, then the tags of the sequences that start at it, one
/// look-up each, up to the longest form — the work grows with the text, not with the roster.
/// A class: the check asks about every candidate token, and a struct of eight tables would be
/// retained and released field by field at each question.
final class SealedNames: Sendable {
    let key: SealedRosterKey
    /// The payloads' forms (kind, forename tokens, consent), as in the clear automaton.
    let forms: [NameAutomaton.Form]
    /// The most tokens in a form.
    let longest: Int
    /// Bit n: some form has n tokens (lengths without one are not looked up); 64 and over always are.
    let lengths: UInt64
    let starts: SealedTagTable
    /// Sequences of two tokens or more that a longer form goes on from.
    let prefixes: SealedTagTable
    let groups: SealedTagTable
    /// A form's tag → the offset in `payloads` of its payload count, followed by the payloads.
    let sequences: SealedTagTable
    let payloads: [Int32]

    init(key: SealedRosterKey, forms: [NameAutomaton.Form], longest: Int, lengths: UInt64, starts: SealedTagTable,
         prefixes: SealedTagTable, groups: SealedTagTable, sequences: SealedTagTable, payloads: [Int32]) {
        self.prefixes = prefixes
        self.key = key
        self.forms = forms
        self.longest = longest
        self.lengths = lengths
        self.starts = starts
        self.groups = groups
        self.sequences = sequences
        self.payloads = payloads
    }

    /// Calls `found` with (end token index, exclusive; form) for every form that matches `tokens`
    /// from `start`, shortest first and each form's payloads in order: what the clear automaton does.
    /// Like the automaton's walk, it goes on only while some form does.
    func matches(in tokens: [Token], _ normalized: [UInt8], from start: Int, cache: SealedTokenCache,
                 found: (Int, NameAutomaton.Form) -> Void) {
        let limit = min(longest, tokens.count - start)
        let first = cache.entry(tokens[start], normalized, self)
        guard limit > 0, first.startsName else { return }
        report(first.digest.single, length: 1, start: start, found)
        var hmac = key.sequenceBase
        SealedRosterKey.append(first.digest, to: &hmac)
        var length = 1
        while length < limit {
            length += 1
            SealedRosterKey.append(cache.entry(tokens[start + length - 1], normalized, self).digest, to: &hmac)
            let tags = SealedRosterKey.tags(of: hmac)
            report(tags.form, length: length, start: start, found)
            guard prefixes.contains(tags.prefix) else { return }
        }
    }

    @inline(__always)
    private func report(_ tag: UInt64, length: Int, start: Int, _ found: (Int, NameAutomaton.Form) -> Void) {
        guard length >= 64 || lengths & (1 << UInt64(length)) != 0, let offset = sequences.value(of: tag).map(Int.init) else { return }
        for index in 0..<Int(payloads[offset]) { found(start + length, forms[Int(payloads[offset + 1 + index])]) }
    }
}
