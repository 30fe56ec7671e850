/// A reported finding: what is wrong, where (exact region), how serious, and whether it was
/// suppressed in the source. Reporters render these; the exit status counts unsuppressed ones.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var ruleID: String
    public var level: Level
    public var message: String
    public var region: SourceRegion
    /// The flagged text exactly as in the file (CR LF shown as LF).
    public var snippet: String
    public var fix: Fix?
    /// Set when a `postlint-disable` comment covers the finding; it is still reported (SARIF shows
    /// it as suppressed in source) but does not count towards the exit status.
    public var isSuppressed: Bool
    /// Where the finding is for a person, when line and column are not the file's own: in a Word
    /// draft, "paragraph 12" or "header 1, paragraph 2" (the region is then in the draft's rendering).
    public var logicalLocation: String?
    /// Set for a finding about the draft as a whole (no logo, no byline) rather than about the text
    /// at its region: `--changed-since` keeps it whenever the file changed, wherever the change was.
    public var isAboutDocument: Bool
    /// With `--baseline`: whether the finding was recorded there (`unchanged`: reported as known,
    /// not counted towards the exit status) or is `new`. Nil when no baseline was given.
    public var baselineState: BaselineState?
    /// The school's own clause for this rule, from the configuration's `policy:`; nil cites the
    /// rule's built-in clause.
    public var policy: PolicyClause?

    public enum BaselineState: String, Sendable, Hashable, Codable {
        case new, unchanged
    }

    /// Whether the finding is still to be dealt with: neither suppressed in the source nor known
    /// from the baseline. Only these are shown in text, counted and decide the exit status.
    public var isOutstanding: Bool { !isSuppressed && baselineState != .unchanged }

    public init(ruleID: String, level: Level, message: String, region: SourceRegion, snippet: String,
                fix: Fix? = nil, isSuppressed: Bool = false, logicalLocation: String? = nil,
                isAboutDocument: Bool = false, baselineState: BaselineState? = nil, policy: PolicyClause? = nil) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.region = region
        self.snippet = snippet
        self.fix = fix
        self.isSuppressed = isSuppressed
        self.logicalLocation = logicalLocation
        self.isAboutDocument = isAboutDocument
        self.baselineState = baselineState
        self.policy = policy
    }
}
