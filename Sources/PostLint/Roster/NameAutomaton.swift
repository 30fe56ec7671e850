/// All the ways a roster's names can be written, in one `TokenTrie` over token keys. Each accepted
/// sequence carries a payload that indexes `forms`: which form matched (full name, "Surname,
/// Forename", forename + initial, forename alone…), how many of its tokens are the forename, so a
/// fix can keep the forename as written, and the consent of the pupils written that way. Pupils that
/// share a form share the payload, so the table stays tiny however many pupils there are.
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
        /// The strictest consent of the pupils whose name this sequence writes in this form.
        var consent: Consent = .unknown
    }

    var trie = TokenTrie()
    var forms: [Form] = []
}
