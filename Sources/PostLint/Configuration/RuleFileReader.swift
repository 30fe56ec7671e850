import Foundation
import Yams

/// Reads one rule file that `rules-path:` names, as `.postlint.yml` is read: from Yams' node tree, so
/// every mistake is reported at its line and column, all at once, with a suggestion for a misspelt key
/// or value. (The embedded pack in `Rules/` is decoded with Codable: its mistakes are caught by tests.)
///
/// Nothing written in a rule file is dropped in silence: a key with no value, a blank string, a value of
/// the wrong type and a key that the file's kind does not read are each an error at that value, so the
/// rule is reported as NOT checked instead of running as something other than what was written.
struct RuleFileReader {
    /// What one file gave: a rule file when it has no mistake; its id (and where it is) when readable.
    struct Outcome {
        var file: RuleFile?
        var id: String?
        var kind: RuleFile.Kind?
        var idPosition: (line: Int, column: Int) = (1, 1)
        var errors: [ConfigurationError] = []
        /// Each pattern as the reader parsed it to check it, so that it is not parsed again.
        var compiledPatterns: [String: PhrasePattern] = [:]
    }

    /// A rule id: lower-case words joined by hyphens, like the built-in ones (`personal-opinion`). Also
    /// the schemas' pattern for ids (a test holds them together).
    static let idSyntaxPattern = "[a-z0-9]+(-[a-z0-9]+)*"
    /// Characters of regular expressions that the pattern language does not have. Refused rather than
    /// read as words, so that nobody believes `*` repeats: the language has no repetition, which is what
    /// keeps every pattern matchable in one pass over a draft (see `PhrasePattern`).
    static let regexCharacters: [UInt8] = Array("*+[]\\$".utf8)

    private var nodes: ConfigurationNodeReader
    private var compiledPatterns: [String: PhrasePattern] = [:]

    /// The keys a word list (`kind: list`) reads; a rule (`phrases` or `pattern`) reads every other one.
    static let listKeys: Set<RuleFile.CodingKeys> = [.id, .kind, .entries]

    private init(path: String) {
        nodes = ConfigurationNodeReader(path: path, baseDirectory: "/", knownRuleIDs: [])
        nodes.documentName = "the rule file"
        nodes.valuesAreRequired = true
    }

    /// Reads `text` as the rule file shown as `path`.
    static func read(text: String, path: String) -> Outcome {
        if let (line, column) = AliasExpansionGuard.positionExceedingLimit(in: text, limit: ConfigurationLoader.maximumNodeCount) {
            return Outcome(errors: [ConfigurationError(path: path, line: line, column: column,
                message: "the rule file expands to more than \(ConfigurationLoader.maximumNodeCount) values through YAML aliases")])
        }
        let root: Node?
        do {
            root = try YAMLComposer.compose(text)
        } catch let error as YamlError {
            return Outcome(errors: [YAMLErrorTranslation.error(error, path: path, text: text)])
        } catch {
            return Outcome(errors: [ConfigurationError(path: path, line: 1, column: 1, message: "\(error)")])
        }
        guard let root else {
            return Outcome(errors: [ConfigurationError(path: path, line: 1, column: 1, message: "the rule file is empty")])
        }
        return read(root: root, path: path)
    }

    /// Reads a rule file's YAML tree (the embedded pack's, composed when the binary was built).
    static func read(root: Node, path: String) -> Outcome {
        var reader = RuleFileReader(path: path)
        return reader.read(root)
    }

    private mutating func read(_ root: Node) -> Outcome {
        var outcome = Outcome()
        let keys = RuleFile.CodingKeys.allCases.map(\.rawValue)
        guard let entries = nodes.mapping(root, at: nil, allowed: keys) else { return finish(outcome, nil) }
        var file = RuleFile(id: "", kind: .phrases)
        var kind: RuleFile.Kind?
        for (key, _, value) in entries {
            guard let codingKey = RuleFile.CodingKeys(rawValue: key) else { continue }
            switch codingKey {
            case .id:
                outcome.id = identifier(value)
                outcome.idPosition = (value.mark?.line ?? 1, value.mark?.column ?? 1)
            case .kind:
                kind = nodes.choice(value, at: key)
                outcome.kind = kind
            case .title: file.title = nodes.string(value, at: key)
            case .explanation: file.explanation = nodes.string(value, at: key)
            case .help: file.help = nodes.string(value, at: key)
            case .message: file.message = nodes.string(value, at: key)
            case .level: file.level = nodes.level(value, at: key)
            case .policy: file.policy = nodes.policyClause(value, at: key)
            case .tags: file.tags = nodes.strings(value, at: key).map(\.value)
            case .scope:
                // An empty scope is a rule that reads no prose: it would never fire.
                file.scope = choices(value, at: key)
                if case .sequence(let sequence) = value, sequence.isEmpty {
                    nodes.fail(value, "`scope` needs at least one kind of prose; leave it out for all prose")
                }
            case .skip: file.skip = choices(value, at: key)
            case .phrases: file.phrases = patterns(value, at: key)
            case .patterns: file.patterns = patterns(value, at: key)
            case .entries: file.entries = patterns(value, at: key)
            case .exceptions: file.exceptions = patterns(value, at: key)
            case .joinsNearbyMatches: file.joinsNearbyMatches = nodes.bool(value, at: key)
            case .examples: file.examples = examples(value)
            }
        }
        if let kind {
            // A key the kind does not read would be ignored: `entries` in a rule, `message` in a list.
            for (key, keyNode, _) in entries {
                guard let codingKey = RuleFile.CodingKeys(rawValue: key), codingKey != .id, codingKey != .kind,
                      Self.listKeys.contains(codingKey) != (kind == .list) else { continue }
                nodes.fail(keyNode, kind == .list
                    ? "`\(key)` is not read by a word list (`kind: list`), which has only `id`, `kind` and `entries`"
                    : "`\(key)` is read only by a word list (`kind: list`); a rule (`kind: \(kind.rawValue)`) lists "
                        + "`phrases` or `patterns`")
            }
        }
        let present = Set(entries.map(\.key))
        var required = ["id", "kind"]
        if kind == .list {
            required.append("entries")
        } else if kind != nil {
            required += ["policy", "message"]
            if !present.contains("phrases") && !present.contains("patterns") { required.append("phrases` or `patterns") }
        }
        for key in required where !present.contains(key) {
            nodes.fail(root, "the rule file needs `\(key)`")
        }
        if let id = outcome.id, let kind {
            file.id = id
            file.kind = kind
            return finish(outcome, file)
        }
        return finish(outcome, nil)
    }

