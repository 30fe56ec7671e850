/// Seals MIS exports into one sealed roster (`postlint roster seal`): a file a school can commit to
/// a public repository, which holds every name form only as a keyed hash.
package enum RosterSealer {
    package struct Result: Sendable {
        /// The sealed file; nil when an export has errors (nothing is sealed from part of one).
        package var sealed: [UInt8]?
        package var statistics: Roster.Statistics?
        /// Problems with the exports, as `RosterLoader` reports them (never a name).
        package var problems: [Problem]
        package var files: [RosterLoadResult.FileSummary]
    }

    /// Reads `paths` (CSV exports, loaded together as one roster, consent read as `options` says)
    /// and seals their pupils under `key`.
    package static func seal(paths: [String], options: RosterLoadOptions, key: RosterKey) -> Result {
        let read = RosterLoader.pupils(paths: paths, options: options)
        guard let pupils = read.pupils else {
            return Result(sealed: nil, statistics: nil, problems: read.result.problems, files: read.result.files)
        }
        let sealed = SealedRosterWriter.seal(pupils: pupils, hasConsentData: read.hasConsentData, key: key)
        return Result(sealed: sealed.bytes, statistics: sealed.statistics, problems: read.result.problems, files: read.result.files)
    }
}
