/// Everything found in one file: diagnostics in source order, and problems with the input itself.
public struct FileReport: Sendable {
    public var path: String
    public var format: DocumentFormat?
    public var diagnostics: [Diagnostic]
    public var problems: [Problem]
    /// The scanned text, kept so reporters can show the source line under a finding.
    public var source: SourceText?
    /// Parts of `source` that reporters must not quote (`--redact`), in order, not overlapping.
    public var redactions: [RedactedSpan] = []

    public init(path: String, format: DocumentFormat?, diagnostics: [Diagnostic] = [], problems: [Problem] = [],
                source: SourceText? = nil) {
        self.path = path
        self.format = format
        self.diagnostics = diagnostics
        self.problems = problems
        self.source = source
    }
}

/// A problem that is not a policy finding: a file that cannot be read, malformed markup, a bad config
/// or roster. It names the file and, where one exists, the line and column.
public struct Problem: Sendable, Hashable, Codable {
    public var severity: ReadProblem.Severity
    public var path: String
    public var position: SourcePosition?
    public var message: String
    /// The rule the problem is about: set when a check could NOT run (see `RequirementStatus`).
    public var ruleID: String?

    public init(severity: ReadProblem.Severity, path: String, position: SourcePosition? = nil, message: String,
                ruleID: String? = nil) {
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
        self.ruleID = ruleID
    }
}
