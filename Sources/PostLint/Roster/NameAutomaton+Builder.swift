extension NameAutomaton {
    /// Builds the automaton pupil by pupil, tokenising each distinct name once (forenames repeat a
    /// lot in a large school, so the cache does most of the work).
    ///
    /// Consent: a sequence already inserted for the same form keeps one payload, the one with the
    /// strictest consent of the pupils written that way, in the place of the first (so that the
    /// order of proposals, and with it every finding, is the same whatever the consent data).
    struct Builder {
        private var automaton = NameAutomaton()
        private var formIndex: [Form: Int32] = [:]
        /// The payload of the common forms (a forename of under 16 tokens), by kind, consent and forename
        /// tokens: a look-up per insert that hashes nothing. -1: not assigned yet.
        private var formTable = [Int32](repeating: -1, count: 8 * 3 * 16)
        private var nameCache: [String: NameTokens] = [:]
        /// Each distinct pupil (forename and surname hashes) with the strictest consent read for them.
        private var identities: [UInt64: Consent] = [:]
        private var forenameKeys: Set<UInt64> = []
        private var surnameKeys: Set<UInt64> = []
        private(set) var duplicates = 0
        /// Names whose forename-alone / surname-alone sequence is in already (they repeat a lot), with
        /// the consent it was inserted with: a stricter one inserts it again.
        private var forenamesInserted: [UInt64: Consent] = [:]
        private var surnamesInserted: [UInt64: Consent] = [:]
        private var steps: [TokenTrie.Step] = []
        /// Some pupil so far had a consent other than unknown: until then every payload of a form is
        /// the same, and inserting is the plain "add unless there" (the common roster, kept as fast).
        private var sawConsent = false
        private static let comma = [FNV.hash(",")]
        /// For sealing only: the normalised text of every token key inserted (nil otherwise, so a
        /// roster compiled for checking keeps no name).
        private(set) var spellings: [UInt64: [UInt8]]?

        init(capacity: Int = 0, recordingSpellings: Bool = false) {
            identities.reserveCapacity(capacity)
            nameCache.reserveCapacity(capacity)
            // About a dozen edges per pupil across all the forms of their name.
            automaton.trie.reserveCapacity(capacity * 12)
            if recordingSpellings { spellings = [FNV.hash(","): Array(",".utf8)] }
        }

        var pupils: Int { identities.count }
        var distinctForenames: Int { forenameKeys.count }
        var distinctSurnames: Int { surnameKeys.count }

        func statistics(hasConsentData: Bool) -> Roster.Statistics {
            var consent: Consent.Counts?
            if hasConsentData {
                var counts = Consent.Counts()
                for state in identities.values { counts.add(state) }
                consent = counts
            }
            return Roster.Statistics(pupils: pupils, distinctForenames: distinctForenames,
                                     distinctSurnames: distinctSurnames, duplicates: duplicates, consent: consent)
        }

        mutating func add(_ pupil: Pupil) {
            var forenames: [NameTokens] = []
            for name in pupil.forenames { forenames.append(tokens(of: name)) }
            forenames = unique(forenames)
            var surnames: [NameTokens] = []
            for name in pupil.surnames { surnames.append(tokens(of: name)) }
            surnames = unique(surnames)
            guard !forenames.isEmpty || !surnames.isEmpty else { return }
            let consent = pupil.consent
            if consent != .unknown { sawConsent = true }
            // The pupil's identity: the set of forename hashes and the set of surname hashes.
            let identity = forenames.map(\.hash).sorted().reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ $1) &* 0x100_0000_01B3 }
                ^ (surnames.map(\.hash).sorted().reduce(0x84222325 as UInt64) { ($0 ^ $1) &* 0x100_0000_01B3 } &* 31)
            // One hash per look-up and store (`updateValue`): this runs for every row of a large export.
            if let known = identities.updateValue(consent, forKey: identity) {
                duplicates += 1
                // A duplicate row that refuses what the first allowed makes the merged pupil stricter.
                guard consent < known else {
                    identities[identity] = known
                    return
                }
            }
            for forename in forenames { forenameKeys.insert(forename.hash) }
            for surname in surnames { surnameKeys.insert(surname.hash) }
            for forename in forenames {
                let inserted = forenamesInserted.updateValue(consent, forKey: forename.hash)
                if let inserted, inserted < consent { forenamesInserted[forename.hash] = inserted }
                let insertsAlone = inserted.map { consent < $0 } ?? true
                for f in forename.variants {
                    if insertsAlone { insert(.forename, f.count, consent, f) }
                    for surname in surnames {
                        for s in surname.variants {
                            insert(.full, f.count, consent, f, s)
                            insert(.surnameCommaForename, f.count, consent, s, Self.comma, f)
                            insert(.surnameForename, f.count, consent, s, f)
                        }
                        if let initial = surname.initialKey { insert(.initial, f.count, consent, f, [initial]) }
                    }
                }
                for surname in surnames {
                    insert(.concatenated, 1, consent, [Self.hash(forename.joined, surname.joined)])
                    insert(.concatenated, 1, consent, [Self.hash(surname.joined, forename.joined)])
                    if spellings != nil {
                        spellings![Self.hash(forename.joined, surname.joined)] = Array((forename.joined + surname.joined).utf8)
                        spellings![Self.hash(surname.joined, forename.joined)] = Array((surname.joined + forename.joined).utf8)
                    }
                }
            }
            for surname in surnames {
                let inserted = surnamesInserted.updateValue(consent, forKey: surname.hash)
                if let inserted, inserted < consent { surnamesInserted[surname.hash] = inserted }
                guard inserted.map({ consent < $0 }) ?? true else { continue }
                for s in surname.variants { insert(.surname, 0, consent, s) }
                if let plural = surname.plural { insert(.surnamePlural, 0, consent, plural) }
            }
        }

        func finish() -> NameAutomaton { automaton }

        /// Inserts the sequence `first + second + third` (fixed parameters, not variadic: this runs
        /// millions of times for a large roster, and a variadic call allocates an array each time).
        private mutating func insert(_ kind: Form.Kind, _ forenameTokens: Int, _ consent: Consent, _ first: [UInt64],
                                     _ second: [UInt64] = [], _ third: [UInt64] = []) {
            let slot = forenameTokens < 16 ? (Int(kind.rawValue) * 3 + Int(consent.rawValue)) * 16 + forenameTokens : nil
            let payload: Int32
            if let slot, formTable[slot] >= 0 {
                payload = formTable[slot]
            } else {
                let form = Form(kind: kind, forenameTokens: forenameTokens, consent: consent)
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
            guard sawConsent else {
                automaton.trie.insert(steps, payload: payload)
                return
            }
            let forms = automaton.forms
            automaton.trie.insert(steps) { accepts in
                guard let index = accepts.firstIndex(where: {
                    forms[Int($0)].kind == kind && forms[Int($0)].forenameTokens == forenameTokens
                }) else {
                    accepts.append(payload)
                    return
                }
                if consent < forms[Int(accepts[index])].consent { accepts[index] = payload }
            }
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
            let tokens = NameTokens(name, recordingSpellings: spellings != nil)
            nameCache[name] = tokens
            if let spelled = tokens.spellings { spellings!.merge(spelled) { current, _ in current } }
            return tokens
        }
    }
}
