/// All the ways a roster's names can be written, in one `TokenTrie` over token keys. Each accepted
/// sequence carries a payload that indexes `forms`: which form matched (full name, "Surname,
/// Forename", forename + initial, forename alone…) and how many of its tokens are the forename, so a
/// fix can keep the forename as written. Pupils that share a form share the payload, so the table
/// stays tiny however many pupils there are.
struct NameAutomaton: Sendable {
    struct Form: Hashable, Sendable {
        enum Kind: UInt8, Sendable {
            /// Forename (or preferred name) + surname: "Oliver Whitfield".
            case full
            /// "Whitfield, Oliver".
            case surnameCommaForename
            /// "Whitfield Oliver": only trusted in file names (`whitfield-oliver.jpg`).
            case surnameForename
            /// Forename and surname run together as one word: only in file names (`oliverwhitfield.jpg`).
            case concatenated
            /// Forename + surname initial: "Oliver S".
            case initial
            case forename
            case surname
            /// A family in the plural: "the Fitzgeralds", "the Joneses".
            case surnamePlural
        }

        var kind: Kind
        /// Tokens of the match that are the forename (at the start, or at the end for surname-first forms).
        var forenameTokens: Int
    }

    var trie = TokenTrie()
    var forms: [Form] = []

    /// Builds the automaton pupil by pupil, tokenising each distinct name once (forenames repeat a
    /// lot in a large school, so the cache does most of the work).
    struct Builder {
        private var automaton = NameAutomaton()
        private var formIndex: [Form: Int32] = [:]
        /// The payload of the common forms (a forename of under 16 tokens), by kind and forename tokens:
        /// a look-up per insert that hashes nothing. -1: not assigned yet.
        private var formTable = [Int32](repeating: -1, count: 8 * 16)
        private var nameCache: [String: NameTokens] = [:]
        private var identities: Set<UInt64> = []
        private var forenameKeys: Set<UInt64> = []
        private var surnameKeys: Set<UInt64> = []
        private(set) var duplicates = 0
        /// Names whose forename-alone / surname-alone sequence is in already (they repeat a lot).
        private var forenamesInserted: Set<UInt64> = []
        private var surnamesInserted: Set<UInt64> = []
        private var steps: [TokenTrie.Step] = []
        private static let comma = [FNV.hash(",")]

        init(capacity: Int = 0) {
            identities.reserveCapacity(capacity)
            nameCache.reserveCapacity(capacity)
            // About a dozen edges per pupil across all the forms of their name.
            automaton.trie.reserveCapacity(capacity * 12)
        }

        var pupils: Int { identities.count }
        var distinctForenames: Int { forenameKeys.count }
        var distinctSurnames: Int { surnameKeys.count }

        mutating func add(_ pupil: Pupil) {
            var forenames: [NameTokens] = []
            for name in pupil.forenames { forenames.append(tokens(of: name)) }
            forenames = unique(forenames)
            var surnames: [NameTokens] = []
            for name in pupil.surnames { surnames.append(tokens(of: name)) }
            surnames = unique(surnames)
            guard !forenames.isEmpty || !surnames.isEmpty else { return }
            // The pupil's identity: the set of forename hashes and the set of surname hashes.
            let identity = forenames.map(\.hash).sorted().reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ $1) &* 0x100_0000_01B3 }
                ^ (surnames.map(\.hash).sorted().reduce(0x84222325 as UInt64) { ($0 ^ $1) &* 0x100_0000_01B3 } &* 31)
            guard identities.insert(identity).inserted else {
                duplicates += 1
                return
            }
            for forename in forenames { forenameKeys.insert(forename.hash) }
            for surname in surnames { surnameKeys.insert(surname.hash) }
            for forename in forenames {
                let isNewForename = forenamesInserted.insert(forename.hash).inserted
                for f in forename.variants {
                    if isNewForename { insert(.forename, f.count, f) }
                    for surname in surnames {
                        for s in surname.variants {
                            insert(.full, f.count, f, s)
                            insert(.surnameCommaForename, f.count, s, Self.comma, f)
                            insert(.surnameForename, f.count, s, f)
                        }
                        if let initial = surname.initialKey { insert(.initial, f.count, f, [initial]) }
                    }
                }
                for surname in surnames {
                    insert(.concatenated, 1, [Self.hash(forename.joined, surname.joined)])
                    insert(.concatenated, 1, [Self.hash(surname.joined, forename.joined)])
                }
            }
            for surname in surnames where surnamesInserted.insert(surname.hash).inserted {
                for s in surname.variants { insert(.surname, 0, s) }
                if let plural = surname.plural { insert(.surnamePlural, 0, plural) }
            }
        }

        func finish() -> NameAutomaton { automaton }

        /// Inserts the sequence `first + second + third` (fixed parameters, not variadic: this runs
        /// millions of times for a large roster, and a variadic call allocates an array each time).
        private mutating func insert(_ kind: Form.Kind, _ forenameTokens: Int, _ first: [UInt64],
                                     _ second: [UInt64] = [], _ third: [UInt64] = []) {
            let slot = forenameTokens < 16 ? Int(kind.rawValue) * 16 + forenameTokens : nil
            let payload: Int32
            if let slot, formTable[slot] >= 0 {
                payload = formTable[slot]
            } else {
                let form = Form(kind: kind, forenameTokens: forenameTokens)
                if let existing = formIndex[form] {
                    payload = existing
                } else {
                    payload = Int32(automaton.forms.count)
                    automaton.forms.append(form)
                    formIndex[form] = payload
                }
                if let slot { formTable[slot] = payload }
            }
            steps.removeAll(keepingCapacity: true)
            for key in first { steps.append(.token(key)) }
            for key in second { steps.append(.token(key)) }
            for key in third { steps.append(.token(key)) }
            automaton.trie.insert(steps, payload: payload)
        }

        /// The FNV hash of `first + second` without building the joined string.
        private static func hash(_ first: String, _ second: String) -> UInt64 {
            var hash = FNV.basis
            for byte in first.utf8 { hash = FNV.combine(hash, byte) }
            for byte in second.utf8 { hash = FNV.combine(hash, byte) }
            return hash
        }

        private func unique(_ names: [NameTokens]) -> [NameTokens] {
            var result: [NameTokens] = []
            for name in names where !name.keys.isEmpty && !result.contains(where: { $0.hash == name.hash }) {
                result.append(name)
            }
            return result
        }

        private mutating func tokens(of name: String) -> NameTokens {
            if let cached = nameCache[name] { return cached }
            let tokens = NameTokens(name)
            nameCache[name] = tokens
            return tokens
        }
    }
}

