/// A pupil as read from a roster: the forenames they may be called by (legal, then preferred) and
/// their surnames (legal, then preferred). Year group and other columns are not kept: the roster
/// holds only what matching needs.
public struct Pupil: Sendable, Hashable {
    public var forenames: [String]
    public var surnames: [String]
    /// The registration group, class, form or house, when the export has them ("Oak", "10B2", "Columba").
    public var groups: [String]

    public init(forenames: [String], surnames: [String], groups: [String] = []) {
        self.forenames = forenames
        self.surnames = surnames
        self.groups = groups
    }

    public init(forename: String, surname: String, preferred: String? = nil) {
        self.init(forenames: [forename] + (preferred.map { [$0] } ?? []), surnames: [surname])
    }
}

/// The pupils of one or more roster files, compiled into one name automaton. Matching costs the same
/// for 30 or 50,000 pupils: the automaton is walked once per token, whatever its size. The names
/// themselves are not kept after compiling (only hashes of their folded tokens), so a roster in
/// memory cannot be printed by accident.
public struct Roster: Sendable {
    public struct Statistics: Sendable, Hashable {
        /// Distinct pupils (duplicates merged).
        public var pupils: Int
        public var distinctForenames: Int
        public var distinctSurnames: Int
        /// Rows that repeated a pupil already read (same names), merged into one.
        public var duplicates: Int
    }

    public let statistics: Statistics
    let automaton: NameAutomaton
    /// Keys of the words of the pupils' group names ("Oak", "Kingfishers"): these name groups.
    let groupWords: Set<UInt64>

    /// Compiles `pupils`; a pupil whose names (folded: case, diacritics and ’ aside) repeat one
    /// already added is a duplicate and merged.
    public init(pupils: [Pupil]) {
        var builder = NameAutomaton.Builder(capacity: pupils.count)
        for pupil in pupils { builder.add(pupil) }
        automaton = builder.finish()
        var groups: Set<String> = []
        for pupil in pupils { groups.formUnion(pupil.groups) }
        groupWords = Set(groups.flatMap(PupilNameVocabulary.wordKeys))
        statistics = Statistics(pupils: builder.pupils, distinctForenames: builder.distinctForenames,
                                distinctSurnames: builder.distinctSurnames, duplicates: builder.duplicates)
    }

    public var isEmpty: Bool { statistics.pupils == 0 }
}
