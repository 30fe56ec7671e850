import Foundation
import Yams

extension ConfigurationNodeReader {
    /// `rules-path:`: rule files, and folders of them (their `.yml` and `.yaml` files, by name), relative
    /// to the configuration's folder. A missing entry is an error at the entry; a rule file's mistakes
    /// are errors at their line in that file, and the rules they cost are kept in `unloadedRules`.
    mutating func readRulesPath(_ node: Node, into configuration: inout Configuration) {
        var files: [(absolute: String, shown: String)] = []
        for entry in strings(node, at: "rules-path") {
            let absolute = LexicalPath.absolute(entry.value, base: baseDirectory)
            let shown = entry.value.hasPrefix("/") ? entry.value
                : LexicalPath.parent(path).map { LexicalPath.join($0, entry.value) } ?? entry.value
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) else {
                fail(entry.node, "rules path `\(entry.value)` does not exist (looked for \(absolute))")
                continue
            }
            configuration.rulesPath.append(absolute)
            guard isFolder.boolValue else {
                files.append((absolute, shown))
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [])
                .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) }
                .sorted()
            if names.isEmpty { fail(entry.node, "rules path `\(entry.value)` is a folder with no .yml or .yaml file") }
            files += names.map { (LexicalPath.join(absolute, $0), LexicalPath.join(shown, $0)) }
        }
        var loader = RulesPathLoader(builtInIDs: knownRuleIDs)
        configuration.runtimeRules = loader.load(files)
        for error in loader.errors { record(error) }
        unloadedRules = loader.unloaded
        // `rules:` may level (or turn off) a rule whose file is broken, without a second error.
        knownRuleIDs.formUnion(configuration.runtimeRules.rules.map(\.file.id) + loader.unloaded.compactMap(\.ruleID))
    }
}
