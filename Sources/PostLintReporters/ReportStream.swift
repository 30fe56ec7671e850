import PostLint

/// What is known about a run before its first file is checked: enough for a streaming reporter to
/// write its header (SARIF's rule list, the HTML page's title).
public struct RunFacts: Sendable {
    /// Every rule that ran, with its effective default level.
    public var rules: [CheckDescriptor]
    /// The absolute folder paths are made relative to (see `RunReport.workingDirectory`).
    public var workingDirectory: String
    /// The paths the user asked to check, as typed (the HTML report's heading).
    public var roots: [String]
    /// How many reports will follow, when known.
    public var expectedFiles: Int?
    /// When the run started, as an ISO 8601 date-time; nil keeps rendered output reproducible.
    public var startedAt: String?
    /// Rule IDs that the files are known to use without a descriptor in `rules` (only `render(_:)`,
    /// which sees every file up front, can know them); SARIF lists a placeholder for each.
    public var unlistedRuleIDs: [String]

    public init(rules: [CheckDescriptor], workingDirectory: String, roots: [String] = [], expectedFiles: Int? = nil,
                startedAt: String? = nil, unlistedRuleIDs: [String] = []) {
        self.rules = rules
        self.workingDirectory = workingDirectory
        self.roots = roots
        self.expectedFiles = expectedFiles
        self.startedAt = startedAt
        self.unlistedRuleIDs = unlistedRuleIDs
    }

    /// The report's facts, for rendering a whole `RunReport` through a stream.
    public init(_ report: RunReport) {
        var unlisted: [String] = []
        var seen: Set<String> = []
        for file in report.files {
            for diagnostic in file.diagnostics where report.ruleIndex(of: diagnostic.ruleID) == nil {
                if seen.insert(diagnostic.ruleID).inserted { unlisted.append(diagnostic.ruleID) }
            }
        }
        self.init(rules: report.rules, workingDirectory: report.workingDirectory, expectedFiles: report.files.count,
                  unlistedRuleIDs: unlisted)
    }

    /// The descriptor of a rule, by ID.
    func ruleLookup() -> [String: CheckDescriptor] {
        var lookup: [String: CheckDescriptor] = [:]
        for rule in rules where lookup[rule.id] == nil { lookup[rule.id] = rule }
        return lookup
    }
}

/// One run's output in the making: `begin` once, `file` for each report in output order, `end` once.
/// A stream holds only what its format cannot write before the end (counts, SARIF notifications),
/// never a file's source: once `file` returns, the report can be dropped.
public protocol ReportStream: AnyObject {
    func begin(_ run: RunFacts) throws
    func file(_ report: FileReport) throws
    func end(_ summary: RunSummary) throws
}

/// Turns a run's results into one output format, either streamed file by file (`stream(to:)`, what
/// the CLI uses, so memory stays flat however many drafts a batch holds) or rendered whole. Reporters
/// are pure: the same input always gives the same bytes, so output can be diffed, cached and tested.
public protocol Reporter: Sendable {
    /// A new stream writing this format to `sink`.
    func stream(to sink: any ReportSink) -> any ReportStream
}

extension Reporter {
    /// The whole report as one string, produced through the same stream as the CLI's output.
    public func render(_ report: RunReport) -> String {
        let sink = StringSink()
        let stream = stream(to: sink)
        do {
            try stream.begin(RunFacts(report))
            for file in report.files { try stream.file(file) }
            try stream.end(RunSummary(report.files))
        } catch {
            // A StringSink never throws; only a reporter's own spool file could.
            preconditionFailure("rendering a report failed: \(error)")
        }
        return sink.text
    }

    /// Renders the report into `path` for `--output FILE`, replacing any old file only once the new
    /// one is complete (see `AtomicFileWriter`).
    package func write(_ report: RunReport, toFile path: String) throws(AtomicFileWriter.WriteError) {
        try AtomicFileWriter.write(render(report), to: path)
    }
}
