/// A pupil as read from a roster: the forenames they may be called by (legal, then preferred) and
/// their surnames (legal, then preferred). Year group and other columns are not kept: the roster
/// holds only what matching needs.
public struct Pupil: Sendable, Hashable {
    public var forenames: [String]
    public var surnames: [String]
    /// The registration group, class, form or house, when the export has them ("Oak", "10B2", "Columba").
    public var groups: [String]
    /// What the export's consent columns say (`.unknown` when it has none).
    public var consent: Consent

    public init(forenames: [String], surnames: [String], groups: [String] = [], consent: Consent = .unknown) {
        self.forenames = forenames
        self.surnames = surnames
        self.groups = groups
        self.consent = consent
    }

    public init(forename: String, surname: String, preferred: String? = nil) {
        self.init(forenames: [forename] + (preferred.map { [$0] } ?? []), surnames: [surname])
    }
}

/// The pupils of one or more roster files, compiled into one name automaton — or a sealed roster,
/// which holds the same name forms as keyed hashes. Matching costs the same for 30 or 50,000
/// pupils: the automaton (or the hash table) is asked once per candidate token, whatever its size.
/// The names themselves are not kept after compiling (only hashes of their folded tokens), so a
/// roster in memory cannot be printed by accident.
public struct Roster: Sendable {
    public struct Statistics: Sendable, Hashable {
        /// Distinct pupils (duplicates merged).
        public var pupils: Int
        public var distinctForenames: Int
        public var distinctSurnames: Int
        /// Rows that repeated a pupil already read (same names), merged into one.
        public var duplicates: Int
        /// Pupils by consent state; nil when no roster file has a consent column.
        public var consent: Consent.Counts? = nil
    }

    public let statistics: Statistics
    let names: RosterNames

    /// Compiles `pupils`; a pupil whose names (folded: case, diacritics and ’ aside) repeat one
    /// already added is a duplicate and merged (keeping the strictest consent of the two).
    /// `hasConsentData`: some file had a consent column, so the statistics count consent states.
    public init(pupils: [Pupil], hasConsentData: Bool = false) {
        var builder = NameAutomaton.Builder(capacity: pupils.count)
        for pupil in pupils { builder.add(pupil) }
        var groups: Set<String> = []
        for pupil in pupils { groups.formUnion(pupil.groups) }
        names = .clear(builder.finish(), groupWords: Set(groups.flatMap(TokenizedBlock.wordKeys)))
        statistics = builder.statistics(hasConsentData: hasConsentData)
    }

    /// A sealed roster, read and verified by `SealedRosterReader`.
    init(sealed: SealedNames, statistics: Statistics) {
        names = .sealed(sealed)
        self.statistics = statistics
    }

    public var isEmpty: Bool { statistics.pupils == 0 }

    /// Whether the names are held as keyed hashes (a sealed roster) rather than compiled from CSV.
    public var isSealed: Bool {
        if case .sealed = names { return true }
        return false
    }

    /// What the pupil-name check asks of the roster while it reads one document.
    func lookup() -> RosterNameLookup { RosterNameLookup(names) }
}
