import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

private let ruleIDs: Set<String> = ["personal-opinion", "missing-logo", "pupil-name"]
private let loader = ConfigurationLoader(knownRuleIDs: ruleIDs)

/// Loads `text` as `/school/.postlint.yml` and returns its errors (none when it loads).
private func errors(_ text: String, path: String = "/school/.postlint.yml") -> [ConfigurationError] {
    do {
        _ = try loader.load(text: text, path: path)
        return []
    } catch {
        return error.errors
    }
}

/// The single error `text` has, as `line:column: message`, for exact comparisons.
private func onlyError(_ text: String) -> String? {
    let found = errors(text)
    guard found.count == 1 else { return "\(found.count) errors: \(found)" }
    return "\(found[0].line):\(found[0].column): \(found[0].message)"
}

@Suite struct ConfigurationLoaderTests {
    @Test func readsEveryKeyOfTheDocumentedExample() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "First,Last\nAda,Lovelace\n")
        let path = try folder.write(".postlint.yml", """
            school:
              name: Beechwood Primary School
              domains: [Beechwood.example.sch.uk]
              phones: ["01625 000000"]
              addresses: ["Beechwood Avenue, Macclesfield SK10 9ZZ"]
              logo: ["beechwood-logo", "crest.svg"]
            roster: pupils.csv
            sources:
              domains: [gov.uk, cheshireeast.gov.uk]
              names: [Department for Education, NSPCC]
            positions: [Forest School Lead]
            rules:
              personal-opinion: warning
            overrides:
              - files: ["social/**"]
                rules: { missing-logo: off }
            ignore: ["archive/**"]
            """)
        let configuration = try loader.load(path: path)
        #expect(configuration.school.name == "Beechwood Primary School")
        #expect(configuration.school.domains == ["beechwood.example.sch.uk"])
        #expect(configuration.school.phones == ["01625 000000"])
        #expect(configuration.school.addresses == ["Beechwood Avenue, Macclesfield SK10 9ZZ"])
        #expect(configuration.school.logo == ["beechwood-logo", "crest.svg"])
        #expect(configuration.roster == [folder.absolute("pupils.csv")])
        #expect(configuration.sources.domains == ["gov.uk", "cheshireeast.gov.uk"])
        #expect(configuration.sources.names == ["Department for Education", "NSPCC"])
        #expect(configuration.positions == ["Forest School Lead"])
        #expect(configuration.rules == ["personal-opinion": .warning])
        #expect(configuration.overrides == [Configuration.Override(files: ["social/**"], rules: ["missing-logo": .off])])
        #expect(configuration.ignore == ["archive/**"])
        #expect(configuration.baseDirectory == folder.path)
        #expect(configuration.path == path)
    }

    @Test(arguments: ["", "\n", "# nothing configured yet\n", "---\n"])
    func emptyFileIsTheDefaultConfiguration(text: String) throws {
        let configuration = try loader.load(text: text, path: "/school/.postlint.yml")
        #expect(configuration.school == Configuration.School())
        #expect(configuration.rules.isEmpty && configuration.ignore.isEmpty && configuration.roster.isEmpty)
        #expect(configuration.baseDirectory == "/school")
        #expect(configuration.path == "/school/.postlint.yml")
    }

    @Test func emptySectionsAreDefaults() throws {
        let configuration = try loader.load(text: "school:\nrules:\nignore:\n", path: "/school/.postlint.yml")
        #expect(configuration.school.logo == ["logo", "crest"])
        #expect(configuration.rules.isEmpty)
    }

    @Test func yamlSyntaxErrorHasLibyamlsPosition() {
        #expect(onlyError("school:\n  name: [Beechwood\nrules: {}\n")
                == "3:6: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 9)")
    }

    @Test func tabIndentationIsExplained() {
        #expect(onlyError("school:\n\tname: Beechwood\n") == "2:1: YAML syntax error: a tab cannot indent YAML; use spaces")
    }

    @Test func unquotedGlobStartingWithStarIsExplained() {
        #expect(onlyError("ignore:\n  - archive/**\n  - **/draft-*.html\n")
                == "3:5: `**/draft-*.html` reads as a YAML alias; a value that starts with `*`, such as a glob, must be quoted: \"**/draft-*.html\"")
    }

    @Test func duplicateKeyIsAnError() {
        #expect(onlyError("rules: {}\nignore: []\nrules: {}\n")
                == "1:1: duplicate key `rules`: a key may appear only once in a mapping (this is its first use)")
    }

    @Test func unknownTopLevelKeySuggestsTheClosest() {
        #expect(onlyError("school: {}\nrule:\n  personal-opinion: off\n")
                == "2:1: unknown key `rule` at the top level; did you mean `rules`? Known keys: school, roster, roster-key-file, roster-consent, pupils, sources, positions, staff, rules, overrides, ignore, policy, rules-path.")
    }

    @Test func unknownNestedKeyListsTheKeysAtItsLevel() {
        #expect(onlyError("school:\n  name: Beechwood\n  domians: [beechwood.example.sch.uk]\n")
                == "3:3: unknown key `domians` in `school`; did you mean `domains`? Known keys: name, aliases, groups, domains, phones, addresses, logo, logo-formats.")
        #expect(onlyError("sources:\n  urls: [gov.uk]\n")
                == "2:3: unknown key `urls` in `sources` Known keys: domains, names.")
    }

    @Test func wrongTypesNameTheKeyAndWhatWasFound() {
        #expect(onlyError("school:\n  domains: {main: beechwood.example.sch.uk}\n")
                == "2:12: `school.domains` must be a list of strings, found a mapping")
        #expect(onlyError("school: Beechwood\n")
                == "1:9: `school` must be a mapping of keys, found the string \"Beechwood\"")
        #expect(onlyError("ignore:\n  - archive/**\n  - [drafts]\n")
                == "3:5: `ignore[1]` must be a string, found a list")
        #expect(onlyError("school:\n  name: [Beechwood]\n") == "2:9: `school.name` must be a string, found a list")
        #expect(onlyError("- school\n") == "1:1: the configuration must be a mapping of keys, found a list")
        #expect(onlyError("overrides: {files: x}\n")
                == "1:12: `overrides` must be a list of mappings with `files` and `rules`, found a mapping")
    }

    @Test func numbersAndSingleStringsAreAcceptedWhereStringsAreExpected() throws {
        let configuration = try loader.load(text: "school:\n  phones: 01625000000\n  domains: beechwood.example.sch.uk\n",
                                            path: "/school/.postlint.yml")
        #expect(configuration.school.phones == ["01625000000"])
        #expect(configuration.school.domains == ["beechwood.example.sch.uk"])
    }

    @Test func unknownLevelSuggestsTheClosest() {
        #expect(onlyError("rules:\n  personal-opinion: warn\n")
                == "2:21: unknown level `warn` for `rules.personal-opinion`: use error, warning, note, off; did you mean `warning`?")
        #expect(onlyError("rules:\n  personal-opinion: [off]\n")
                == "2:21: `rules.personal-opinion` must be one of error, warning, note, off, found a list")
    }

    @Test func unknownRuleIDSuggestsTheClosest() {
        #expect(onlyError("rules:\n  personal-opinon: off\n")
                == "2:3: unknown rule `personal-opinon` in `rules`; did you mean `personal-opinion`?")
        #expect(onlyError("overrides:\n  - files: [\"social/**\"]\n    rules: { logo-missing: off }\n")
                == "3:14: unknown rule `logo-missing` in `overrides[0].rules`")
    }

    @Test func overrideWithoutFilesIsAnError() {
        #expect(onlyError("overrides:\n  - rules: { missing-logo: off }\n")
                == "2:5: `overrides[0]` needs `files`: the globs of the files it applies to")
    }

    @Test func rosterFilesAreResolvedAgainstTheConfigurationFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("mis/pupils.csv", "Ada,Lovelace\n")
        try folder.makeFolder("exports")
        let path = try folder.write("site/.postlint.yml", "roster:\n  - ../mis/pupils.csv\n  - missing.csv\n  - ../exports\n")
        var found: [ConfigurationError] = []
        do { _ = try loader.load(path: path) } catch { found = error.errors }
        #expect(found.map { "\($0.line):\($0.column)" } == ["3:5", "4:5"])
        #expect(found.first?.message == "roster file `missing.csv` does not exist (looked for \(folder.absolute("site/missing.csv")))")
        #expect(found.last?.message == "roster file `../exports` is a folder; name the CSV file inside it")

        try folder.write("site/.postlint.yml", "roster: ../mis/pupils.csv\n")
        #expect(try loader.load(path: path).roster == [folder.absolute("mis/pupils.csv")])
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func unreadableRosterIsAnError() throws {
        let folder = try TemporaryFolder()
        let roster = try folder.write("pupils.csv", "Ada\n")
        chmod(roster, 0)
        let path = try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        var found: [ConfigurationError] = []
        do { _ = try loader.load(path: path) } catch { found = error.errors }
        #expect(found.map { "\($0.line):\($0.column): \($0.message)" }
                == ["1:10: roster file `pupils.csv` cannot be read: Permission denied"])
    }

    @Test func allErrorsAreReportedInFileOrder() {
        let found = errors("""
            school:
              nme: Beechwood
            rules:
              personal-opinion: loud
              nonsense: off
            ignore: {a: b}
            """)
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:3", "4:21", "5:3", "6:9"])
        #expect(found.allSatisfy { $0.path == "/school/.postlint.yml" })
        let description = ConfigurationErrors(found).description
        #expect(description.split(separator: "\n").count == 4)
        #expect(description.hasPrefix("/school/.postlint.yml:2:3: unknown key `nme` in `school`; did you mean `name`?"))
    }

    @Test(.timeLimit(.minutes(1))) func billionLaughsIsRefused() {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("expands to more than 100000 values through YAML aliases") == true)
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (5, 55), "at the alias that passes the bound")
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombUsedAsAKeyIsRefusedBeforeYamsHashesIt() {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "rules: {? *l9 : off}\n"
        #expect(errors(text).first?.message.contains("through YAML aliases") == true)
    }

    @Test func modestAliasesAreFine() throws {
        let configuration = try loader.load(text: "sources:\n  domains: &gov [gov.uk]\nschool:\n  domains: *gov\n",
                                            path: "/school/.postlint.yml")
        #expect(configuration.school.domains == ["gov.uk"])
    }

    @Test func fileThatIsNotUTF8IsAnErrorAtTheBadByte() throws {
        let folder = try TemporaryFolder()
        let path = folder.absolute(".postlint.yml")
        try Data("school:\n  name: Caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        var found: [ConfigurationError] = []
        do { _ = try loader.load(path: path) } catch { found = error.errors }
        #expect(found.map(\.description) == ["\(path):2:12: the configuration file is not UTF-8 text"])
    }

    @Test func missingConfigurationFileIsAnError() {
        var found: [ConfigurationError] = []
        do { _ = try loader.load(path: "/no/such/folder/.postlint.yml") } catch { found = error.errors }
        #expect(found.map(\.description) == ["/no/such/folder/.postlint.yml:1:1: no such configuration file"])
    }

    @Test func overridesApplyInOrderWithLaterEntriesWinning() throws {
        let configuration = try loader.load(text: """
            rules: { missing-logo: error, personal-opinion: note }
            overrides:
              - files: ["social/**"]
                rules: { missing-logo: off, personal-opinion: warning }
              - files: ["social/facebook/**", "*.txt"]
                rules: { missing-logo: warning }
            """, path: "/school/.postlint.yml")
        #expect(configuration.configuredLevel(for: "missing-logo", relativePath: "news/a.html") == .error)
        #expect(configuration.configuredLevel(for: "missing-logo", relativePath: "social/x/a.html") == .off)
        #expect(configuration.configuredLevel(for: "missing-logo", relativePath: "social/facebook/a.html") == .warning)
        #expect(configuration.configuredLevel(for: "missing-logo", relativePath: "social/a.txt") == .warning)
        #expect(configuration.configuredLevel(for: "personal-opinion", relativePath: "social/facebook/a.html") == .warning)
        #expect(configuration.configuredLevel(for: "pupil-name", relativePath: "social/a.html") == nil)
    }

    @Test func starterTemplateLoadsAndNamesEveryKey() throws {
        let configuration = try loader.load(text: ConfigurationTemplate.starter, path: "/school/.postlint.yml")
        #expect(configuration.school.name == "Beechwood Primary School")
        #expect(configuration.ignore == ["archive/**"])
        let keys = ConfigurationNodeReader.topLevelKeys + ConfigurationNodeReader.schoolKeys
            + ConfigurationNodeReader.sourcesKeys + ConfigurationNodeReader.overrideKeys
        for key in keys {
            #expect(ConfigurationTemplate.starter.contains("\(key):"), "the starter does not mention `\(key)`")
        }
    }

    @Test func suggestionsAreOnlyForPlausibleTypos() {
        #expect(SpellingSuggestion.closest(to: "doamins", in: ["name", "domains"]) == "domains")
        #expect(SpellingSuggestion.closest(to: "colour", in: ["name", "domains"]) == nil)
    }
}

