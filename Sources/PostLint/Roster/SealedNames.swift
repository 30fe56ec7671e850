/// A sealed roster in memory: the name forms as tags (`SealedRosterKey`), the forms they stand for,
/// and the tags of the words that start a form or name a group. Matching hashes the text instead of
/// the roster: a candidate token's digest, then the tags of the sequences that start at it, one
/// look-up each, up to the longest form — the work grows with the text, not with the roster.
struct SealedNames: Sendable {
    let key: SealedRosterKey
    /// The payloads' forms (kind, forename tokens, consent), as in the clear automaton.
    let forms: [NameAutomaton.Form]
    /// The most tokens in a form.
    let longest: Int
    /// Bit n: some form has n tokens (lengths without one are not hashed).
    let lengths: UInt64
    let starts: SealedTagTable
    let groups: SealedTagTable
    /// A form's tag → the offset in `payloads` of its payload count, followed by the payloads.
    let sequences: SealedTagTable
    let payloads: [Int32]

    /// Calls `found` with (end token index, exclusive; form) for every form that matches `tokens`
    /// from `start`, shortest first and each form's payloads in order: what the clear automaton does.
    func matches(in tokens: [Token], _ normalized: [UInt8], from start: Int, cache: SealedTokenCache,
                 found: (Int, NameAutomaton.Form) -> Void) {
        let limit = min(longest, tokens.count - start)
        guard limit > 0, cache.entry(tokens[start], normalized, self).startsName else { return }
        var hmac = key.sequenceBase
        for length in 1...limit {
            SealedRosterKey.append(cache.entry(tokens[start + length - 1], normalized, self).digest, to: &hmac)
            guard lengths & (1 << UInt64(length)) != 0,
                  let offset = sequences.value(of: SealedRosterKey.tag(of: hmac)).map(Int.init) else { continue }
            for index in 0..<Int(payloads[offset]) { found(start + length, forms[Int(payloads[offset + 1 + index])]) }
        }
    }
}
