/// A set of data rules and word lists read from YAML files — by default the pack in `Rules/`,
/// embedded in the binary. Adding a phrase rule means adding one YAML file.
public struct RulePack: Sendable {
    public private(set) var rules: [PhraseRule] = []
    /// Named word lists (`kind: list`), for built-in checks: id → entries.
    public private(set) var lists: [String: [String]] = [:]

    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// The default pack, compiled once. It was read from YAML when the binary was built: its word lists
    /// as lines (`EmbeddedRulePack.lists`), its rules as YAML trees (`EmbeddedRulePack.trees`), so a
    /// process starts without composing any YAML.
    public static let embedded: RulePack = {
        do {
            var pack = RulePack()
            for tree in EmbeddedRulePack.trees() {
                try pack.add(RuleFileReader.read(root: tree.root, path: tree.name), file: tree.name)
            }
            for list in EmbeddedRulePack.lists {
                pack.lists[list.id] = list.entries.isEmpty ? []
                    : list.entries.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                        .map { String(decoding: $0, as: UTF8.self) }
            }
            return pack
        } catch {
            // The embedded pack is tested on every build; reaching this is a packaging bug.
            fatalError("the embedded rule pack is invalid: \(error)")
        }
    }()

    private init() {}

    /// Reads rule files with the reader that `rules-path:` uses, so a file means the same embedded or not.
    public init(files: [(name: String, text: String)]) throws(LoadError) {
        for file in files {
            try add(RuleFileReader.read(text: file.text, path: file.name), file: file.name)
        }
    }

    private mutating func add(_ outcome: RuleFileReader.Outcome, file: String) throws(LoadError) {
        guard let decoded = outcome.file else {
            throw LoadError(file: file, message: outcome.errors.map { "\($0.line):\($0.column): \($0.message)" }.joined(separator: "; "))
        }
        switch decoded.kind {
        case .list:
            lists[decoded.id] = decoded.entries ?? []
        case .phrases, .pattern:
            do {
                rules.append(PhraseRule(try RuleDefinition(decoded, compiled: outcome.compiledPatterns)))
            } catch {
                throw LoadError(file: file, message: "\(error)")
            }
        }
    }

    /// A list's entries (empty only if the pack lacks the list, which a test rules out for the embedded pack).
    package func list(_ id: WordList) -> [String] { lists[id.rawValue] ?? [] }
}
