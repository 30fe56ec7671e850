/// What the pupil-name check asks of a roster while it reads one document: does a token start a
/// name form, which forms match from a token, is a word a group's. The same answers from the clear
/// automaton (token keys) and from a sealed roster (the tokens' keyed hashes, cached for the
/// document), so the check's findings cannot depend on which the school uses. A class: the matcher
/// is copied into a closure at every proposal, and one reference is one retain where the tables
/// were one each.
final class RosterNameLookup {
    // The storage unpacked once (not an enum switched at every question, which copied it).
    private let automaton: NameAutomaton
    private let groupWords: Set<UInt64>
    private let sealed: SealedNames?
    /// Tested first: a plain flag costs the clear path nothing, where binding `sealed` retained it.
    private let isSealed: Bool
    private let cache: SealedTokenCache

    init(_ names: RosterNames) {
        switch names {
        case .clear(let automaton, let groupWords):
            self.automaton = automaton
            self.groupWords = groupWords
            sealed = nil
            isSealed = false
        case .sealed(let sealed):
            automaton = NameAutomaton()
            groupWords = []
            self.sealed = sealed
            isSealed = true
        }
        cache = SealedTokenCache()
    }

    /// Whether some form starts with `token` (whose normalised text is in `normalized`).
    @inline(__always)
    func canStart(_ token: Token, _ normalized: [UInt8]) -> Bool {
        if isSealed { return cache.entry(token, normalized, sealed.unsafelyUnwrapped).startsName }
        return automaton.trie.canStart(with: token)
    }

    /// Calls `found` with (end token index, exclusive; form) for every form matching from `start`.
    @inline(__always)
    func matches(in tokens: [Token], _ normalized: [UInt8], from start: Int, found: (Int, NameAutomaton.Form) -> Void) {
        if isSealed {
            sealed.unsafelyUnwrapped.matches(in: tokens, normalized, from: start, cache: cache, found: found)
            return
        }
        let forms = automaton.forms
        automaton.trie.matches(in: tokens, from: start) { end, payload in found(end, forms[Int(payload)]) }
    }

    /// Whether `token` is a word of one of the roster's groups ("Puffins", "Columba").
    func isGroupWord(_ token: Token, _ normalized: [UInt8]) -> Bool {
        if isSealed { return cache.entry(token, normalized, sealed.unsafelyUnwrapped).isGroupWord }
        return groupWords.contains(token.key)
    }

    /// Whether the word with `key` is a group word; for a sealed roster, the word must have been
    /// asked about already in this document (every forename evidence and listed name has been).
    func isGroupWord(key: UInt64) -> Bool {
        if isSealed { return cache.isGroupWord(key: key) }
        return groupWords.contains(key)
    }
}
