import Yams

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

    /// The default pack, compiled once.
    public static let embedded: RulePack = {
        do {
            return try RulePack(files: EmbeddedRulePack.files)
        } catch {
            // The embedded pack is tested on every build; reaching this is a packaging bug.
            fatalError("the embedded rule pack is invalid: \(error)")
        }
    }()

    public init(files: [(name: String, text: String)]) throws(LoadError) {
        for file in files {
            let decoded: RuleFile
            do {
                let node = try Yams.compose(yaml: file.text) ?? Node("")
                // Most files are word lists: read straight from the YAML tree, which is several times faster
                // than the Codable decoder (this runs at every start-up, for every file of the pack).
                if let list = RulePack.plainList(node) {
                    lists[list.id] = list.entries
                    continue
                }
                decoded = try YAMLDecoder().decode(RuleFile.self, from: node)
            } catch {
                throw LoadError(file: file.name, message: RulePack.describe(error))
            }
            switch decoded.kind {
            case .list:
                lists[decoded.id] = decoded.entries ?? []
            case .phrases, .pattern:
                do {
                    rules.append(PhraseRule(try RuleDefinition(decoded)))
                } catch {
                    throw LoadError(file: file.name, message: "\(error)")
                }
            }
        }
    }

    /// `id`, `kind: list` and `entries` as a sequence of plain values, and nothing else: a word list. Anything
    /// else (a rule, or a list with a mistake in it) is left to the decoder, which says what is wrong.
    private static func plainList(_ node: Node) -> (id: String, entries: [String])? {
        guard let mapping = node.mapping, mapping.count == 3, mapping["kind"]?.scalar?.string == "list",
              let id = mapping["id"]?.scalar?.string, let sequence = mapping["entries"]?.sequence else { return nil }
        var entries: [String] = []
        entries.reserveCapacity(sequence.count)
        for entry in sequence {
            guard let scalar = entry.scalar else { return nil }
            entries.append(scalar.string)
        }
        return (id, entries)
    }

    /// A list's entries (empty only if the pack lacks the list, which a test rules out for the embedded pack).
    package func list(_ id: WordList) -> [String] { lists[id.rawValue] ?? [] }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
