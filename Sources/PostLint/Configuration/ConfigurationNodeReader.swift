import Foundation
import Yams

/// Walks a composed `.postlint.yml` and fills a `Configuration`, recording every mistake with its
/// position instead of stopping at the first, so one run shows everything to fix. Its typed readers
/// also read the rule files of `rules-path:` (`RuleFileReader`), so both kinds of file report mistakes
/// in the same words.
struct ConfigurationNodeReader {
    /// Every top-level key, in one place: the reader, `ConfigurationDamage` and the test that holds
    /// `schemas/postlint-config.schema.json` to the loader use this list.
    static let topLevelKeys = ["school", "roster", "roster-key-file", "roster-consent", "pupils", "sources", "positions", "staff",
                               "rules", "overrides", "ignore", "policy", "rules-path"]
    static let policyKeys = ["section", "heading", "text"]
    static let schoolKeys = ["name", "aliases", "groups", "domains", "phones", "addresses", "logo", "logo-formats"]
    static let sourcesKeys = ["domains", "names"]
    static let pupilsKeys = ["replacement"]
    static let overrideKeys = ["files", "rules"]
    static let rosterConsentKeys = ["columns", "yes", "no"]

    let path: String
    let baseDirectory: String
    /// The linter's rule ids, then those `rules-path:` adds (read first, wherever the key is).
    var knownRuleIDs: Set<String>
    /// What a message calls the whole document ("the configuration", "the rule file").
    var documentName = "the configuration"
    /// Whether a key written with no value (`id: ~`, `message:`) or with only blanks is a mistake
    /// rather than an empty value. True for rule files: a rule read without a value it was given would
    /// not run as written, or not at all, with nothing said (fail closed). False for `.postlint.yml`,
    /// where `school:` with nothing after it is an empty mapping.
    var valuesAreRequired = false
    private(set) var errors: [ConfigurationError] = []
    /// The errors by the top-level key whose value they cost (see `ConfigurationDamage.damagedKeys`).
    private(set) var damagedKeys: [String: [ConfigurationError]] = [:]
    /// The top-level key being read, which an error is charged to.
    private var currentKey: String?
    /// Rule files of `rules-path:` that did not load (see `ConfigurationDamage.unloadedRules`).
    var unloadedRules: [UnloadedRule] = []

    init(path: String, baseDirectory: String, knownRuleIDs: Set<String>) {
        self.path = path
        self.baseDirectory = baseDirectory
        self.knownRuleIDs = knownRuleIDs
    }

    /// Reads every key it can; false when the document is not a mapping, so nothing in it is usable.
    mutating func read(_ root: Node, into configuration: inout Configuration) -> Bool {
        guard let entries = mapping(root, at: nil, allowed: Self.topLevelKeys) else { return false }
        // `rules:`, `overrides:` and `policy:` may name the rules that `rules-path:` loads.
        for (key, _, value) in entries where key == "rules-path" {
            currentKey = key
            readRulesPath(value, into: &configuration)
            currentKey = nil
        }
        for (key, _, value) in entries {
            currentKey = key
            defer { currentKey = nil }
            switch key {
            case "school": readSchool(value, into: &configuration.school)
            case "roster": configuration.roster = strings(value, at: "roster").compactMap { rosterFile($0) }
            case "roster-key-file": configuration.rosterKeyFile = string(value, at: key).map(keyFilePath)
            case "roster-consent": readRosterConsent(value, into: &configuration.rosterConsent)
            case "pupils": readPupils(value, into: &configuration.pupils)
            case "sources": readSources(value, into: &configuration.sources)
            case "positions": configuration.positions = strings(value, at: "positions").map(\.value)
            case "staff": configuration.staff = strings(value, at: "staff").map(\.value)
            case "rules": configuration.rules = ruleLevels(value, at: "rules")
            case "overrides": configuration.overrides = overrides(value)
            case "ignore": configuration.ignore = strings(value, at: "ignore").map(\.value)
            case "policy": configuration.policy = policyClauses(value)
            default: break  // rules-path: read above
            }
        }
        return true
    }

