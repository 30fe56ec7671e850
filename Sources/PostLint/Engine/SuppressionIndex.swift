/// The regions where `postlint-disable` comments switch rules off.
///
/// - `postlint-disable [RULE, …]` … `postlint-enable [RULE, …]`: from the end of the first comment to
///   the start of the second (or the end of the file); no rule names means every rule.
/// - `postlint-disable-next-line [RULE, …]`: the rest of the comment's line when it holds markup
///   (`<!-- … --><p>…`), else the next line that holds anything (the comment-above style).
/// - `postlint-disable-line [RULE, …]`: the lines the comment stands on.
/// Text after `--` in a comment is a reason and is ignored. Suppressed findings are still reported,
/// marked as suppressed.
struct SuppressionIndex {
    private struct Region {
        var rule: String
        var range: Range<Int>
    }

    /// Each rule's suppressed ranges, merged and sorted, so a finding costs one binary search
    /// (a disable-next-line comment before each of 10,000 findings no longer means 10^8 comparisons).
    private var rangesByRule: [String: [Range<Int>]] = [:]
    private(set) var problems: [ReadProblem] = []

    init(document: Document, knownRuleIDs: Set<String>) {
        let source = document.source
        let allRules = knownRuleIDs.sorted()
        var regions: [Region] = []
        // Where each rule's open `postlint-disable` region started.
        var disabledSince: [String: Int] = [:]
        for comment in document.comments {
            guard let directive = Directive(comment.text) else { continue }
            for rule in directive.rules ?? [] where !knownRuleIDs.contains(rule) {
                problems.append(ReadProblem(
                    severity: .warning,
                    message: "unknown rule '\(rule)' in a \(directive.kind.rawValue) comment",
                    byteOffset: comment.range.lowerBound))
            }
            let rules = directive.rules.map { $0.filter(knownRuleIDs.contains).sorted() } ?? allRules
            switch directive.kind {
            case .disable:
                for rule in rules where disabledSince[rule] == nil { disabledSince[rule] = comment.range.upperBound }
            case .enable:
                for rule in rules {
                    if let start = disabledSince.removeValue(forKey: rule) {
                        regions.append(Region(rule: rule, range: start..<comment.range.lowerBound))
                    }
                }
            case .disableNextLine:
                let range = SuppressionIndex.nextLineRange(after: comment.range, in: source)
                for rule in rules { regions.append(Region(rule: rule, range: range)) }
            case .disableLine:
                let lines = source.lines
                let first = lines.lineRange(lines.lineIndex(of: comment.range.lowerBound)).lowerBound
                let last = lines.lineRange(lines.lineIndex(of: comment.range.upperBound)).upperBound
                for rule in rules { regions.append(Region(rule: rule, range: first..<max(first, last))) }
            }
        }
        for (rule, start) in disabledSince {
            regions.append(Region(rule: rule, range: start..<(source.utf8.count + 1)))
        }
        for (rule, group) in Dictionary(grouping: regions, by: \.rule) {
            rangesByRule[rule] = Self.merged(group.map(\.range))
        }
    }

    /// Non-empty ranges sorted by start, overlapping and touching ones joined.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The rest of the comment's line when it holds something, else the next line that does.
    private static func nextLineRange(after comment: Range<Int>, in source: SourceText) -> Range<Int> {
        let lines = source.lines
        let commentLine = lines.lineIndex(of: comment.upperBound)
        var end = lines.lineRange(commentLine).upperBound
        // Markup right after the comment on its own line is what the comment is about.
        if source.utf8[comment.upperBound..<max(comment.upperBound, end)].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            return comment.upperBound..<end
        }
        var line = commentLine + 1
        while line < lines.lineCount {
            let range = lines.lineRange(line)
            end = range.upperBound
            if source.utf8[range].contains(where: { $0 != 0x20 && $0 != 0x09 }) { break }
            line += 1
        }
        return comment.upperBound..<max(end, comment.upperBound)
    }

    func isSuppressed(_ ruleID: String, at offset: Int) -> Bool {
        guard let ranges = rangesByRule[ruleID] else { return false }
        // The last range starting at or before `offset`.
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 && ranges[low - 1].contains(offset)
    }
}

/// A parsed `postlint-…` comment.
struct Directive {
    enum Kind: String {
        case disable = "postlint-disable"
        case enable = "postlint-enable"
        case disableNextLine = "postlint-disable-next-line"
        case disableLine = "postlint-disable-line"
    }

    var kind: Kind
    /// The rules named, or nil for all rules.
    var rules: Set<String>?

    init?(_ text: String) {
        var body = Substring(text)
        if let reason = body.range(of: "--") { body = body[..<reason.lowerBound] }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        guard let first = words.first, let kind = Kind(rawValue: String(first)) else { return nil }
        self.kind = kind
        let names = words.dropFirst().map(String.init)
        rules = names.isEmpty ? nil : Set(names)
    }
}