/// A name tokenised exactly as document text is, with its spelling variants: "Okonkwo-Hale" is
/// also matched as "Okonkwo Hale" and "Okonkwo Hale" as "Okonkwo-Hale".
struct NameTokens {
    /// The keys of the name's tokens as written in the roster.
    let keys: [UInt64]
    /// Key sequences to insert (as written, without hyphens, with hyphens between words).
    let variants: [[UInt64]]
    /// The folded words run together ("okonkwohale"), for file names.
    let joined: String
    /// The key of the first letter of the name, for "Oliver W.".
    let initialKey: UInt64?
    /// One hash of the whole folded name (its word keys), for merging duplicates.
    let hash: UInt64
    /// The name with its last word in the plural ("Fitzgeralds", "Joneses"), for families.
    let plural: [UInt64]?

    init(_ name: String) {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(name.utf8), sourceStart: 0)
        let block = TokenizedBlock(block: builder.finish())
        let tokens = block.tokens
        keys = tokens.map(\.key)
        let words = tokens.filter { $0.kind == .word }
        joined = words.map { block.normalizedText(of: $0) }.joined().filter { $0 != "'" }
        initialKey = joined.first.map { FNV.hash(String($0)) }
        var variants = [keys]
        let wordKeys = words.map(\.key)
        // "O'Brien" is also written "OBrien", and file names drop the apostrophe (`zoe-obrien.jpg`).
        // (Apostrophes are looked for as bytes: String.contains goes through Foundation's range(of:).)
        let apostrophe = UInt8(ascii: "'")
        let unapostrophised = words.map { block.normalizedText(of: $0) }.filter { $0.utf8.contains(apostrophe) }
        if !unapostrophised.isEmpty {
            variants.append(words.map { word in
                let text = block.normalizedText(of: word)
                return text.utf8.contains(apostrophe) ? FNV.hash(text.filter { $0 != "'" }) : word.key
            })
        }
        if wordKeys.count > 1 {
            if wordKeys != keys { variants.append(wordKeys) }
            let hyphenated = Array(wordKeys.map { [$0] }.joined(separator: [FNV.hash("-")]))
            if hyphenated != keys { variants.append(hyphenated) }
        }
        self.variants = variants
        if let last = words.last {
            let text = block.normalizedText(of: last).filter { $0 != "'" }
            let ending = text.hasSuffix("s") || text.hasSuffix("x") || text.hasSuffix("z") || text.hasSuffix("ch")
                || text.hasSuffix("sh") ? "es" : "s"
            plural = wordKeys.dropLast() + [FNV.hash(text + ending)]
        } else {
            plural = nil
        }
        hash = wordKeys.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ $1) &* 0x100_0000_01B3 }
    }
}