    private mutating func readSchool(_ node: Node, into school: inout Configuration.School) {
        guard let entries = mapping(node, at: "school", allowed: Self.schoolKeys) else { return }
        for (key, _, value) in entries {
            let keyPath = "school.\(key)"
            switch key {
            case "name": school.name = string(value, at: keyPath)
            case "aliases": school.aliases = strings(value, at: keyPath).map(\.value)
            case "groups": school.groups = strings(value, at: keyPath).map(\.value)
            case "domains": school.domains = strings(value, at: keyPath).map { $0.value.lowercased() }
            case "phones": school.phones = strings(value, at: keyPath).map(\.value)
            case "addresses": school.addresses = strings(value, at: keyPath).map(\.value)
            case "logo": school.logo = strings(value, at: keyPath).map(\.value)
            case "logo-formats":
                school.logoFormats = strings(value, at: keyPath).compactMap { entry in
                    guard let format = DocumentFormat(rawValue: entry.value.lowercased()) else {
                        fail(entry.node, "unknown format `\(entry.value)` in `\(keyPath)`: use html, markdown, text, docx")
                        return nil
                    }
                    return format
                }
            default: break
            }
        }
    }

    private mutating func readPupils(_ node: Node, into pupils: inout Configuration.Pupils) {
        guard let entries = mapping(node, at: "pupils", allowed: Self.pupilsKeys) else { return }
        for (key, _, value) in entries where key == "replacement" {
            guard let text = string(value, at: "pupils.replacement") else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                fail(value, "`pupils.replacement` must be `forename` or the text to write instead of a name, such as \"a pupil\"")
            } else {
                pupils.replacement = trimmed == "forename" ? .forename : .text(trimmed)
            }
        }
    }

    /// `roster-consent:`: each list given replaces its default; an empty list is refused (no column
    /// or no yes value would silently read every pupil as unknown or refused).
    private mutating func readRosterConsent(_ node: Node, into consent: inout ConsentSettings) {
        guard let entries = mapping(node, at: "roster-consent", allowed: Self.rosterConsentKeys) else { return }
        for (key, _, value) in entries {
            let values = strings(value, at: "roster-consent.\(key)").map(\.value)
            if values.isEmpty, key != "no" {
                fail(value, "`roster-consent.\(key)` needs at least one value, or leave it out for the defaults")
                continue
            }
            switch key {
            case "columns": consent.columns = values
            case "yes": consent.yes = values
            case "no": consent.no = values
            default: break
            }
        }
    }

    /// A key file's path: `~/` is the home folder, anything else relative to the configuration's folder.
    private func keyFilePath(_ value: String) -> String {
        if value.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return LexicalPath.absolute(String(value.dropFirst(2)), base: home)
        }
        return LexicalPath.absolute(value, base: baseDirectory)
    }

    private mutating func readSources(_ node: Node, into sources: inout Configuration.ApprovedSources) {
        guard let entries = mapping(node, at: "sources", allowed: Self.sourcesKeys) else { return }
        for (key, _, value) in entries {
            switch key {
            case "domains": sources.domains = strings(value, at: "sources.domains").map { $0.value.lowercased() }
            case "names": sources.names = strings(value, at: "sources.names").map(\.value)
            default: break
            }
        }
    }

    private mutating func overrides(_ node: Node) -> [Configuration.Override] {
        if isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            fail(node, "`overrides` must be a list of mappings with `files` and `rules`, found \(kind(of: node))")
            return []
        }
        var result: [Configuration.Override] = []
        for (index, item) in sequence.enumerated() {
            let keyPath = "overrides[\(index)]"
            guard case .mapping = item else {
                fail(item, "`\(keyPath)` must be a mapping with `files` and `rules`, found \(kind(of: item))")
                continue
            }
            guard let entries = mapping(item, at: keyPath, allowed: Self.overrideKeys) else { continue }
            var files: [String]?
            var rules: [String: Level] = [:]
            for (key, _, value) in entries {
                switch key {
                case "files": files = strings(value, at: "\(keyPath).files").map(\.value)
                case "rules": rules = ruleLevels(value, at: "\(keyPath).rules")
                default: break
                }
            }
            guard let files, !files.isEmpty else {
                fail(item, "`\(keyPath)` needs `files`: the globs of the files it applies to")
                continue
            }
            result.append(Configuration.Override(files: files, rules: rules))
        }
        return result
    }

    // MARK: Typed readers

    /// The string-keyed entries of a mapping in file order, with unknown keys reported; nil when the
    /// node is not a mapping. An empty value (`school:` with nothing after it) is an empty mapping, unless
    /// `valuesAreRequired`.
    mutating func mapping(_ node: Node, at keyPath: String?, allowed: [String]?) -> [(key: String, keyNode: Node, value: Node)]? {
        if isNull(node) && !valuesAreRequired { return [] }
        guard case .mapping(let mapping) = node else {
            let name = keyPath.map { "`\($0)`" } ?? documentName
            fail(node, "\(name) must be a mapping of keys, found \(kind(of: node))")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !isNull(keyNode) else {
                fail(keyNode, "keys must be plain names, found \(kind(of: keyNode))")
                continue
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                let place = keyPath.map { "in `\($0)`" } ?? "at the top level"
                let suggested = SpellingSuggestion.closest(to: key, in: allowed)
                let suggestion = suggested.map { "; did you mean `\($0)`?" } ?? ""
                // At the top level a misspelt key is probably the key it resembles, lost: charge it there.
                fail(keyNode, "unknown key `\(key)` \(place)\(suggestion) Known keys: \(allowed.joined(separator: ", ")).",
                     charging: keyPath == nil ? suggested : nil)
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    /// A list of strings, each with its node for positions. A single string stands for a list of one,
    /// which is what people write for one domain or one roster file.
    mutating func strings(_ node: Node, at keyPath: String) -> [(value: String, node: Node)] {
        if isNull(node) && !valuesAreRequired { return [] }
        switch node {
        case .scalar(let scalar) where !isNull(node):
            return isUsable(scalar, node, at: keyPath) ? [(scalar.string, node)] : []
        case .sequence(let sequence):
            var result: [(value: String, node: Node)] = []
            for (index, item) in sequence.enumerated() {
                if case .scalar(let scalar) = item, !isNull(item) {
                    if isUsable(scalar, item, at: "\(keyPath)[\(index)]") { result.append((scalar.string, item)) }
                } else {
                    fail(item, "`\(keyPath)[\(index)]` must be a string, found \(kind(of: item))")
                }
            }
            return result
        default:
            fail(node, "`\(keyPath)` must be a list of strings, found \(kind(of: node))")
            return []
        }
    }

    mutating func string(_ node: Node, at keyPath: String) -> String? {
        if isNull(node) && !valuesAreRequired { return nil }
        guard case .scalar(let scalar) = node, !isNull(node) else {
            fail(node, "`\(keyPath)` must be a string, found \(kind(of: node))")
            return nil
        }
        return isUsable(scalar, node, at: keyPath) ? scalar.string : nil
    }

    /// False, with the mistake recorded, for a blank string where values are required: an empty
    /// message, policy text or pattern is given but says nothing.
    private mutating func isUsable(_ scalar: Node.Scalar, _ node: Node, at keyPath: String) -> Bool {
        guard valuesAreRequired, scalar.string.allSatisfy(\.isWhitespace) else { return true }
        fail(node, "`\(keyPath)` is empty")
        return false
    }

    /// A mapping of rule id to level, with unknown ids and levels reported.
    /// `policy:` — for each rule id, the school's clause: `section`, `heading` and `text`, all three
    /// (a citation missing one would read oddly), as in a rule file's `policy`.
    private mutating func policyClauses(_ node: Node) -> [String: PolicyClause] {
        guard let entries = mapping(node, at: "policy", allowed: nil) else { return [:] }
        var clauses: [String: PolicyClause] = [:]
        for (ruleID, keyNode, value) in entries {
            let keyPath = "policy.\(ruleID)"
            if !knownRuleIDs.contains(ruleID) {
                let suggestion = SpellingSuggestion.closest(to: ruleID, in: knownRuleIDs.sorted()).map { "; did you mean `\($0)`?" } ?? ""
                fail(keyNode, "unknown rule `\(ruleID)` in `policy`\(suggestion)")
                continue
            }
            clauses[ruleID] = policyClause(value, at: keyPath)
        }
        return clauses
    }

    /// One clause: `section`, `heading` and `text`, all three. A field that was given but refused has
    /// its own error at its value; `needs` names the others.
    mutating func policyClause(_ node: Node, at keyPath: String) -> PolicyClause? {
        guard let fields = mapping(node, at: keyPath, allowed: Self.policyKeys) else { return nil }
        var found: [String: String] = [:]
        var refused: Set<String> = []
        for (key, _, field) in fields {
            let errorCount = errors.count
            found[key] = string(field, at: "\(keyPath).\(key)")
            if errors.count > errorCount { refused.insert(key) }
        }
        guard let section = found["section"], let heading = found["heading"], let text = found["text"] else {
            let missing = Self.policyKeys.filter { found[$0] == nil && !refused.contains($0) }
            if !missing.isEmpty { fail(node, "`\(keyPath)` needs \(missing.map { "`\($0)`" }.joined(separator: " and "))") }
            return nil
        }
        return PolicyClause(section: section, heading: heading, text: text)
    }

    private mutating func ruleLevels(_ node: Node, at keyPath: String) -> [String: Level] {
        guard let entries = mapping(node, at: keyPath, allowed: nil) else { return [:] }
        var levels: [String: Level] = [:]
        for (ruleID, keyNode, value) in entries {
            if !knownRuleIDs.contains(ruleID) {
                let suggestion = SpellingSuggestion.closest(to: ruleID, in: knownRuleIDs.sorted()).map { "; did you mean `\($0)`?" } ?? ""
                fail(keyNode, "unknown rule `\(ruleID)` in `\(keyPath)`\(suggestion)")
            }
            if let level = level(value, at: "\(keyPath).\(ruleID)"), knownRuleIDs.contains(ruleID) {
                levels[ruleID] = level
            }
        }
        return levels
    }

    mutating func level(_ node: Node, at keyPath: String) -> Level? {
        let names = Level.allCases.reversed().map(\.rawValue)
        guard case .scalar(let scalar) = node, !isNull(node) else {
            fail(node, "`\(keyPath)` must be one of \(names.joined(separator: ", ")), found \(kind(of: node))")
            return nil
        }
        if let level = Level(rawValue: scalar.string) { return level }
        let suggestion = SpellingSuggestion.closest(to: scalar.string, in: names).map { "; did you mean `\($0)`?" } ?? ""
        fail(node, "unknown level `\(scalar.string)` for `\(keyPath)`: use \(names.joined(separator: ", "))\(suggestion)")
        return nil
    }

    /// A roster entry as an absolute path, if the file is there and readable; the error points at the
    /// entry, since that is the line to correct.
    private mutating func rosterFile(_ entry: (value: String, node: Node)) -> String? {
        let absolute = LexicalPath.absolute(entry.value, base: baseDirectory)
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            fail(entry.node, "roster file `\(entry.value)` does not exist (looked for \(absolute))")
            return nil
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            fail(entry.node, "roster file `\(entry.value)` is a folder; name the CSV file inside it")
            return nil
        }
        let descriptor = open(absolute, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            fail(entry.node, "roster file `\(entry.value)` cannot be read: \(String(cString: strerror(errno)))")
            return nil
        }
        close(descriptor)
        return absolute
    }

    /// One of a closed set of names (a rule file's `kind`, `scope`…), with a suggestion for a misspelling.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node, at keyPath: String) -> Choice?
    where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        if isNull(node) && valuesAreRequired {
            fail(node, "`\(keyPath)` must be one of \(names.joined(separator: ", ")), found nothing")
            return nil
        }
        guard let value = string(node, at: keyPath) else { return nil }
        if let choice = Choice(rawValue: value) { return choice }
        let suggestion = SpellingSuggestion.closest(to: value, in: names).map { "; did you mean `\($0)`?" } ?? ""
        fail(node, "unknown value `\(value)` for `\(keyPath)`: use \(names.joined(separator: ", "))\(suggestion)")
        return nil
    }

    mutating func bool(_ node: Node, at keyPath: String) -> Bool? {
        if isNull(node) && !valuesAreRequired { return nil }
        guard case .scalar = node, let value = node.bool else {
            fail(node, "`\(keyPath)` must be true or false, found \(kind(of: node))")
            return nil
        }
        return value
    }

    /// Records an error found elsewhere (in a rule file that `rules-path:` names), charged to the key being read.
    mutating func record(_ error: ConfigurationError) {
        errors.append(error)
        if let currentKey { damagedKeys[currentKey, default: []].append(error) }
    }

    // MARK: Helpers

    func isNull(_ node: Node) -> Bool {
        guard case .scalar = node else { return false }
        return node.null != nil
    }

    /// What a node is, in plain words for "found ..." messages.
    func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.null != nil { return "nothing" }
            if node.bool != nil { return "`\(scalar.string)` (true or false)" }
            // Not Yams' `int`: it traps on an overflowing base-60 number ("77777777777777704:4:5"), which
            // the configuration fuzzer found. Plain decimal numbers are the ones worth naming as such.
            if Double(scalar.string) != nil { return "the number \(scalar.string)" }
            return "the string \"\(scalar.string)\""
        }
    }

    /// Records an error, charged to `key` or else to the top-level key being read.
    mutating func fail(_ node: Node, _ message: String, charging key: String? = nil) {
        let error = ConfigurationError(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
                                       message: message)
        errors.append(error)
        if let key = key ?? currentKey { damagedKeys[key, default: []].append(error) }
    }
}
