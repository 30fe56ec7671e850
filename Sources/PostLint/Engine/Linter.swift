/// Runs checks over documents: read → document → checks → diagnostics. One `Linter` is shared by
/// every thread of a batch; it holds no per-file state.
public struct Linter: Sendable {
    public let checks: [any Check]
    private let knownRuleIDs: Set<String>
    /// Rosters named by configurations, loaded once per linter (that is, once per run).
    public let rosters: RosterStore

    public init(checks: [any Check] = CheckRegistry.builtIn, rosters: RosterStore = RosterStore()) {
        self.checks = checks
        self.knownRuleIDs = Set(checks.map(\.descriptor.id))
        self.rosters = rosters
    }

    public var descriptors: [CheckDescriptor] { checks.map(\.descriptor) }

    /// Checks a draft held in memory (an editor buffer, stdin, a test).
    /// `roster`, when given, is used instead of the configuration's roster files (examples, tests).
    public func lint(text: String, path: String, format: DocumentFormat,
                     configuration: Configuration = Configuration(), relativePath: String? = nil,
                     roster: Roster? = nil) -> FileReport {
        lint(DocumentReader.read(SourceText(path: path, text: text), format: format),
             configuration: configuration, relativePath: relativePath, roster: roster)
    }

    /// Reads, decodes and checks a file. Anything wrong with reading it becomes a problem in the report.
    public func lintFile(at path: String, format: DocumentFormat, configuration: Configuration,
                         relativePath: String? = nil) -> FileReport {
        let bytes: [UInt8]
        do {
            bytes = try FileContents.read(path)
        } catch {
            return FileReport(path: path, format: format,
                              problems: [Problem(severity: .error, path: path, message: error.description)])
        }
        return lint(bytes: bytes, path: path, format: format, configuration: configuration, relativePath: relativePath)
    }

    /// Decodes and checks a draft's bytes.
    public func lint(bytes: [UInt8], path: String, format: DocumentFormat, configuration: Configuration,
                     relativePath: String? = nil) -> FileReport {
        if format == .docx {
            // A zip of XML parts, not text: it never goes through the text decoder.
            do {
                let document = try DocxReader.read(bytes: bytes, path: path)
                return lint(document, configuration: configuration, relativePath: relativePath)
            } catch {
                return FileReport(path: path, format: format,
                                  problems: [Problem(severity: .error, path: path, message: error.message)])
            }
        }
        let decoded: SourceDecoder.Result
        do {
            decoded = try SourceDecoder.decodeReporting(bytes, path: path, format: format)
        } catch {
            return FileReport(path: path, format: format,
                              problems: [Problem(severity: .error, path: path, message: error.byteOffset.map { "\(error.message) (at byte \($0))" } ?? error.message)])
        }
        var document = DocumentReader.read(decoded.source, format: format)
        document.problems.insert(contentsOf: decoded.warnings, at: 0)
        return lint(document, configuration: configuration, relativePath: relativePath)
    }

    /// Checks a document that has been read.
    /// The configuration's roster is loaded through `rosters` (once per run; its problems are added to
    /// the report of the first file that uses it) unless `roster` is given.
    public func lint(_ document: Document, configuration: Configuration, relativePath: String? = nil,
                     roster: Roster? = nil) -> FileReport {
        let source = document.source
        let analyzed = AnalyzedDocument(document)
        var roster = roster
        var rosterProblems: [Problem] = []
        if roster == nil, !configuration.roster.isEmpty {
            let lookup = rosters.roster(for: configuration)
            roster = lookup.roster
            rosterProblems = lookup.newProblems
        }
        let context = CheckContext(configuration: configuration, roster: roster)
        let suppressions = SuppressionIndex(document: document, knownRuleIDs: knownRuleIDs)
        var diagnostics: [Diagnostic] = []
        for check in checks {
            let descriptor = check.descriptor
            let level = configuration.configuredLevel(for: descriptor.id, relativePath: relativePath) ?? descriptor.defaultLevel
            guard level != .off else { continue }
            for finding in check.inspect(analyzed, context: context) {
                let findingLevel = finding.raisesLevel ? level.raised : (finding.level ?? level)
                let region = source.lines.region(of: finding.range)
                diagnostics.append(Diagnostic(
                    ruleID: descriptor.id,
                    level: findingLevel,
                    message: finding.message,
                    region: region,
                    snippet: source.snippet(finding.range),
                    fix: finding.fix,
                    isSuppressed: suppressions.isSuppressed(descriptor.id, at: finding.range.lowerBound),
                    logicalLocation: document.lineLocation(line: region.start.line)))
            }
        }
        diagnostics.sort { ($0.region.byteRange.lowerBound, $0.ruleID) < ($1.region.byteRange.lowerBound, $1.ruleID) }
        let problems = (document.problems + suppressions.problems).map { problem in
            Problem(severity: problem.severity, path: source.path,
                    position: problem.byteOffset.map(source.lines.position(of:)), message: problem.message)
        } + rosterProblems
        return FileReport(path: source.path, format: document.format, diagnostics: diagnostics, problems: problems,
                          source: source)
    }
}
