/// Everything a person needs to know about a check, and what its tests start from: id, explanation,
/// the policy clause, default level, how to fix, examples that do and do not trigger it, and what
/// its fixes do.
public struct CheckDescriptor: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// Why this matters, in a sentence or two.
    public var explanation: String
    public var policy: PolicyClause
    public var defaultLevel: Level
    /// How to fix a finding.
    public var help: String
    /// How to fix a finding in a Word draft, when that is done differently (a picture inserted in
    /// Word, not an HTML tag); nil when `help` says it for every format.
    public var wordHelp: String?
    public var tags: [String]
    public var triggeringExamples: [CheckExample]
    public var nonTriggeringExamples: [CheckExample]
    /// Whether the check attaches fixes to some of its findings.
    public var isFixable: Bool
    /// Drafts before and after `--fix`; at least one when `isFixable`, none otherwise.
    public var corrections: [CheckCorrection]
    /// What the check cannot run without; when one is missing, drafts report it as NOT checked.
    public var requirements: [CheckRequirement]

    public init(id: String, title: String, explanation: String, policy: PolicyClause, defaultLevel: Level,
                help: String, wordHelp: String? = nil, tags: [String] = [], triggeringExamples: [CheckExample] = [],
                nonTriggeringExamples: [CheckExample] = [], isFixable: Bool = false,
                corrections: [CheckCorrection] = [], requirements: [CheckRequirement] = []) {
        self.id = id
        self.title = title
        self.explanation = explanation
        self.policy = policy
        self.defaultLevel = defaultLevel
        self.help = help
        self.tags = tags
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.isFixable = isFixable
        self.corrections = corrections
        self.requirements = requirements
        self.wordHelp = wordHelp
    }

    /// How to fix a finding in a draft of this format.
    public func help(for format: DocumentFormat?) -> String {
        format == .docx ? wordHelp ?? help : help
    }

    /// Where the rule's documentation lives (SARIF helpUri, LSP codeDescription).
    public var documentationURL: String { "\(PostLintInfo.repositoryURL)/blob/main/docs/rules.md#\(id)" }
}