@Suite struct ConfigurationResolverTests {
    @Test func nearestConfigurationWins() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "ignore: [root]\n")
        try folder.write("news/.postlint.yaml", "ignore: [news]\n")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        #expect(try resolver.configuration(forFile: "news/2024/a.md").ignore == ["news"])
        #expect(try resolver.configuration(forFile: "news/a.md").ignore == ["news"])
        #expect(try resolver.configuration(forFile: "social/a.md").ignore == ["root"])
        #expect(try resolver.configuration(forFile: folder.absolute("a.md")).path == folder.absolute(".postlint.yml"))
    }

    @Test func ymlIsPreferredOverYaml() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yaml", "ignore: [yaml]\n")
        try folder.write(".postlint.yml", "ignore: [yml]\n")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        #expect(try resolver.configuration(forFile: "a.md").ignore == ["yml"])
    }

    @Test func explicitConfigurationOverridesDiscovery() throws {
        let folder = try TemporaryFolder()
        try folder.write("news/.postlint.yml", "ignore: [news]\n")
        try folder.write("ci/strict.yml", "ignore: [strict]\n")
        let resolver = ConfigurationResolver(loader: loader, explicitPath: "ci/strict.yml", workingDirectory: folder.path)
        #expect(try resolver.configuration(forFile: "news/a.md").ignore == ["strict"])
        let configuration = try resolver.configuration(forFile: "/elsewhere/a.md")
        #expect(configuration.ignore == ["strict"])
        #expect(resolver.relativePath(of: "news/a.md", in: configuration) == nil)
        #expect(resolver.relativePath(of: "ci/drafts/a.md", in: configuration) == "drafts/a.md")
    }

    @Test func noConfigurationFileGivesTheDefaults() throws {
        let folder = try TemporaryFolder()
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        let configuration = try resolver.configuration(forFile: "a.md")
        #expect(configuration.path == nil && configuration.baseDirectory == nil)
        #expect(resolver.relativePath(of: "a.md", in: configuration) == nil)
    }

    @Test func folderNamedLikeAConfigurationIsSkipped() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "ignore: [root]\n")
        try folder.makeFolder("news/.postlint.yml")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        #expect(try resolver.configuration(forFile: "news/a.md").ignore == ["root"])
    }

    @Test func relativePathIsAgainstTheConfigurationFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yml", "")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        let configuration = try resolver.configuration(forFile: "site/news/./a.md")
        #expect(resolver.relativePath(of: "site/news/./a.md", in: configuration) == "news/a.md")
        #expect(resolver.relativePath(of: "./site/social/../a.md", in: configuration) == "a.md")
    }

    @Test func configurationIsReadOnceAndSharedSafelyBetweenThreads() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "ignore: [first]\n")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        let ignores = NSLock()
        nonisolated(unsafe) var seen: Set<[String]> = []
        DispatchQueue.concurrentPerform(iterations: 2_000) { index in
            let ignore = (try? resolver.configuration(forFile: "posts/\(index % 7)/post-\(index).md").ignore) ?? ["failed"]
            ignores.lock()
            seen.insert(ignore)
            ignores.unlock()
        }
        #expect(seen == [["first"]])
        // Changed on disk after the first read: the cached configuration stays in force.
        try folder.write(".postlint.yml", "ignore: [second]\n")
        #expect(try resolver.configuration(forFile: "posts/3/other.md").ignore == ["first"])
        #expect(try resolver.configuration(forFile: "a.md").ignore == ["first"])
    }

    @Test func brokenConfigurationErrorsNameItRelativeToTheWorkingDirectory() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yml", "rules:\n  nonsense: off\n")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        for file in ["site/a.md", "site/news/b.md"] {
            var found: [String] = []
            do { _ = try resolver.configuration(forFile: file) } catch { found = error.errors.map(\.description) }
            #expect(found == ["site/.postlint.yml:2:3: unknown rule `nonsense` in `rules`"])
        }
    }
}
