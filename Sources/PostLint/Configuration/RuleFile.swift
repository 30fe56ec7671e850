/// One YAML file of a rule pack, as written: a rule (`kind: phrases` or `kind: pattern`) or a named
/// word list (`kind: list`) that a built-in check reads (job titles, street words…). Plain data, so that a
/// `rules-path:` file is read with the configuration that names it; `RuleDefinition` checks a rule's parts
/// and `PhraseRule` (above the checks) compiles it.
struct RuleFile: Hashable, Sendable {
    enum Kind: String, CaseIterable {
        case phrases
        case pattern
        case list
    }

    /// Contexts whose text a rule does not look at.
    enum SkippedContext: String, CaseIterable {
        case quotation
        case code
        case link
        case citation
    }

    struct Examples: Hashable, Sendable {
        var triggering: [ExampleEntry]?
        var nonTriggering: [ExampleEntry]?

        enum CodingKeys: String, CodingKey, CaseIterable { case triggering, nonTriggering }
    }

    /// An example as a bare string (plain text) or as `{text, format, config, roster}`: plain data here,
    /// a `CheckExample` once `PhraseRule` compiles the rule (checks sit above the configuration).
    struct ExampleEntry: Hashable, Sendable {
        var text: String
        var format: DocumentFormat
        var configuration: String?
        var roster: String?

        init(text: String, format: DocumentFormat = .text, configuration: String? = nil, roster: String? = nil) {
            self.text = text
            self.format = format
            self.configuration = configuration
            self.roster = roster
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case text, format, config, roster }
    }

    var id: String
    var kind: Kind
    var title: String?
    var explanation: String?
    var help: String?
    var message: String?
    var level: Level?
    var policy: PolicyClause?
    var tags: [String]?
    var scope: [ProseKind]?
    var skip: [SkippedContext]?
    var phrases: [String]?
    var patterns: [String]?
    var entries: [String]?
    /// Patterns that cancel a match starting at the same token when they reach at least as far: the
    /// narrower forms of a broad pattern that mean something else ("I thought you might like…" is a
    /// courtesy, not the writer's stance, though "I thought" is).
    var exceptions: [String]?
    /// Matches a few tokens apart in one sentence join one finding: "Honestly, I think…" is one stance.
    var joinsNearbyMatches: Bool?
    var examples: Examples?

    /// Every key a rule file may have, in one place: the reader (`RuleFileReader`, for the embedded pack
    /// and `rules-path:` alike) and the test that holds `schemas/postlint-rule.schema.json` to them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, title, explanation, help, message, level, policy, tags, scope, skip, phrases, patterns, entries
        case exceptions, joinsNearbyMatches, examples
    }
}
