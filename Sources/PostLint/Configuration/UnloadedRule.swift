/// A rule file of `rules-path:` that did not load. Its rule does not run, so every draft says so, as a
/// check whose roster is lost does: a broken rule file must never make a draft look clean.
package struct UnloadedRule: Sendable, Hashable {
    /// The rule's id when the file gave a usable one; nil when it gave none, or a built-in rule's.
    package var ruleID: String?
    /// The rule file, as messages show it.
    package var file: String
    /// The file's mistakes (listed once with the configuration's errors); the first is cited.
    package var errors: [ConfigurationError]

    /// "school-jargon (rules/jargon.yml) was NOT checked: …", at `path` (a draft, or the configuration).
    package func problem(path: String, position: SourcePosition? = SourcePosition(line: 1, column: 1)) -> Problem {
        let subject = ruleID.map { "\($0) (\(file))" } ?? "the rule in \(file)"
        let cause = errors.first.map { " (see \($0.path):\($0.line):\($0.column)" + (errors.count > 1 ? " and \(errors.count - 1) more)" : ")") } ?? ""
        return Problem(severity: .error, path: path, position: position,
                       message: "\(subject) was NOT checked: its rule file could not be loaded\(cause)", ruleID: ruleID)
    }

    /// The same with every path passed through `rename` (how files are shown to the user).
    func renamed(_ rename: (String) -> String) -> UnloadedRule {
        UnloadedRule(ruleID: ruleID, file: rename(file), errors: errors.map { $0.renamed(rename) })
    }
}
