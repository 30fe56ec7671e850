extension Roster {
    /// Reads a roster export held in memory as if from `path`: CSV from the school's MIS in any of the
    /// encodings and header shapes `postlint roster check` accepts, or a sealed roster (read with the
    /// key in `POSTLINT_ROSTER_KEY`). The roster (nil when no pupil could be read) and the problems met;
    /// an error among them means rows were skipped, and a run using the roster should fail.
    public static func load(bytes: [UInt8], path: String = "roster.csv") -> (roster: Roster?, problems: [Problem]) {
        let result = RosterLoader.load(bytes: bytes, path: path)
        return (result.roster, result.problems)
    }
}
