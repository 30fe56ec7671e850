/// What the pupil-name check asks of a roster while it reads one document: does a token start a
/// name form, which forms match from a token, is a word a group's. The same answers from the clear
/// automaton (token keys) and from a sealed roster (the tokens' keyed hashes, cached for the
/// document), so the check's findings cannot depend on which the school uses.
struct RosterNameLookup {
    private let names: RosterNames
    private let cache: SealedTokenCache?

    init(_ names: RosterNames) {
        self.names = names
        if case .sealed = names { cache = SealedTokenCache() } else { cache = nil }
    }

    /// Whether some form starts with `token` (whose normalised text is in `normalized`).
    @inline(__always)
    func canStart(_ token: Token, _ normalized: [UInt8]) -> Bool {
        switch names {
        case .clear(let automaton, _): automaton.trie.canStart(with: token)
        case .sealed(let sealed): cache!.entry(token, normalized, sealed).startsName
        }
    }

    /// Calls `found` with (end token index, exclusive; form) for every form matching from `start`.
    func matches(in tokens: [Token], _ normalized: [UInt8], from start: Int, found: (Int, NameAutomaton.Form) -> Void) {
        switch names {
        case .clear(let automaton, _):
            automaton.trie.matches(in: tokens, from: start) { end, payload in found(end, automaton.forms[Int(payload)]) }
        case .sealed(let sealed):
            sealed.matches(in: tokens, normalized, from: start, cache: cache!, found: found)
        }
    }

    /// Whether `token` is a word of one of the roster's groups ("Puffins", "Columba").
    func isGroupWord(_ token: Token, _ normalized: [UInt8]) -> Bool {
        switch names {
        case .clear(_, let groupWords): groupWords.contains(token.key)
        case .sealed(let sealed): cache!.entry(token, normalized, sealed).isGroupWord
        }
    }

    /// Whether the word with `key` is a group word; for a sealed roster, the word must have been
    /// asked about already in this document (every forename evidence and listed name has been).
    func isGroupWord(key: UInt64) -> Bool {
        switch names {
        case .clear(_, let groupWords): groupWords.contains(key)
        case .sealed: cache!.isGroupWord(key: key)
        }
    }
}
