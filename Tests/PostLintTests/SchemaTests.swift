import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

/// `schemas/` against the loaders: every key the configuration loader and the rule-file reader accept is
/// in its schema, and every key a schema offers is one they accept, so editors never suggest a key that
/// fails, nor miss one that works. The loaders' key lists are the one place of truth.
struct SchemaTests {
    private static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: PostLintProcess.packageRoot + "/schemas/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The object at a path of keys ("properties", "school"…).
    private static func object(_ root: [String: Any], _ path: String...) -> [String: Any] {
        path.reduce(root) { ($0[$1] as? [String: Any]) ?? [:] }
    }

    private static func keys(_ root: [String: Any], _ path: String...) -> Set<String> {
        Set(path.reduce(root) { ($0[$1] as? [String: Any]) ?? [:] }.keys)
    }

    private static func enumeration(_ object: [String: Any]) -> Set<String> {
        Set(object["enum"] as? [String] ?? [])
    }

    @Test func theConfigurationSchemaHasExactlyTheLoadersKeys() throws {
        let schema = try Self.schema("postlint-config.schema.json")
        typealias Reader = ConfigurationNodeReader
        #expect(Self.keys(schema, "properties") == Set(Reader.topLevelKeys))
        #expect(Self.keys(schema, "properties", "school", "properties") == Set(Reader.schoolKeys))
        #expect(Self.keys(schema, "properties", "sources", "properties") == Set(Reader.sourcesKeys))
        #expect(Self.keys(schema, "properties", "pupils", "properties") == Set(Reader.pupilsKeys))
        #expect(Self.keys(schema, "properties", "roster-consent", "properties") == Set(Reader.rosterConsentKeys))
        #expect(Self.keys(schema, "properties", "overrides", "items", "properties") == Set(Reader.overrideKeys))
        #expect(Self.keys(schema, "$defs", "policyClause", "properties") == Set(Reader.policyKeys))
    }

    @Test func theConfigurationSchemaNamesEveryBuiltInRuleLevelAndFormat() throws {
        let schema = try Self.schema("postlint-config.schema.json")
        let builtIn = Set(Linter().descriptors.map(\.id))
        #expect(Self.keys(schema, "$defs", "ruleLevels", "properties") == builtIn)
        #expect(Self.keys(schema, "properties", "policy", "properties") == builtIn)
        let ruleID = Self.object(schema, "$defs", "ruleID")["anyOf"] as? [[String: Any]] ?? []
        #expect(ruleID.first.map(Self.enumeration) == builtIn)
        #expect(ruleID.last?["pattern"] as? String == "^" + RuleFileReader.idSyntaxPattern + "$")
        #expect(Self.enumeration(Self.object(schema, "$defs", "level")) == Set(Level.allCases.map(\.rawValue)))
        #expect(Self.enumeration(Self.object(schema, "$defs", "format")) == Set(DocumentFormat.allCases.map(\.rawValue)))
    }

    @Test func theRuleSchemaHasExactlyTheRuleFileKeysAndValues() throws {
        let schema = try Self.schema("postlint-rule.schema.json")
        #expect(Self.keys(schema, "properties") == Set(RuleFile.CodingKeys.allCases.map(\.rawValue)))
        #expect(Self.keys(schema, "properties", "policy", "properties") == Set(ConfigurationNodeReader.policyKeys))
        #expect(Self.keys(schema, "properties", "examples", "properties") == Set(RuleFile.Examples.CodingKeys.allCases.map(\.rawValue)))
        let example = (Self.object(schema, "$defs", "example")["oneOf"] as? [[String: Any]])?.last ?? [:]
        #expect(Self.keys(example, "properties") == Set(RuleFile.ExampleEntry.CodingKeys.allCases.map(\.rawValue)))
        #expect(Self.enumeration(Self.object(schema, "properties", "kind")) == Set(RuleFile.Kind.allCases.map(\.rawValue)))
        #expect(Self.enumeration(Self.object(schema, "properties", "level")) == Set(Level.allCases.map(\.rawValue)))
        #expect(Self.object(schema, "properties", "id")["pattern"] as? String == "^" + RuleFileReader.idSyntaxPattern + "$")
        let choices = { (key: String) in
            Set(((Self.object(schema, "properties", key)["oneOf"] as? [[String: Any]])?.first?["enum"] as? [String]) ?? [])
        }
        #expect(choices("scope") == Set(ProseKind.allCases.map(\.rawValue)))
        #expect(choices("skip") == Set(RuleFile.SkippedContext.allCases.map(\.rawValue)))
        let lists = ((schema["allOf"] as? [[String: Any]])?.first).map { Self.object($0, "then", "properties", "id") } ?? [:]
        #expect(Self.enumeration(lists) == Set(WordList.allCases.map(\.rawValue)))
    }
}
