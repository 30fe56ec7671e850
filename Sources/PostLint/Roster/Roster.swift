/// A pupil as read from a roster: the forenames they may be called by (legal, then preferred) and
/// their surnames (legal, then preferred). Year group and other columns are not kept: the roster
/// holds only what matching needs.
public struct Pupil: Sendable, Hashable {
    public var forenames: [String]
    public var surnames: [String]

    public init(forenames: [String], surnames: [String]) {
        self.forenames = forenames
        self.surnames = surnames
    }

    public init(forename: String, surname: String, preferred: String? = nil) {
        self.init(forenames: [forename] + (preferred.map { [$0] } ?? []), surnames: [surname])
    }

    /// The pupil as a set of folded names, so duplicates across files and spellings merge.
    var identity: [String] {
        let forenames = Set(forenames.map(TextNormalizer.fold)).sorted()
        let surnames = Set(surnames.map(TextNormalizer.fold)).sorted()
        return forenames + ["\u{0}"] + surnames
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

    public init(pupils: [Pupil]) {
        var seen = Set<[String]>()
        var forenames = Set<String>()
        var surnames = Set<String>()
        var builder = NameAutomaton.Builder()
        var duplicates = 0
        seen.reserveCapacity(pupils.count)
        for pupil in pupils {
            guard seen.insert(pupil.identity).inserted else {
                duplicates += 1
                continue
            }
            for name in pupil.forenames { forenames.insert(TextNormalizer.fold(name)) }
            for name in pupil.surnames { surnames.insert(TextNormalizer.fold(name)) }
            builder.add(pupil)
        }
        automaton = builder.finish()
        statistics = Statistics(pupils: seen.count, distinctForenames: forenames.count,
                                distinctSurnames: surnames.count, duplicates: duplicates)
    }

    public var isEmpty: Bool { statistics.pupils == 0 }
}
