import PostLint

/// Everything a reporter renders: the rules that ran, what was found in each file, and the facts of the
/// run that turn paths into links. Built once by the CLI so every format sees exactly the same data.
public struct RunReport: Sendable {
    /// Every rule that ran, with its effective default level (a rule turned off has `.off`).
    public var rules: [CheckDescriptor]
    /// One report per file, in the order the output should list them (deterministic, not discovery order).
    public var files: [FileReport]
    /// The absolute folder paths are made relative to (SARIF `%SRCROOT%`, GitHub annotation paths).
    /// Must be absolute: reporters never ask the process for its current folder, so output depends
    /// only on this value.
    public var workingDirectory: String

    private var rulesByID: [String: Int]

    public init(rules: [CheckDescriptor], files: [FileReport], workingDirectory: String) {
        self.rules = rules
        self.files = files
        self.workingDirectory = workingDirectory
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() where index[rule.id] == nil {
            index[rule.id] = position
        }
        self.rulesByID = index
    }

    /// The position of a rule in `rules`, which SARIF's `ruleIndex` points at.
    public func ruleIndex(of id: String) -> Int? { rulesByID[id] }

    /// The descriptor of a rule, so a diagnostic can cite its policy clause and how to fix it.
    public func rule(_ id: String) -> CheckDescriptor? { rulesByID[id].map { rules[$0] } }

    /// The counts every format ends with; computed here so they agree across formats.
    public var summary: ReportSummary { ReportSummary(files) }
}
