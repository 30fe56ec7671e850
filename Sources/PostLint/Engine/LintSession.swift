/// What every front end (`check`, `baseline`, `hook run`, `serve`, `lsp`) does around the linter, done
/// one way so that they cannot drift apart: one linter and one configuration loader; each draft's
/// configuration found from its folder (or `--config`); a configuration's errors, its roster's
/// problems and the checks it leaves undone said once, before any finding; `ignore`; and the exit
/// status the reports add up to under `--fail-level`.
package struct LintSession: Sendable {
    package let linter: Linter
    package let failLevel: Level
    package private(set) var resolver: ConfigurationResolver
    package private(set) var status = RunStatus()
    /// The rules of the run: the linter's, and those the configurations met so far load from
    /// `rules-path:`, by id (what `tool.driver.rules` and the reports' rule help list).
    package private(set) var descriptors: [CheckDescriptor]
    private let configPath: String?
    /// Configuration files (absolute; "" for the defaults) whose problems were handed out.
    private var reportedConfigurations: Set<String> = []

    /// - Parameters:
    ///   - configPath: `--config`; nil finds the nearest `.postlint.yml` from each draft's folder up.
    ///   - workingDirectory: what relative paths are relative to; the process's by default.
    package init(linter: Linter = Linter(), configPath: String? = nil, workingDirectory: String? = nil,
                 failLevel: Level = .error) {
        self.linter = linter
        self.failLevel = failLevel
        self.configPath = configPath
        descriptors = linter.descriptors
        resolver = ConfigurationResolver(loader: linter.configurationLoader, explicitPath: configPath,
                                         workingDirectory: workingDirectory)
    }

    package var workingDirectory: String { resolver.workingDirectory }

    /// The configuration a draft is checked under; the path need not exist (standard input, a staged
    /// or served draft, an editor buffer).
    package func settings(forFile path: String) -> BatchLinter.FileSettings {
        let configuration = resolver.partialConfiguration(forFile: path)
        return BatchLinter.FileSettings(configuration: configuration,
                                        relativePath: resolver.relativePath(of: path, in: configuration))
    }

    /// What to report before the first draft under `configuration`, the first time it is met: its
    /// errors, then its roster's problems and the checks it leaves undone (each draft still says
    /// which checks did not run on it). Empty every later time.
    package mutating func firstProblems(of configuration: Configuration) -> [Problem] {
        guard reportedConfigurations.insert(configuration.path ?? "").inserted else { return [] }
        let known = Set(descriptors.map(\.id))
        let added = linter.checks(for: configuration).map(\.descriptor).filter { !known.contains($0.id) }
        if !added.isEmpty { descriptors = (descriptors + added).sorted { $0.id < $1.id } }
        let errors = configuration.damage?.errors ?? []
        return errors.map(\.problem) + coverageProblems(of: configuration)
    }

    /// The roster's problems and the checks `configuration` leaves undone, named at its file.
    package func coverageProblems(of configuration: Configuration) -> [Problem] {
        linter.coverageProblems(for: configuration, path: configuration.path.map(resolver.shownPath) ?? ".")
    }

    /// Whether the draft's configuration leaves it out (`ignore`), as a folder walk would.
    package func isIgnored(_ settings: BatchLinter.FileSettings) -> Bool {
        guard let relative = settings.relativePath else { return false }
        return IgnoreRules(settings.configuration.ignore).ignores(relative)
    }

    /// Counts a report towards the exit status.
    package mutating func record(_ report: FileReport) {
        status.add(report, failLevel: failLevel)
    }

    /// Forgets every loaded configuration, so the next draft loads them again (an editor, after a
    /// configuration or roster changed on disk).
    package mutating func reload() {
        resolver = ConfigurationResolver(loader: resolver.loader, explicitPath: configPath,
                                         workingDirectory: resolver.workingDirectory)
        reportedConfigurations.removeAll()
    }
}