    /// The outcome with the errors found, and the file only when there were none. A file that gave no
    /// rule always has an error, so that it can never pass as loaded (fail closed).
    private func finish(_ outcome: Outcome, _ file: RuleFile?) -> Outcome {
        var outcome = outcome
        outcome.errors = nodes.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if file == nil && outcome.errors.isEmpty {
            outcome.errors = [ConfigurationError(path: nodes.path, line: 1, column: 1, message: "the rule file gives no rule")]
        }
        outcome.file = outcome.errors.isEmpty ? file : nil
        outcome.compiledPatterns = compiledPatterns
        return outcome
    }

    private mutating func identifier(_ node: Node) -> String? {
        guard let id = nodes.string(node, at: "id") else { return nil }
        guard let syntax = try? Regex(Self.idSyntaxPattern), id.wholeMatch(of: syntax) != nil else {
            nodes.fail(node, "rule id `\(id)` must be lower-case words and digits joined by hyphens, such as `school-jargon`")
            return nil
        }
        return id
    }

    private mutating func choices<Choice: RawRepresentable & CaseIterable>(_ node: Node, at keyPath: String) -> [Choice]
    where Choice.RawValue == String {
        guard case .sequence(let sequence) = node else { return nodes.choice(node, at: keyPath).map { [$0] } ?? [] }
        return sequence.enumerated().compactMap { index, item -> Choice? in nodes.choice(item, at: "\(keyPath)[\(index)]") }
    }

    /// Phrases or patterns, each compiled now so that a mistake is reported at its own line.
    private mutating func patterns(_ node: Node, at keyPath: String) -> [String] {
        let entries = nodes.strings(node, at: keyPath)
        if case .sequence(let sequence) = node, sequence.isEmpty { nodes.fail(node, "`\(keyPath)` needs at least one entry") }
        return entries.compactMap { entry -> String? in
            if let byte = entry.value.utf8.first(where: Self.regexCharacters.contains) {
                let character = Character(Unicode.Scalar(byte))
                nodes.fail(entry.node, "`\(character)` in \"\(entry.value)\" is not pattern syntax: patterns are words with "
                    + "(a|b) alternatives, ? for optional and {word}, {Word}, {number} or {any}; there is no repetition, "
                    + "so that every rule reads a draft in one pass")
                return nil
            }
            do {
                compiledPatterns[entry.value] = try PhrasePattern(entry.value)
                return entry.value
            } catch {
                nodes.fail(entry.node, "\(error)")
                return nil
            }
        }
    }

    private mutating func examples(_ node: Node) -> RuleFile.Examples? {
        let keys = RuleFile.Examples.CodingKeys.allCases.map(\.rawValue)
        guard let entries = nodes.mapping(node, at: "examples", allowed: keys) else { return nil }
        var examples = RuleFile.Examples()
        for (key, _, value) in entries {
            let list = exampleList(value, at: "examples.\(key)")
            if key == RuleFile.Examples.CodingKeys.triggering.rawValue { examples.triggering = list } else { examples.nonTriggering = list }
        }
        return examples
    }

    /// Examples as bare strings (plain text) or as `{text, format, config, roster}`.
    private mutating func exampleList(_ node: Node, at keyPath: String) -> [RuleFile.ExampleEntry] {
        guard case .sequence(let sequence) = node else {
            nodes.fail(node, "`\(keyPath)` must be a list of examples, found \(nodes.kind(of: node))")
            return []
        }
        var result: [RuleFile.ExampleEntry] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = "\(keyPath)[\(index)]"
            if case .scalar = item {
                if let text = nodes.string(item, at: itemPath) { result.append(RuleFile.ExampleEntry(text: text)) }
                continue
            }
            let keys = RuleFile.ExampleEntry.CodingKeys.allCases.map(\.rawValue)
            guard let fields = nodes.mapping(item, at: itemPath, allowed: keys) else { continue }
            var text: String?, format = DocumentFormat.text, configuration: String?, roster: String?
            for (key, _, value) in fields {
                switch RuleFile.ExampleEntry.CodingKeys(rawValue: key) {
                case .text: text = nodes.string(value, at: "\(itemPath).text")
                case .format: format = nodes.choice(value, at: "\(itemPath).format") ?? format
                case .config: configuration = nodes.string(value, at: "\(itemPath).config")
                case .roster: roster = nodes.string(value, at: "\(itemPath).roster")
                case nil: break
                }
            }
            guard let text else {
                if !fields.contains(where: { $0.key == RuleFile.ExampleEntry.CodingKeys.text.rawValue }) {
                    nodes.fail(item, "`\(itemPath)` needs `text`")
                }
                continue
            }
            result.append(RuleFile.ExampleEntry(text: text, format: format, configuration: configuration, roster: roster))
        }
        return result
    }
}
