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
                decoded = try YAMLDecoder().decode(RuleFile.self, from: file.text)
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
