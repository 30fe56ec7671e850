import Foundation

/// Loads the rule files that `rules-path:` names, at run time and in the shape of `Rules/`. Fails
/// closed: a file with any mistake adds nothing, and the rule it held is named (`UnloadedRule`) so that
/// every draft reports it as NOT checked. An id that a built-in rule (or another rule file) already has
/// is a mistake, never a silent replacement.
struct RulesPathLoader {
    /// Ids that a rule file may not take: the linter's checks.
    let builtInIDs: Set<String>
    private(set) var errors: [ConfigurationError] = []
    private(set) var unloaded: [UnloadedRule] = []

    /// `files`: each rule file, absolute and as messages show it, in the order given.
    mutating func load(_ files: [(absolute: String, shown: String)]) -> RuntimeRules {
        var loaded = RuntimeRules()
        var definedIn: [String: String] = [:]
        for file in files where !loaded.files.contains(file.absolute) {
            loaded.files.append(file.absolute)
            var outcome = read(file)
            var ruleID = outcome.id
            if let id = outcome.id, outcome.kind != .list {
                let mistake: String? = if builtInIDs.contains(id) {
                    "rule id `\(id)` is a built-in rule's; a rule file cannot replace a built-in rule: give this rule an id "
                        + "of its own (a built-in rule's level is set with `rules:` in .postlint.yml)"
                } else if let other = definedIn[id] {
                    "rule id `\(id)` is already defined in \(other); each rule needs an id of its own"
                } else {
                    nil
                }
                if let mistake {
                    outcome.errors.append(error(file.shown, outcome.idPosition, mistake))
                    if builtInIDs.contains(id) { ruleID = nil }
                } else {
                    definedIn[id] = file.shown
                }
            }
            if let ruleFile = outcome.file, outcome.errors.isEmpty {
                if ruleFile.kind == .list {
                    outcome.errors += addList(ruleFile, to: &loaded, shown: file.shown, position: outcome.idPosition)
                } else {
                    do {
                        loaded.rules.append(try RuleDefinition(ruleFile, compiled: outcome.compiledPatterns))
                    } catch {
                        outcome.errors.append(self.error(file.shown, (1, 1), "\(error)"))
                    }
                }
            }
            guard !outcome.errors.isEmpty else { continue }
            errors += outcome.errors
            unloaded.append(UnloadedRule(ruleID: outcome.kind == .list ? nil : ruleID, file: file.shown, errors: outcome.errors))
        }
        return loaded
    }

    /// The file's text, read as the configuration is (size limit, UTF-8), then its rule.
    private func read(_ file: (absolute: String, shown: String)) -> RuleFileReader.Outcome {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file.absolute))
            defer { try? handle.close() }
            data = try handle.read(upToCount: ConfigurationLoader.maximumFileSize + 1) ?? Data()
        } catch {
            return RuleFileReader.Outcome(errors: [self.error(file.shown, (1, 1), "the rule file cannot be read")])
        }
        guard data.count <= ConfigurationLoader.maximumFileSize else {
            return RuleFileReader.Outcome(errors: [self.error(file.shown, (1, 1),
                "the rule file is larger than \(ConfigurationLoader.maximumFileSize >> 20) MiB; refusing to read it")])
        }
        if let position = ConfigurationLoader.firstInvalidUTF8Position(in: data) {
            return RuleFileReader.Outcome(errors: [self.error(file.shown, position, "the rule file is not UTF-8 text")])
        }
        return RuleFileReader.read(text: String(decoding: data, as: UTF8.self), path: file.shown)
    }

    /// A `kind: list` file adds its entries to a built-in list, if that list is read per configuration;
    /// any other id is a mistake (never an empty list that nothing reads).
    private func addList(_ file: RuleFile, to loaded: inout RuntimeRules, shown: String,
                         position: (line: Int, column: Int)) -> [ConfigurationError] {
        let extensible = WordList.extensibleAtRunTime.map(\.rawValue).sorted()
        guard let list = WordList(rawValue: file.id) else {
            let suggestion = SpellingSuggestion.closest(to: file.id, in: WordList.allCases.map(\.rawValue))
                .map { "; did you mean `\($0)`?" } ?? ""
            return [error(shown, position, "unknown word list `\(file.id)`\(suggestion) A rule file can add to: "
                + extensible.joined(separator: ", ") + ".")]
        }
        guard WordList.extensibleAtRunTime.contains(list) else {
            return [error(shown, position, "word list `\(file.id)` is compiled into its check and cannot be extended at "
                + "run time; a rule file can add to: \(extensible.joined(separator: ", ")).")]
        }
        loaded.wordListAdditions[list, default: []] += file.entries ?? []
        return []
    }

    private func error(_ path: String, _ position: (line: Int, column: Int), _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: position.line, column: position.column, message: message)
    }
}
