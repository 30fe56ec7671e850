import Foundation

/// Compiles the rules a configuration's `rules-path:` loaded into checks once per linter (that is, once per
/// run), however many drafts and threads ask, as `RosterStore` loads each roster once. The configuration
/// holds the rules as data because checks sit above it. Keyed by the rules themselves, so a configuration
/// read again after a rule file changed (an editor) gets the new rules.
final class RuntimeRuleStore: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [[RuleDefinition]: [PhraseRule]] = [:]

    /// `configuration`'s run-time rules as checks, in the order their files were loaded.
    func rules(for configuration: Configuration) -> [PhraseRule] {
        let definitions = configuration.runtimeRules.rules
        guard !definitions.isEmpty else { return [] }
        lock.lock()
        defer { lock.unlock() }
        if let rules = compiled[definitions] { return rules }
        let rules = definitions.map(PhraseRule.init)
        compiled[definitions] = rules
        return rules
    }
}
