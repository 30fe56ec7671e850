import PostLint
import PostLintReporters

/// The engine as the server uses it: one linter, with the configuration and roster resolved once
/// at start-up exactly as `postlint check` would for a draft in the server's working folder.
public struct DraftChecker: Sendable {
    /// Configuration resolution and roster, as for every front end.
    let session: LintSession
    let configuration: Configuration
    let workingDirectory: String
    /// `--config`, for the worker processes, which load the same configuration.
    let configPath: String?
    /// `--redact`: responses hold no matched pupil's name (see `NameRedactor`); the workers do the same.
    let redactor: NameRedactor?
    /// Roster problems found at start-up, for the operator (they are never sent to clients).
    public private(set) var warnings: [String] = []

    /// Refuses a configuration with any mistake, and a roster that gives no pupil: a server that
    /// answered every request without some check would pass drafts it never looked at. The refusal
    /// names each mistake and what would NOT have been checked.
    ///
    /// - Parameters:
    ///   - configPath: `--config`; nil finds the nearest `.postlint.yml` from `workingDirectory` upwards.
    public init(configPath: String?, workingDirectory: String, redact: Bool = false) throws(ServerSetupError) {
        session = LintSession(configPath: configPath, workingDirectory: workingDirectory)
        let linter = session.linter
        self.workingDirectory = workingDirectory
        self.configPath = configPath
        redactor = redact ? NameRedactor(descriptors: linter.descriptors) : nil
        configuration = session.settings(forFile: Self.virtualPath("draft", in: workingDirectory)).configuration
        // Loading the roster now hands its problems out here, once, so no response ever carries them.
        // Bad rows are the operator's to see, as `postlint check` shows them, while the good rows are used.
        let coverage = session.coverageProblems(of: configuration)
        let messages = coverage.map { "\($0.path): \($0.message)" }
        let unchecked = coverage.filter { $0.ruleID != nil }.map { "\($0.path): \($0.message)" }
        if let damage = configuration.damage {
            throw ServerSetupError(messages: damage.errors.map(\.description) + messages
                                   + ["refusing to start until the configuration is fixed"])
        }
        guard unchecked.isEmpty else {
            throw ServerSetupError(messages: messages + ["refusing to start: drafts would pass without these checks"])
        }
        warnings = messages
    }

    public var linter: Linter { session.linter }

    /// Checks one draft under the server's configuration.
    func check(_ draft: Draft) -> FileReport {
        let path = Self.virtualPath(draft.filename, in: workingDirectory)
        let report = linter.lint(bytes: draft.bytes, path: draft.filename, format: draft.format,
                                 configuration: configuration,
                                 relativePath: session.resolver.relativePath(of: path, in: configuration))
        return redactor?.redact(report) ?? report
    }

    /// The report in the CLI's own format (`--format json` or `--format sarif`), through its reporter.
    /// Paths are the client's bare file name, relative to "/": a SARIF log names no server folder.
    func render(_ report: FileReport, as format: ReportFormat) -> String {
        format.reporter().render(RunReport(rules: linter.descriptors(for: configuration), files: [report], workingDirectory: "/"))
    }

    private static func virtualPath(_ name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
