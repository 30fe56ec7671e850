import PostLint
import PostLintReporters
import Testing

/// `postlint-disable` comments: suppressed findings stay in the report, marked, in every format that
/// has comments, and next to markup.
@Suite struct SuppressionTests {
    private let linter = Linter(checks: CheckRegistry.builtIn.filter { $0.descriptor.id == "personal-opinion" })

    private func suppressed(_ text: String, format: DocumentFormat) -> [(String, Bool)] {
        linter.lint(text: text, path: "post", format: format).diagnostics.map { ($0.snippet, $0.isSuppressed) }
    }

    @Test func disableNextLineAboveAnElementInHTML() {
        let html = "<p>I think one.</p>\n<!-- postlint-disable-next-line personal-opinion -->\n<p>I think two.</p>\n<p>I think three.</p>\n"
        #expect(suppressed(html, format: .html).map(\.1) == [false, true, false])
    }

    @Test func disableNextLineRightBeforeMarkupOnTheSameLine() {
        let html = "<!-- postlint-disable-next-line personal-opinion --><p>I think so.</p>\n<p>I think not.</p>\n"
        #expect(suppressed(html, format: .html).map(\.1) == [true, false])
    }

    @Test func disableAndEnableRangesInMarkdown() {
        let markdown = "I think a.\n\n<!-- postlint-disable personal-opinion -->\n\nI think b.\n\nIMO c.\n\n<!-- postlint-enable personal-opinion -->\n\nI think d.\n"
        #expect(suppressed(markdown, format: .markdown).map(\.1) == [false, true, true, false])
    }

    @Test func disableWithoutRulesCoversEveryRuleToTheEnd() {
        let markdown = "I think a.\n\n<!-- postlint-disable -->\n\nI think b.\n"
        #expect(suppressed(markdown, format: .markdown).map(\.1) == [false, true])
    }

    @Test func commentOnItsOwnLineInPlainText() {
        let text = "I think a.\n<!-- postlint-disable-next-line personal-opinion -- approved quotation -->\nI think b.\n"
        #expect(suppressed(text, format: .text).map(\.1) == [false, true])
    }

    @Test func disableLineCoversTheCommentsLine() {
        let html = "<p>I think a. <!-- postlint-disable-line personal-opinion --></p>\n<p>I think b.</p>"
        #expect(suppressed(html, format: .html).map(\.1) == [true, false])
    }

    @Test func otherRulesAreNotSuppressed() {
        let html = "<!-- postlint-disable-next-line pupil-name -->\n<p>I think so.</p>\n"
        #expect(suppressed(html, format: .html).map(\.1) == [false])
    }

    @Test func unknownRuleNameIsAWarningAtTheComment() {
        let report = linter.lint(text: "<p>x</p>\n<!-- postlint-disable-next-line personal-opinon -->\n<p>I think so.</p>\n", path: "post.html", format: .html)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.severity == .warning)
        #expect(report.problems.first?.position?.line == 2)
        #expect(report.problems.first?.message.contains("personal-opinon") == true)
    }

    @Test func suppressedFindingsAreMarkedInSARIF() throws {
        let report = linter.lint(text: "<!-- postlint-disable-next-line -->\n<p>I think so.</p>\n", path: "post.html", format: .html)
        let run = RunReport(rules: linter.descriptors, files: [report], workingDirectory: "/")
        let sarif = SARIFReporter().render(run)
        #expect(sarif.contains("\"inSource\""))
    }
}

@Suite struct RulePackTests {
    @Test func aPhraseListRuleFromYAML() throws {
        let yaml = """
        id: staff-nicknames
        kind: phrases
        title: Nickname
        level: note
        policy: {section: "8", heading: Content of Webspace, text: "Respect your audience."}
        message: "“{match}” is a nickname"
        scope: [paragraph]
        skip: [quotation]
        phrases: ["Mr P", "the boss"]
        examples:
          triggering: ["Ask «the boss»."]
          nonTriggering: ["Ask the head."]
        """
        let pack = try RulePack(files: [(name: "staff-nicknames.yml", text: yaml)])
        let rule = try #require(pack.rules.first)
        #expect(rule.descriptor.defaultLevel == .note)
        let report = Linter(checks: [rule]).lint(text: "Ask the Boss or “the boss” or MR P.", path: "post.txt", format: .text)
        #expect(report.diagnostics.map(\.snippet) == ["the Boss", "MR P"])
        #expect(report.diagnostics.first?.message == "“the Boss” is a nickname")
    }

    @Test func aBrokenRuleFileNamesTheFile() {
        #expect(throws: RulePack.LoadError.self) {
            try RulePack(files: [(name: "broken.yml", text: "id: x\nkind: pattern\npatterns: [\"(a|b\"]\n")])
        }
    }

    @Test func theEmbeddedPackCarriesTheDataLists() {
        #expect(RulePack.embedded.list(.jobTitles).count > 10)
        #expect(RulePack.embedded.rules.map(\.descriptor.id).contains("personal-opinion"))
    }
}
