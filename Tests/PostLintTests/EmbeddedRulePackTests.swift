import Foundation
import PostLint
import PostLintTestSupport
import Testing
import Yams

/// The rule pack is read from YAML when the binary is built (`embed-files --rule-pack`): these hold what
/// the binary carries to what `Rules/` says, read with Yams as a running process would read it.
struct EmbeddedRulePackTests {
    static func ruleFiles() throws -> [(name: String, text: String)] {
        let folder = PostLintProcess.packageRoot + "/Rules"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yml") }.sorted()
            .map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
    }

    @Test func everyWordListHoldsItsFilesEntriesInOrder() throws {
        var read = 0
        for file in try Self.ruleFiles() {
            let mapping = try #require(try Yams.compose(yaml: file.text)?.mapping, "\(file.name)")
            guard mapping["kind"]?.string == "list" else { continue }
            let id = try #require(mapping["id"]?.string)
            let entries = try #require(mapping["entries"]?.sequence).map { $0.string }
            #expect(RulePack.embedded.lists[id] == entries.compactMap { $0 }, "\(file.name)")
            #expect(!entries.contains(nil), "\(file.name): every entry is text")
            read += 1
        }
        #expect(read > 40)
        #expect(RulePack.embedded.lists.count == read, "no list comes from anywhere else")
    }

    @Test func everyRuleIsItsFilesYAMLTree() throws {
        let trees = Dictionary(uniqueKeysWithValues: EmbeddedRulePack.trees().map { ($0.name, $0.root) })
        var rules = 0
        for file in try Self.ruleFiles() {
            let root = try #require(try Yams.compose(yaml: file.text), "\(file.name)")
            guard root.mapping?["kind"]?.string != "list" else { continue }
            #expect(trees[file.name] == root, "\(file.name): the tree compiled in differs from the file's")
            // The same rule as a user's rule file with that text would give.
            let expected = try RulePack(files: [file]).rules.map(\.descriptor)
            #expect(RulePack.embedded.rules.map(\.descriptor).filter { expected.map(\.id).contains($0.id) } == expected)
            rules += 1
        }
        #expect(rules >= 1 && trees.count == rules)
    }
}
