/// A phrase or pattern rule as its file defines it, with what the rule cannot do without checked: a policy
/// clause, a message and at least one pattern, every pattern parsed. Checked where a rule file is loaded
/// (the embedded pack, or a configuration's `rules-path:`), so that a mistake is reported there and
/// `PhraseRule`, which makes it a check, cannot fail.
struct RuleDefinition: Sendable, Hashable {
    let file: RuleFile
    let policy: PolicyClause
    let message: String
    /// `phrases` then `patterns`.
    let patterns: [PhrasePattern]
    let exceptions: [PhrasePattern]

    /// `compiled`: patterns the reader has parsed already (`RuleFileReader.Outcome.compiledPatterns`).
    init(_ file: RuleFile, compiled: [String: PhrasePattern] = [:]) throws {
        guard let policy = file.policy else { throw RuleError("rule '\(file.id)' has no policy clause") }
        guard let message = file.message else { throw RuleError("rule '\(file.id)' has no message") }
        let sources = (file.phrases ?? []) + (file.patterns ?? [])
        guard !sources.isEmpty else { throw RuleError("rule '\(file.id)' has no phrases or patterns") }
        self.file = file
        self.policy = policy
        self.message = message
        patterns = try sources.map { try compiled[$0] ?? PhrasePattern($0) }
        exceptions = try (file.exceptions ?? []).map { try compiled[$0] ?? PhrasePattern($0) }
    }
}
