import Foundation
import PostLint

/// `--redact`: reports whose text holds no pupil's name that a check matched, for logs that more
/// people can read than the drafts (a CI run, an artifact).
///
/// Every finding of a check that needs the roster (`CheckRequirement.roster`, declared in its
/// descriptor) is a pupil's name, so its flagged text is replaced by a placeholder made from the
/// rule's title ("[Pupil's name]") everywhere it could show: the finding's snippet, the quoted text
/// in its message and fix description, and the draft's text wherever a reporter quotes it (through
/// `FileReport.redactions`). The same words are also replaced, as whole words, in every other
/// finding's snippet, message and fix and in the draft's problems. Positions — line, column, byte
/// range — are left exact.
/// Fix edits are kept as they are: a check that reads the roster never writes a name into one.
public struct NameRedactor: Sendable {
    /// The placeholder for each rule whose findings are names.
    private let placeholders: [String: String]

    public init(descriptors: [CheckDescriptor]) {
        var placeholders: [String: String] = [:]
        for descriptor in descriptors where descriptor.requirements.contains(.roster) {
            placeholders[descriptor.id] = "[\(descriptor.title)]"
        }
        self.placeholders = placeholders
    }

    public func redact(_ report: FileReport) -> FileReport {
        var spans: [RedactedSpan] = []
        var names: [String: String] = [:]  // matched text → placeholder
        for diagnostic in report.diagnostics {
            guard let placeholder = placeholders[diagnostic.ruleID] else { continue }
            if !diagnostic.region.byteRange.isEmpty {
                spans.append(RedactedSpan(range: diagnostic.region.byteRange, placeholder: placeholder))
            }
            for name in [diagnostic.snippet, Self.collapsed(diagnostic.snippet)] + Self.quoted(in: diagnostic.message)
            where !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                names[name] = placeholder
            }
        }
        guard !spans.isEmpty || !names.isEmpty else { return report }
        let ordered = Self.merged(spans)
        // Longest first, so "Oliver Whitfield" goes before "Oliver" can split it; whole words only, so
        // a name that is also a word ("May") does not eat into "may" or "Mayor".
        let patterns = names.sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }
            .compactMap { name, placeholder in
                (try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: name)
                                              + "(?![\\p{L}\\p{N}])")).map { ($0, NSRegularExpression.escapedTemplate(for: placeholder)) }
            }
        func scrub(_ text: String) -> String {
            patterns.reduce(text) { text, pattern in
                pattern.0.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: pattern.1)
            }
        }

        var redacted = report
        redacted.redactions = ordered
        redacted.diagnostics = report.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if let placeholder = placeholders[diagnostic.ruleID] {
                // The check's own words stay; what it quotes is the name.
                diagnostic.snippet = placeholder
                diagnostic.message = Self.replacingQuoted(in: diagnostic.message, with: placeholder)
                if let description = diagnostic.fix?.description {
                    diagnostic.fix?.description = Self.replacingQuoted(in: description, with: placeholder)
                }
            } else {
                if let source = report.source, ordered.contains(where: { $0.range.overlaps(diagnostic.region.byteRange) }) {
                    diagnostic.snippet = Self.snippet(source, diagnostic.region.byteRange, ordered)
                }
                diagnostic.snippet = scrub(diagnostic.snippet)
                diagnostic.message = scrub(diagnostic.message)
                if let description = diagnostic.fix?.description { diagnostic.fix?.description = scrub(description) }
            }
            return diagnostic
        }
        redacted.problems = report.problems.map { problem in
            var problem = problem
            problem.message = scrub(problem.message)
            return problem
        }
        return redacted
    }

    /// Sorted spans with overlapping ones joined (a name in alt text found twice), the first placeholder kept.
    static func merged(_ spans: [RedactedSpan]) -> [RedactedSpan] {
        var result: [RedactedSpan] = []
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = result.last, span.range.lowerBound < last.range.upperBound {
                result[result.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// A finding's snippet with the redacted spans inside it replaced (line ends as LF, as snippets are).
    static func snippet(_ source: SourceText, _ range: Range<Int>, _ spans: [RedactedSpan]) -> String {
        var text = ""
        var cursor = range.lowerBound
        for span in spans where span.range.overlaps(range) {
            if cursor < span.range.lowerBound { text += source.snippet(cursor..<span.range.lowerBound) }
            text += span.placeholder
            cursor = max(cursor, span.range.upperBound)
        }
        if cursor < range.upperBound { text += source.snippet(cursor..<range.upperBound) }
        return text
    }

    /// The texts between “ and ” — how checks quote what they matched.
    static func quoted(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "\u{201C}"), let close = rest[open...].dropFirst().firstIndex(of: "\u{201D}") {
            result.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// `text` with every “quoted” text replaced by `placeholder`.
    static func replacingQuoted(in text: String, with placeholder: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "\u{201C}"), let close = rest[open...].dropFirst().firstIndex(of: "\u{201D}") {
            result += rest[...open] + placeholder + "\u{201D}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
