/// Whether a byline's words give a position in the school: a job title of the rule pack or the school's
/// own (`positions:`), not a pupil's or a volunteer's role, and not a mailbox's name.
extension BylineFinder {
    func containsPosition(block: TokenizedBlock, in range: Range<Int>) -> Bool {
        containsPosition(tokens: block.tokens, in: range)
    }

    func containsPosition(tokens: [Token], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let range = range.lowerBound..<BylineFinder.endBeforeEmailAddress(tokens, range)
        guard !range.isEmpty else { return false }
        if extraPositions.firstMatch(in: tokens, range: range) != nil { return true }
        // A staff position that is not part of a pupil's or a volunteer's role: "Blessing Okafor (PTA Chair) and
        // Ms Faith Mensah (Year 3 Teacher)" gives one.
        var start = range.lowerBound
        while start < range.upperBound, let match = positions.firstMatch(in: tokens, range: start..<range.upperBound) {
            let role = BylineFinder.nonStaffRoles.firstMatch(in: tokens, range: max(range.lowerBound, match.lowerBound - 3)..<range.upperBound)
            // "Parent volunteer, choir leader": a volunteer's status, then the part they play, is no staff post.
            let volunteersPart = role.map { $0.upperBound <= match.lowerBound && match.lowerBound - $0.upperBound <= 1
                && tokens[$0].contains { BylineFinder.volunteerWords.contains($0.key) } } ?? false
            if !volunteersPart, role.map({ $0.lowerBound >= match.upperBound || $0.upperBound <= match.lowerBound }) ?? true { return true }
            start = match.upperBound
        }
        return false
    }

    /// Where an e-mail address starts in `range`, or its end: "From: Mrs Judith Charlton
    /// <head@allerburn.example.sch.uk>" gives no position, whatever the mailbox is called.
    private static func endBeforeEmailAddress(_ tokens: [Token], _ range: Range<Int>) -> Int {
        for index in range where tokens[index].key == at && !tokens[index].flags.contains(.spaceBefore) && index > range.lowerBound {
            var start = index - 1
            while start > range.lowerBound, !tokens[start].flags.contains(.spaceBefore), tokens[start - 1].kind != .symbol,
                  tokens[start - 1].key != openingAngle { start -= 1 }
            return start
        }
        return range.upperBound
    }
    static let at = FNV.hash("@")
    private static let openingAngle = FNV.hash("<")

    /// A block that is only a job title (the line under a name in a sign-off).
    func isShortPositionBlock(_ block: TokenizedBlock) -> Bool {
        let words = block.tokens.filter { $0.kind != .punctuation }
        guard !words.isEmpty, words.count <= 8 else { return false }
        return containsPosition(block: block, in: 0..<block.tokens.count)
    }

    func containsPosition(text: String) -> Bool {
        let tokens = BylineFinder.tokens(of: text)
        return containsPosition(tokens: tokens, in: 0..<tokens.count)
    }

    static func tokens(of text: String) -> [Token] {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(text.utf8), sourceStart: 0)
        return TokenizedBlock(block: builder.finish()).tokens
    }
}
