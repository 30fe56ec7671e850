import Testing

/// Rule files of `rules-path:` with a value that is there but cannot be used (YAML null, an empty string,
/// the wrong type, a key the kind does not read), each with the one error it must give. Shared by the
/// library's and the binary's tests, so both hold every case to the same position and words: none of
/// them may be dropped in silence and let a draft look clean.
package enum BrokenRuleFile: String, CaseIterable, CustomTestStringConvertible {
    case nullID, emptyID, listID
    case nullKind, emptyKind
    case nullMessage, bareMessage, blankMessage, mappingMessage
    case nullPolicy, nullPolicySection, emptyPolicyText
    case nullPatterns, nullPatternItem, emptyPattern, listPatternItem
    case nullTitle, nullTagItem
    case nullScope, nullScopeItem, emptyScope
    case nullSkip, nullJoinsNearbyMatches, nullExamples, nullExampleText, nullExampleFormat
    case entriesInARule, nullEntries, nullEntryItem, messageInAList

    /// The rule `school-jargon`, valid: each case changes one thing in it. Its pattern matches
    /// `draft`, so a rule that loaded would be seen to fire.
    package static let valid = """
        id: school-jargon
        kind: pattern
        policy: {section: "8", heading: Content of Webspace, text: Posts are written for parents.}
        message: "“{match}” is jargon"
        patterns: ["(INSET|inset) day"]

        """
    /// Valid word-list additions, which the list cases change.
    package static let validList = "id: job-titles\nkind: list\nentries: [\"Compost Wrangler\"]\n"
    /// A draft with a built-in finding (a phone number), which must still be reported, and the jargon.
    package static let draft = "Ring 07700 900123 about the INSET day.\n"

    package var text: String {
        let rule = Self.valid, list = Self.validList
        switch self {
        case .nullID: return rule.replacingOccurrences(of: "id: school-jargon", with: "id: ~")
        case .emptyID: return rule.replacingOccurrences(of: "id: school-jargon", with: "id: \"\"")
        case .listID: return rule.replacingOccurrences(of: "id: school-jargon", with: "id: [school-jargon]")
        case .nullKind: return rule.replacingOccurrences(of: "kind: pattern", with: "kind: ~")
        case .emptyKind: return rule.replacingOccurrences(of: "kind: pattern", with: "kind: ''")
        case .nullMessage: return rule.replacingOccurrences(of: "message: \"“{match}” is jargon\"", with: "message: null")
        case .bareMessage: return rule.replacingOccurrences(of: "message: \"“{match}” is jargon\"", with: "message:")
        case .blankMessage: return rule.replacingOccurrences(of: "message: \"“{match}” is jargon\"", with: "message: \"  \"")
        case .mappingMessage: return rule.replacingOccurrences(of: "message: \"“{match}” is jargon\"", with: "message: {text: jargon}")
        case .nullPolicy: return rule.replacingOccurrences(of: #"policy: {section: "8", heading: Content of Webspace, text: Posts are written for parents.}"#,
                                                           with: "policy: ~")
        case .nullPolicySection: return rule.replacingOccurrences(of: #"section: "8""#, with: "section: ~")
        case .emptyPolicyText: return rule.replacingOccurrences(of: "text: Posts are written for parents.", with: "text: \"\"")
        case .nullPatterns: return rule.replacingOccurrences(of: #"patterns: ["(INSET|inset) day"]"#, with: "patterns: ~")
        case .nullPatternItem: return rule.replacingOccurrences(of: #"day"]"#, with: #"day", ~]"#)
        case .emptyPattern: return rule.replacingOccurrences(of: #"patterns: ["(INSET|inset) day"]"#, with: #"patterns: [""]"#)
        case .listPatternItem: return rule.replacingOccurrences(of: #"day"]"#, with: #"day", [SLT]]"#)
        case .nullTitle: return rule + "title: ~\n"
        case .nullTagItem: return rule + "tags: [tone, ~]\n"
        case .nullScope: return rule + "scope: ~\n"
        case .nullScopeItem: return rule + "scope: [paragraph, ~]\n"
        case .emptyScope: return rule + "scope: []\n"
        case .nullSkip: return rule + "skip: ~\n"
        case .nullJoinsNearbyMatches: return rule + "joinsNearbyMatches: ~\n"
        case .nullExamples: return rule + "examples: ~\n"
        case .nullExampleText: return rule + "examples: {triggering: [{text: ~}]}\n"
        case .nullExampleFormat: return rule + "examples: {triggering: [{text: «INSET day», format: ~}]}\n"
        case .entriesInARule: return rule + "entries: [SLT]\n"
        case .nullEntries: return list.replacingOccurrences(of: #"entries: ["Compost Wrangler"]"#, with: "entries: ~")
        case .nullEntryItem: return list.replacingOccurrences(of: #"Wrangler"]"#, with: #"Wrangler", ~]"#)
        case .messageInAList: return list + "message: a job title\n"
        }
    }

    /// Where the error is: the offending value (or key), 1-based.
    package var line: Int {
        switch self {
        case .nullID, .emptyID, .listID: 1
        case .nullKind, .emptyKind: 2
        case .nullPolicy, .nullPolicySection, .emptyPolicyText, .nullEntries, .nullEntryItem: 3
        case .nullMessage, .bareMessage, .blankMessage, .mappingMessage, .messageInAList: 4
        case .nullPatterns, .nullPatternItem, .emptyPattern, .listPatternItem: 5
        default: 6
        }
    }

    package var column: Int {
        switch self {
        case .nullID, .emptyID, .listID: 5
        case .nullKind, .emptyKind: 7
        case .nullPolicy: 9
        case .nullPolicySection: 19
        case .emptyPolicyText: 60
        case .nullMessage, .blankMessage, .mappingMessage: 10
        case .bareMessage: 9
        case .nullPatterns: 11
        case .nullEntries: 10
        case .emptyPattern: 12
        case .nullPatternItem, .listPatternItem: 33
        case .nullEntryItem: 31
        case .nullTitle: 8
        case .nullTagItem: 14
        case .nullScope: 8
        case .nullSkip: 7
        case .nullScopeItem: 20
        case .emptyScope: 8
        case .nullJoinsNearbyMatches: 21
        case .nullExamples: 11
        case .nullExampleText: 32
        case .nullExampleFormat: 53
        case .entriesInARule, .messageInAList: 1
        }
    }

    package var message: String {
        let scope = "title, heading, paragraph, listItem, quote, caption, tableCell, imageAlt, imageFileName, linkTarget, "
            + "titleAttribute, meta, frontMatter, code, other"
        switch self {
        case .nullID: return "`id` must be a string, found nothing"
        case .emptyID: return "`id` is empty"
        case .listID: return "`id` must be a string, found a list"
        case .nullKind: return "`kind` must be one of phrases, pattern, list, found nothing"
        case .emptyKind: return "`kind` is empty"
        case .nullMessage, .bareMessage: return "`message` must be a string, found nothing"
        case .blankMessage: return "`message` is empty"
        case .mappingMessage: return "`message` must be a string, found a mapping"
        case .nullPolicy: return "`policy` must be a mapping of keys, found nothing"
        case .nullPolicySection: return "`policy.section` must be a string, found nothing"
        case .emptyPolicyText: return "`policy.text` is empty"
        case .nullPatterns: return "`patterns` must be a list of strings, found nothing"
        case .nullPatternItem: return "`patterns[1]` must be a string, found nothing"
        case .emptyPattern: return "`patterns[0]` is empty"
        case .listPatternItem: return "`patterns[1]` must be a string, found a list"
        case .nullTitle: return "`title` must be a string, found nothing"
        case .nullTagItem: return "`tags[1]` must be a string, found nothing"
        case .nullScope: return "`scope` must be one of \(scope), found nothing"
        case .nullScopeItem: return "`scope[1]` must be one of \(scope), found nothing"
        case .emptyScope: return "`scope` needs at least one kind of prose; leave it out for all prose"
        case .nullSkip: return "`skip` must be one of quotation, code, link, citation, found nothing"
        case .nullJoinsNearbyMatches: return "`joinsNearbyMatches` must be true or false, found nothing"
        case .nullExamples: return "`examples` must be a mapping of keys, found nothing"
        case .nullExampleText: return "`examples.triggering[0].text` must be a string, found nothing"
        case .nullExampleFormat: return "`examples.triggering[0].format` must be one of html, markdown, text, docx, found nothing"
        case .entriesInARule: return "`entries` is read only by a word list (`kind: list`); a rule (`kind: pattern`) lists `phrases` or `patterns`"
        case .nullEntries: return "`entries` must be a list of strings, found nothing"
        case .nullEntryItem: return "`entries[1]` must be a string, found nothing"
        case .messageInAList: return "`message` is not read by a word list (`kind: list`), which has only `id`, `kind` and `entries`"
        }
    }

    /// The rule id a draft names as NOT checked; nil when the file gives none (a word list, or no usable
    /// id), and the draft names the file instead.
    package var ruleID: String? {
        switch self {
        case .nullID, .emptyID, .listID, .nullEntries, .nullEntryItem, .messageInAList: nil
        default: "school-jargon"
        }
    }

    /// The start of the draft's NOT-checked error for a rule file shown as `file`.
    package func notChecked(file: String) -> String {
        (ruleID.map { "\($0) (\(file))" } ?? "the rule in \(file)") + " was NOT checked: its rule file could not be loaded (see \(file):\(line):\(column))"
    }

    package var testDescription: String { rawValue }
}
