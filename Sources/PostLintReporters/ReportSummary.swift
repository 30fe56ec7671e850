import PostLint

/// How many findings a run produced, by level, plus suppressed findings and input problems.
/// Suppressed findings are counted apart: they do not fail a run, but hiding them silently would
/// let suppressions pile up unnoticed.
public struct ReportSummary: Sendable, Hashable, Codable {
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var suppressed: Int
    /// Findings known from `--baseline`: reported as known, not counted as errors, warnings or notes.
    public var baseline: Int = 0
    /// Problems with the input (unreadable files, malformed markup), split by severity.
    public var problemErrors: Int
    public var problemWarnings: Int

    public init(files: Int = 0, errors: Int = 0, warnings: Int = 0, notes: Int = 0, suppressed: Int = 0,
                problemErrors: Int = 0, problemWarnings: Int = 0) {
        self.files = files
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.suppressed = suppressed
        self.problemErrors = problemErrors
        self.problemWarnings = problemWarnings
    }

    public init(_ reports: [FileReport]) {
        self.init()
        for report in reports { add(report) }
    }

    /// Unsuppressed findings of any level.
    public var findings: Int { errors + warnings + notes }

    /// "3 files checked: 1 error, 2 warnings, 0 notes (1 suppressed, 4 in the baseline)", or "…: no findings" when clean.
    public var sentence: String {
        var text = "\(Self.count(files, "file")) checked: "
        if findings == 0 {
            text += "no findings"
        } else {
            text += "\(Self.count(errors, "error")), \(Self.count(warnings, "warning")), \(Self.count(notes, "note"))"
        }
        let set = [(suppressed, "suppressed"), (baseline, "in the baseline")].filter { $0.0 > 0 }
        if !set.isEmpty { text += " (" + set.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")" }
        let problems = problemErrors + problemWarnings
        if problems > 0 { text += "; \(Self.count(problems, "problem")) reading input" }
        return text
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
