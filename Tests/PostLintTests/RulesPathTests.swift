import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

/// `rules-path:` through the public API: rule files of a school's own, loaded at run time, fire like the
/// built-in data rules; a broken one is reported where it is and never makes a draft look clean.
struct RulesPathTests {
    static let policy = """
        policy: {section: "8", heading: Content of Webspace, text: Posts are written for parents.}
        """
    static let jargon = """
        id: school-jargon
        kind: pattern
        \(policy)
        message: "“{match}” is jargon"
        patterns: ["(INSET|inset) day", "{number} week cycle"]
        """
    static let phrases = """
        id: no-slt
        kind: phrases
        level: error
        \(policy)
        message: "“{match}” is an abbreviation"
        phrases: [SLT]
        """

    /// A folder with `.postlint.yml` (with `rules-path: rules`) and the given rule files under `rules/`.
    /// These drafts have no byline, which is not what these tests are about.
    private func folder(_ files: [String: String],
                        configuration: String = "rules-path: rules\nrules: {missing-author-position: off}\n") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", configuration)
        for (name, text) in files { try folder.write("rules/\(name)", text) }
        return folder
    }

    private func lint(_ text: String, in folder: TemporaryFolder, format: DocumentFormat = .text) -> (Configuration, FileReport) {
        let linter = Linter()
        let configuration = linter.configurationLoader.loadPartially(path: folder.absolute(".postlint.yml"))
        return (configuration, linter.lint(text: text, path: folder.absolute("post.txt"), format: format, configuration: configuration))
    }

    @Test func aPhraseRuleAndAPatternRuleFireAtTheirExactPositions() throws {
        let folder = try folder(["jargon.yml": Self.jargon, "slt.yaml": Self.phrases])
        let (configuration, report) = lint("Dear parents,\nMonday is an INSET day for the SLT and a 2 week cycle.\n", in: folder)
        #expect(configuration.damage == nil)
        let found = report.diagnostics.map { "\($0.ruleID) \($0.region.start.line):\($0.region.start.column)-\($0.region.end.column) \($0.level)" }
        #expect(found == ["school-jargon 2:14-23 warning", "no-slt 2:32-35 error", "school-jargon 2:42-54 warning"])
        #expect(report.diagnostics.first?.message == "“INSET day” is jargon")
        #expect(report.problems.isEmpty)
    }

    @Test func aCustomRuleIsLevelledTurnedOffAndSuppressedLikeABuiltInOne() throws {
        let folder = try folder(["jargon.yml": Self.jargon, "slt.yml": Self.phrases],
                                configuration: "rules: {school-jargon: error, no-slt: off, missing-author-position: off}\nrules-path: [rules]\n")
        let (configuration, report) = lint("An INSET day.\n<!-- postlint-disable-next-line school-jargon -->\nAn INSET day for the SLT.\n",
                                           in: folder, format: .markdown)
        #expect(configuration.damage == nil)
        #expect(report.diagnostics.map(\.ruleID) == ["school-jargon", "school-jargon"])
        #expect(report.diagnostics.map(\.level) == [.error, .error])
        #expect(report.diagnostics.map(\.isSuppressed) == [false, true])
    }

    @Test func aBrokenRuleFileIsAnErrorAtItsLineAndItsRuleIsReportedAsNotChecked() throws {
        let broken = Self.jargon.replacingOccurrences(of: "message:", with: "mesage:")
        let folder = try folder(["jargon.yml": broken])
        let (configuration, report) = lint("Ring 07700 900123 about the INSET day.\n", in: folder)
        let errors = try #require(configuration.damage?.errors)
        #expect(errors.map(\.description).contains {
            $0.hasSuffix("rules/jargon.yml:4:1: unknown key `mesage` at the top level; did you mean `message`? Known keys: "
                + RuleFile.CodingKeys.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }, "\(errors)")
        #expect(report.diagnostics.map(\.ruleID) == ["contact-phone"], "the built-in rules still run")
        let unchecked = try #require(report.problems.first { $0.ruleID == "school-jargon" })
        #expect(unchecked.severity == .error)
        #expect(unchecked.message.hasPrefix("school-jargon ("))
        #expect(unchecked.message.contains("was NOT checked: its rule file could not be loaded (see "))
        // The first mistake in the file is cited: the missing `message`, which the misspelling lost.
        #expect(unchecked.message.hasSuffix("rules/jargon.yml:1:1 and 1 more)"), "\(unchecked.message)")
    }

    @Test func aRuleFileCannotTakeABuiltInRulesID() throws {
        let colliding = Self.jargon.replacingOccurrences(of: "id: school-jargon", with: "id: personal-opinion")
        let folder = try folder(["opinion.yml": colliding])
        let (configuration, report) = lint("I think the INSET day went well.\n", in: folder)
        let error = try #require(configuration.damage?.errors.first)
        #expect(error.line == 1 && error.column == 5)
        #expect(error.message.hasPrefix("rule id `personal-opinion` is a built-in rule's; a rule file cannot replace a built-in rule"))
        #expect(report.diagnostics.map(\.ruleID) == ["personal-opinion"], "the built-in rule runs as it is")
        #expect(report.problems.contains { $0.message.contains("the rule in ") && $0.message.contains("opinion.yml was NOT checked") })
    }

    @Test func twoRuleFilesCannotShareAnID() throws {
        let folder = try folder(["a.yml": Self.jargon, "b.yml": Self.jargon])
        let (configuration, _) = lint("", in: folder)
        #expect(configuration.runtimeRules.rules.map(\.file.id) == ["school-jargon"])
        #expect(configuration.damage?.errors.map(\.message).first?.hasPrefix("rule id `school-jargon` is already defined in ") == true)
    }

    @Test(arguments: [
        ("patterns: [\"(INSET|inset) day\", \"SLT+\"]", 5, 33, "`+` in \"SLT+\" is not pattern syntax"),
        ("patterns: [\"(INSET day\"]", 5, 12, "invalid pattern \"(INSET day\": a group is not closed"),
        ("patterns: [\"x\"]\nscope: [paragraf]", 6, 9, "unknown value `paragraf` for `scope[0]`: use title, heading"),
        ("patterns: [\"x\"]\nlevel: warn", 6, 8, "unknown level `warn` for `level`"),
    ])
    func aMistakeInARuleIsReportedWhereItIs(_ mistake: (String, Int, Int, String)) throws {
        let text = Self.jargon.replacingOccurrences(of: "patterns: [\"(INSET|inset) day\", \"{number} week cycle\"]", with: mistake.0)
        let folder = try folder(["jargon.yml": text])
        let (configuration, _) = lint("", in: folder)
        let error = try #require(configuration.damage?.errors.first)
        #expect((error.line, error.column) == (mistake.1, mistake.2), "\(error)")
        #expect(error.message.hasPrefix(mistake.3), "\(error)")
        #expect(configuration.runtimeRules.rules.isEmpty)
    }

    /// A value that is there but cannot be used (null, empty, the wrong type, a key the kind does not
    /// read) is an error at that value; the rule, or the file when it gives no id, is NOT checked on
    /// every draft while the built-in rules run.
    @Test(arguments: BrokenRuleFile.allCases)
    func anUnusableValueIsAnErrorAtItsPositionAndItsRuleIsNotChecked(_ broken: BrokenRuleFile) throws {
        let folder = try folder(["jargon.yml": broken.text])
        let (configuration, report) = lint(BrokenRuleFile.draft, in: folder)
        let damage = try #require(configuration.damage, "\(broken) was dropped in silence")
        let file = folder.absolute("rules/jargon.yml")
        #expect(damage.errors.map(\.description) == ["\(file):\(broken.line):\(broken.column): \(broken.message)"])
        #expect(damage.unloadedRules.map(\.ruleID) == [broken.ruleID])
        #expect(configuration.runtimeRules.rules.isEmpty && configuration.runtimeRules.wordListAdditions.isEmpty)
        #expect(report.diagnostics.map(\.ruleID) == ["contact-phone"], "the built-in rules still run")
        let unchecked = report.problems.filter { $0.message.contains("was NOT checked") }
        #expect(unchecked.map(\.message) == [broken.notChecked(file: file)])
        #expect(unchecked.map(\.severity) == [.error])
    }

    /// The run-time reader's strict reading refuses nothing in the shape it documents: every rule of the
    /// embedded pack (`Rules/`), and every list a rule file may add to, reads without an error. (The
    /// lists compiled into their checks have syntax of their own, such as site-hosts' `*.`.)
    @Test func everyEmbeddedRuleFileOfARuntimeKindReadsCleanly() throws {
        let folder = PostLintProcess.packageRoot + "/Rules"
        var read = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yml") {
            let outcome = RuleFileReader.read(text: try String(contentsOfFile: folder + "/" + name, encoding: .utf8), path: name)
            if outcome.kind == .list, !WordList.extensibleAtRunTime.contains(where: { $0.rawValue == outcome.id }) { continue }
            #expect(outcome.errors.isEmpty && outcome.file != nil, "\(name): \(outcome.errors)")
            read += 1
        }
        #expect(read >= 2, "a rule and job-titles at least")
    }

    @Test func aWordListExtendsJobTitlesAndAnyOtherListIsAnError() throws {
        let titles = "id: job-titles\nkind: list\nentries: [\"Compost (Wrangler|Lead)\"]\n"
        let folder = try folder(["titles.yml": titles, "typo.yml": "id: job-title\nkind: list\nentries: [x]\n",
                                 "streets.yml": "id: street-types\nkind: list\nentries: [Wynd]\n"],
                                configuration: "rules-path: rules\n")
        let draft = "We planted trees.\n\nPosted by Mr Oak, Compost Wrangler\n"
        #expect(Linter().lint(text: draft, path: "post.txt", format: .text).diagnostics.map(\.ruleID) == ["missing-author-position"],
                "not a position without the list")
        let (configuration, report) = lint(draft, in: folder)
        #expect(report.diagnostics.filter { $0.ruleID == "missing-author-position" }.isEmpty, "a position with it")
        let messages = configuration.damage?.errors.map(\.message) ?? []
        #expect(messages.contains { $0.hasPrefix("word list `street-types` is compiled into its check and cannot be extended") })
        #expect(messages.contains { $0.hasPrefix("unknown word list `job-title`; did you mean `job-titles`?") })
    }

    @Test func aMissingRulesPathIsAnErrorAtTheEntry() throws {
        let folder = try folder([:], configuration: "rules-path: [nowhere]\n")
        let (configuration, _) = lint("", in: folder)
        let error = try #require(configuration.damage?.errors.first)
        #expect((error.line, error.column) == (1, 14))
        #expect(error.message.hasPrefix("rules path `nowhere` does not exist"))
    }

    /// The documented example (docs/examples/postlint-rules) loads and fires, so the docs cannot rot.
    @Test func theDocumentedExampleRulesLoadAndFire() throws {
        let folder = try TemporaryFolder()
        let examples = PostLintProcess.packageRoot + "/docs/examples/postlint-rules"
        try folder.write(".postlint.yml", "rules-path: \(examples)\n")
        let (configuration, report) = lint("The INSET day.\n\nPosted by Mr Oak, Chief Gardener\n", in: folder)
        #expect(configuration.damage == nil)
        #expect(report.diagnostics.map(\.ruleID) == ["school-jargon"])
    }
}
