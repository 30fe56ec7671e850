/// Runs checks over documents: read → document → checks → diagnostics. One `Linter` is shared by
/// every thread of a batch; it holds no per-file state.
public struct Linter: Sendable {
    public let checks: [any Check]
    private let knownRuleIDs: Set<String>
    /// Rosters named by configurations, loaded once per linter (that is, once per run).
    package let rosters: RosterStore
    /// The rules configurations' `rules-path:` loaded, compiled once per linter.
    private let runtimeRules = RuntimeRuleStore()

    public init(checks: [any Check] = CheckRegistry.builtIn) {
        self.init(checks: checks, rosters: RosterStore())
    }

    /// With the CLI's or the server's roster store (which knows the roster key's environment).
    package init(checks: [any Check] = CheckRegistry.builtIn, rosters: RosterStore) {
        self.checks = checks
        self.knownRuleIDs = Set(checks.map(\.descriptor.id))
        self.rosters = rosters
    }

    public var descriptors: [CheckDescriptor] { checks.map(\.descriptor) }

    /// The rules a draft under `configuration` is checked with: this linter's, then the rules its
    /// `rules-path:` loaded.
    public func checks(for configuration: Configuration) -> [any Check] {
        let runtime = runtimeRules.rules(for: configuration)
        return runtime.isEmpty ? checks : checks + runtime
    }

    /// The descriptors of `checks(for:)`, by id, as `postlint rules`, SARIF and the server list them.
    public func descriptors(for configuration: Configuration) -> [CheckDescriptor] {
        checks(for: configuration).map(\.descriptor).sorted { $0.id < $1.id }
    }

    /// What a whole run under `configuration` will not check (or check only in part), as problems at
    /// `path` (the configuration file), for the CLI and the server to say once, before any draft.
    /// The roster is loaded here, so its own problems come first (and not with the first draft).
    public func coverageProblems(for configuration: Configuration, path: String) -> [Problem] {
        var rosterLoaded: Bool?
        var problems: [Problem] = []
        if !configuration.roster.isEmpty {
            let lookup = rosters.roster(for: configuration)
            rosterLoaded = lookup.roster != nil
            problems = lookup.newProblems
        }
        for check in checks {
            let descriptor = check.descriptor
            guard (configuration.rules[descriptor.id] ?? descriptor.defaultLevel) != .off else { continue }
            problems += descriptor.requirements.compactMap {
                RequirementStatus.of($0, configuration: configuration, rosterLoaded: rosterLoaded)
                    .problem(for: descriptor, path: path, position: nil)
            }
        }
        return problems + Self.unloadedRules(of: configuration, relativePath: nil).map { $0.problem(path: path, position: nil) }
    }

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
        let document: Document
        do {
            document = try DocumentReader.read(file: bytes, path: path, format: format)
        } catch {
            return FileReport(path: path, format: format,
                              problems: [Problem(severity: .error, path: path, message: error.message)])
        }
        return lint(document, configuration: configuration, relativePath: relativePath)
    }

    /// Checks a document that has been read.
    /// The configuration's roster is loaded through `rosters` (once per run; its problems are added to
    /// the report of the first file that uses it) unless `roster` is given. A check whose requirement
    /// is missing (see `RequirementStatus`) adds an error to the report saying it did NOT run.
    public func lint(_ document: Document, configuration: Configuration, relativePath: String? = nil,
                     roster: Roster? = nil) -> FileReport {
        let source = document.source
        let analyzed = AnalyzedDocument(document)
        var roster = roster
        var rosterProblems: [Problem] = []
        var rosterLoaded: Bool? = roster.map { _ in true }
        if roster == nil, !configuration.roster.isEmpty {
            let lookup = rosters.roster(for: configuration)
            roster = lookup.roster
            rosterLoaded = lookup.roster != nil
            rosterProblems = lookup.newProblems
        }
        let context = CheckContext(configuration: configuration, roster: roster)
        let checks = self.checks(for: configuration)
        let knownRuleIDs = checks.count == self.checks.count ? self.knownRuleIDs : Set(checks.map(\.descriptor.id))
        let suppressions = SuppressionIndex(document: document, knownRuleIDs: knownRuleIDs)
        var diagnostics: [Diagnostic] = []
        var coverageProblems = Self.unloadedRules(of: configuration, relativePath: relativePath).map { $0.problem(path: source.path) }
        for check in checks {
            let descriptor = check.descriptor
            let level = configuration.configuredLevel(for: descriptor.id, relativePath: relativePath) ?? descriptor.defaultLevel
            guard level != .off else { continue }
            let statuses = descriptor.requirements.map {
                RequirementStatus.of($0, configuration: configuration, rosterLoaded: rosterLoaded)
            }
            coverageProblems += statuses.compactMap { $0.problem(for: descriptor, path: source.path) }
            if statuses.contains(where: { if case .unmet = $0 { true } else { false } }) { continue }
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
                    logicalLocation: document.lineLocation(line: region.start.line),
                    isAboutDocument: finding.isAboutDocument,
                    policy: configuration.policy[descriptor.id]))
            }
        }
        diagnostics.sort { ($0.region.byteRange.lowerBound, $0.ruleID) < ($1.region.byteRange.lowerBound, $1.ruleID) }
        let problems = coverageProblems + (document.problems + suppressions.problems).map { problem in
            Problem(severity: problem.severity, path: source.path,
                    position: problem.byteOffset.map(source.lines.position(of:)), message: problem.message)
        } + rosterProblems
        return FileReport(path: source.path, format: document.format, diagnostics: diagnostics, problems: problems,
                          source: source)
    }
}

extension Linter {
    /// The rule files of `rules-path:` that did not load, less those whose rule is turned off.
    static func unloadedRules(of configuration: Configuration, relativePath: String?) -> [UnloadedRule] {
        (configuration.damage?.unloadedRules ?? []).filter { unloaded in
            unloaded.ruleID.map { configuration.configuredLevel(for: $0, relativePath: relativePath) != .off } ?? true
        }
    }

    /// A configuration loader that knows this linter's rule ids (for `rules:` and spelling suggestions):
    /// what every front end (check, baseline, hook, serve, lsp) loads `.postlint.yml` with.
    public var configurationLoader: ConfigurationLoader { ConfigurationLoader(knownRuleIDs: Set(descriptors.map(\.id))) }
}
