import PostLint

/// The engine as the server uses it: one linter, with the configuration and roster resolved once
/// at start-up exactly as `postlint check` would for a draft in the server's working folder.
public struct DraftChecker: Sendable {
    public let linter: Linter
    let configuration: Configuration
    let resolver: ConfigurationResolver
    let workingDirectory: String
    /// `--config`, for the worker processes, which load the same configuration.
    let configPath: String?
    /// Roster problems found at start-up, for the operator (they are never sent to clients).
    public private(set) var warnings: [String] = []

    /// - Parameters:
    ///   - configPath: `--config`; nil finds the nearest `.postlint.yml` from `workingDirectory` upwards.
    public init(configPath: String?, workingDirectory: String) throws(ServerSetupError) {
        linter = Linter()
        resolver = ConfigurationResolver(
            loader: ConfigurationLoader(knownRuleIDs: Set(linter.descriptors.map(\.id))),
            explicitPath: configPath, workingDirectory: workingDirectory)
        self.workingDirectory = workingDirectory
        self.configPath = configPath
        do {
            configuration = try resolver.configuration(forFile: Self.virtualPath("draft", in: workingDirectory))
        } catch {
            throw ServerSetupError(messages: error.errors.map(\.description))
        }
        guard !configuration.roster.isEmpty else { return }
        // Loading now hands the roster's problems out here, once, so no response ever carries them.
        // Without any pupil the name check would pass every draft: refuse to start instead. Bad rows
        // are the operator's to see, as `postlint check` shows them, while the good rows are used.
        let lookup = linter.rosters.roster(for: configuration)
        let messages = lookup.newProblems.map { "\($0.path): \($0.message)" }
        guard lookup.roster != nil else { throw ServerSetupError(messages: messages) }
        warnings = messages
    }

    /// Checks one draft under the server's configuration.
    func check(_ draft: Draft) -> FileReport {
        let path = Self.virtualPath(draft.filename, in: workingDirectory)
        return linter.lint(bytes: draft.bytes, path: draft.filename, format: draft.format,
                           configuration: configuration,
                           relativePath: resolver.relativePath(of: path, in: configuration))
    }

    /// The report in the CLI's own format (`--format json` or `--format sarif`), through its reporter.
    /// Paths are the client's bare file name, relative to "/": a SARIF log names no server folder.
    func render(_ report: FileReport, as format: ReportFormat) -> String {
        format.reporter().render(RunReport(rules: linter.descriptors, files: [report], workingDirectory: "/"))
    }

    private static func virtualPath(_ name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
