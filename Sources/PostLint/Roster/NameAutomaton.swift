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
        private var nameCache: [String: NameTokens] = [:]
        private static let commaKey = FNV.hash(",")

        mutating func add(_ pupil: Pupil) {
            var forenames: [NameTokens] = []
            for name in pupil.forenames { forenames.append(tokens(of: name)) }
            forenames = unique(forenames)
            var surnames: [NameTokens] = []
            for name in pupil.surnames { surnames.append(tokens(of: name)) }
            surnames = unique(surnames)
            for forename in forenames {
                for f in forename.variants {
                    insert(f, .forename, f.count)
                    for surname in surnames {
                        for s in surname.variants {
                            insert(f + s, .full, f.count)
                            insert(s + [Self.commaKey] + f, .surnameCommaForename, f.count)
                            insert(s + f, .surnameForename, f.count)
                        }
                        if let initial = surname.initialKey { insert(f + [initial], .initial, f.count) }
                    }
                }
                for surname in surnames {
                    insert([FNV.hash(forename.joined + surname.joined) as UInt64], .concatenated, 1)
                    insert([FNV.hash(surname.joined + forename.joined) as UInt64], .concatenated, 1)
                }
            }
            for surname in surnames {
                for s in surname.variants { insert(s, .surname, 0) }
            }
        }

        func finish() -> NameAutomaton { automaton }

        private mutating func insert(_ keys: [UInt64], _ kind: Form.Kind, _ forenameTokens: Int) {
            guard !keys.isEmpty else { return }
            let form = Form(kind: kind, forenameTokens: forenameTokens)
            let payload: Int32
            if let existing = formIndex[form] {
                payload = existing
            } else {
                payload = Int32(automaton.forms.count)
                automaton.forms.append(form)
                formIndex[form] = payload
            }
            automaton.trie.insert(keys.map { .token($0) }, payload: payload)
        }

        private func unique(_ names: [NameTokens]) -> [NameTokens] {
            var seen = Set<[UInt64]>()
            return names.filter { !$0.keys.isEmpty && seen.insert($0.keys).inserted }
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

    init(_ name: String) {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(name.utf8), sourceStart: 0)
        let block = TokenizedBlock(block: builder.finish())
        let tokens = block.tokens
        keys = tokens.map(\.key)
        let words = tokens.filter { $0.kind == .word }
        joined = words.map { block.normalizedText(of: $0) }.joined()
        initialKey = joined.first.map { FNV.hash(String($0)) }
        var variants = [keys]
        let wordKeys = words.map(\.key)
        if wordKeys.count > 1 {
            if wordKeys != keys { variants.append(wordKeys) }
            let hyphenated = Array(wordKeys.map { [$0] }.joined(separator: [FNV.hash("-")]))
            if hyphenated != keys { variants.append(hyphenated) }
        }
        self.variants = variants
    }
}
