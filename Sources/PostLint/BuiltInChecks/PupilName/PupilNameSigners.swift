/// The full names a post is signed with, with a school position ("Ffion Evans / Head of Welsh",
/// "Nia Davies – Head of Year 7"): the member of staff who wrote it. Wherever the post gives that
/// full name, it is the adult, even when a pupil on the roster shares it. A signature with a pupil's
/// role ("Digital Leader", "Head Girl") signs nothing away: pupils write posts too.
struct PupilNameSigners {
    private var names: Set<[UInt64]> = []

    /// Looks for signatures only when a full name was matched (the byline search is a pass of its own).
    init(_ resolved: [(block: TokenizedBlock, matches: [PupilNameMatcher.Match])], document: AnalyzedDocument,
         configuration: Configuration) {
        let fullNames = resolved.flatMap { entry in
            entry.matches.lazy.filter { $0.form.kind == .full }.map { (block: entry.block, match: $0) }
        }
        guard !fullNames.isEmpty else { return }
        let source = document.document.source.utf8
        let signatures = BylineFinder(document: document, configuration: configuration).bylines()
            .filter { $0.hasPosition && $0.range.upperBound <= source.count && !Self.namesPupilRole(source[$0.range]) }
            .map(\.range)
        guard !signatures.isEmpty else { return }
        // A list item is a prize list or a roll of honour ("The Headmaster's Prize – Honor Bishop, Head of
        // School"), never a signature.
        for (block, match) in fullNames where block.block.kind != .listItem {
            let range = block.block.sourceRange(match.textRange)
            if signatures.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                names.insert(Self.key(match, in: block))
            }
        }
    }

    /// Whether `match` is a full name the post is signed with.
    func signed(_ match: PupilNameMatcher.Match, in block: TokenizedBlock) -> Bool {
        !names.isEmpty && match.form.kind == .full && names.contains(Self.key(match, in: block))
    }

    private static func key(_ match: PupilNameMatcher.Match, in block: TokenizedBlock) -> [UInt64] {
        block.tokens[match.start..<match.end].filter { $0.kind == .word }.map(\.key)
    }

    /// Roles pupils hold, which a signature may give instead of a job.
    private static let pupilRoles: Set<String> = ["ambassador", "ambassadors", "captain", "captains", "prefect", "prefects",
                                                  "monitor", "monitors", "pupil", "pupils", "student", "students", "girl",
                                                  "boy", "digital", "play", "young", "councillor", "councillors"]

    private static func namesPupilRole(_ text: ArraySlice<UInt8>) -> Bool {
        var word: [UInt8] = []
        for byte in text {
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                word.append(byte | 0x20)
                continue
            }
            if !word.isEmpty, pupilRoles.contains(String(decoding: word, as: UTF8.self)) { return true }
            word.removeAll(keepingCapacity: true)
        }
        return !word.isEmpty && pupilRoles.contains(String(decoding: word, as: UTF8.self))
    }
}
