/// The full names a post is signed with, with a school position ("Ffion Evans / Head of Welsh",
/// "Nia Davies – Head of Year 7"): the member of staff who wrote it. Wherever the post gives that
/// full name, it is the adult, even when a pupil on the roster shares it. A signature with a pupil's
/// role ("Digital Leader", "Head Girl") signs nothing away: pupils write posts too. A forename alone
/// signed with a position ("Erling, Hostel Manager") is that adult's too.
struct PupilNameSigners {
    private var names: Set<[UInt64]> = []

    /// Looks for signatures only when a full name was matched (the byline search is a pass of its own).
    init(_ resolved: [(block: TokenizedBlock, matches: [PupilNameMatcher.Match])], document: AnalyzedDocument,
         configuration: Configuration) {
        let fullNames = resolved.flatMap { entry in
            entry.matches.lazy.filter { ($0.form.kind == .full && Self.mayOpenSignature($0, in: entry.block))
                || Self.mayBeSignedForename($0, in: entry.block) }
                .map { (block: entry.block, match: $0) }
        }
        guard !fullNames.isEmpty else { return }
        let source = document.document.source.utf8
        let signatures = BylineFinder(document: document, configuration: configuration).bylines()
            .filter { $0.hasPosition && $0.range.upperBound <= source.count }
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

    /// Whether `match` is a full name, or a forename alone, the post is signed with.
    func signed(_ match: PupilNameMatcher.Match, in block: TokenizedBlock) -> Bool {
        !names.isEmpty && (match.form.kind == .full || match.form.kind == .forename) && names.contains(Self.key(match, in: block))
    }

    /// Where a signature's name stands: at the start of a line, after a title ("Mrs Nia Davies"), a
    /// separator ("5 December — Nia Davies, Head of Music") or an opener's last word ("Posted by", "gan").
    /// A name in running prose ("thanks everyone; Nia Davies and …") is no signature, and the byline
    /// search (a pass of its own) is skipped for it.
    private static func mayOpenSignature(_ match: PupilNameMatcher.Match, in block: TokenizedBlock) -> Bool {
        let tokens = block.tokens
        var start = match.start
        if start > 0, PersonName.isHonorific(tokens[start - 1]) { start -= 1 }
        if start > 0, PersonName.isFullStop(tokens[start - 1]), start > 1, PersonName.isHonorific(tokens[start - 2]) { start -= 2 }
        guard start > 0, !tokens[start].flags.contains(.lineBreakBefore) else { return true }
        // "Kind regards, Mrs Patel": a comma only after a closing formula (a list's comma is no lead).
        if tokens[start - 1].key == PupilNameWords.comma { return start >= 2 && closingFormulas.contains(tokens[start - 2].key) }
        return signatureLeads.contains(tokens[start - 1].key)
    }

    private static let closingFormulas: TokenKeySet = TokenKeySet(["regards", "wishes", "sincerely", "faithfully", "thanks", "cofion", "diolch",
                                                            "meas"].map { FNV.hash($0) })

    /// What may come right before a signature's name on its line.
    private static let signatureLeads: TokenKeySet = TokenKeySet(["—", "–", "-", "|", "·", "•", "~", "―", "/", "::", ":", "(",
                                                          "by", "from", "gan", "ó", "le", "ag"].map { FNV.hash($0) })

    /// A forename opening a line and followed by a comma, as in "Erling, Hostel Manager".
    private static func mayBeSignedForename(_ match: PupilNameMatcher.Match, in block: TokenizedBlock) -> Bool {
        let tokens = block.tokens
        return match.form.kind == .forename && match.end < tokens.count && tokens[match.end].key == PupilNameWords.comma
            && (match.start == 0 || tokens[match.start].flags.contains(.lineBreakBefore))
    }


    private static func key(_ match: PupilNameMatcher.Match, in block: TokenizedBlock) -> [UInt64] {
        block.tokens[match.start..<match.end].filter { $0.kind == .word }.map(\.key)
    }
}
