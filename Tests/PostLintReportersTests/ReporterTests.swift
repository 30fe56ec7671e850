@testable import PostLint
@testable import PostLintReporters
import Testing

/// Text and GitHub Actions output, the summary, and the caret underline under awkward characters.
struct ReporterTests {
    let report = ReporterFixture.report()

    var textLines: [String] {
        TextReporter().render(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func textShowsLocationLevelMessageAndRule() {
        let lines = textLines
        #expect(lines.contains("posts/Sports day \u{2713}.md:2:11: warning: Pupil's full name in a post [full-name]"))
        #expect(lines.contains("posts/Sports day \u{2713}.md:3:7: error: Phone number in a post [phone-number]"))
        #expect(lines.contains("posts/Sports day \u{2713}.md:2:28: note: Praise effort, not winning [superlative]"))
    }

    @Test func textUnderlinesTheSpanBelowTheSourceLine() throws {
        let lines = textLines
        let header = try #require(lines.firstIndex { $0.hasSuffix("[full-name]") })
        #expect(lines[header + 1] == " 2 | Well done Jane Smith \u{1F44F} for winning!")
        #expect(lines[header + 2] == "   |           ^~~~~~~~~~")
        #expect(lines[header + 3] == "  help: Use a first name or initials.")
        #expect(lines[header + 4].hasPrefix("  policy: \u{00A7}8 Content of Webspace: \u{201C}Pupils'"))
        #expect(lines[header + 5] == "  fix: Replace the name with initials")
    }

    @Test func caretAfterAnEmojiAllowsForItsTwoCells() throws {
        let lines = textLines
        let header = try #require(lines.firstIndex { $0.hasSuffix("[superlative]") })
        // "winning" is code-point column 28; the clapping hands before it take two cells.
        #expect(lines[header + 2] == "   | " + String(repeating: " ", count: 28) + "^" + String(repeating: "~", count: 6))
    }

    @Test func tabsAreExpandedInTheLineAndTheUnderline() throws {
        let lines = textLines
        let header = try #require(lines.firstIndex { $0.hasSuffix("[phone-number]") && $0.contains(":3:7:") })
        #expect(lines[header + 1] == " 3 |     Call 07700 900123 to")
        #expect(lines[header + 2] == "   |          ^" + String(repeating: "~", count: 11))
    }

    @Test func multiLineRegionIsUnderlinedToTheEndOfItsFirstLine() throws {
        let lines = textLines
        let header = try #require(lines.firstIndex { $0.contains(":3:20: warning:") })
        #expect(lines[header + 1] == " 3 |     Call 07700 900123 to")
        #expect(lines[header + 2] == "   |                       ^~")
    }

    @Test func aLongLineIsShownAsAWindowAroundTheSpan() throws {
        let padding = String(repeating: "word ", count: 2_000)
        let text = padding + "Call 07700 900123 \u{1F44F} today. " + padding
        let report = Linter().lint(text: text, path: "long.txt", format: .text)
        let rendered = TextReporter().render(RunReport(rules: Linter().descriptors, files: [report], workingDirectory: "/w"))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasSuffix("[contact-phone]") }, "\(rendered.prefix(2_000))")
        let shown = lines[header + 1]
        let underline = lines[header + 2]
        #expect(shown.hasPrefix(" 1 | \u{2026}") && shown.hasSuffix("\u{2026}"))
        #expect(shown.count < 200)
        // The caret stands under the number's first digit, the tildes under the rest of it.
        let caret = try #require(underline.firstIndex(of: "^"))
        let offset = underline.distance(from: underline.startIndex, to: caret)
        let number = shown.dropFirst(offset).prefix(12)
        #expect(number == "07700 900123")
        #expect(underline.dropFirst(offset) == "^" + String(repeating: "~", count: 11))
    }

    @Test func textHidesSuppressedFindingsButCountsThem() {
        let text = TextReporter().render(report)
        #expect(!text.contains("contact-email"))
        #expect(textLines.contains("2 files checked: 1 error, 2 warnings, 1 note (1 suppressed); 2 problems reading input"))
    }

    @Test func textPrintsProblemsWithAndWithoutAPosition() {
        let lines = textLines
        #expect(lines.contains("posts/Sports day \u{2713}.md:1:3: warning: Heading has no text after the emoji"))
        #expect(lines.contains("posts/broken.html: error: cannot read: Permission denied"))
    }

    @Test func cleanRunSaysNoFindings() {
        let clean = RunReport(rules: ReporterFixture.rules,
                              files: [FileReport(path: "a.md", format: .markdown), FileReport(path: "b.md", format: .markdown)],
                              workingDirectory: "/w")
        #expect(TextReporter().render(clean) == "2 files checked: no findings\n")
        let one = RunReport(rules: [], files: [FileReport(path: "a.md", format: .markdown)], workingDirectory: "/w")
        #expect(TextReporter().render(one) == "1 file checked: no findings\n")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!TextReporter(useColor: false).render(report).contains("\u{1B}["))
        let coloured = TextReporter(useColor: true).render(report)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;32m"))
    }

    @Test func controlCharactersFromADraftNeverReachTheTerminal() {
        let source = SourceText(path: "x.txt", text: "evil \u{1B}[2J here\n")
        let range = 0..<4
        let diagnostic = Diagnostic(ruleID: "full-name", level: .warning, message: "bad \u{1B}[31m\nname",
                                    region: source.lines.region(of: range), snippet: source.snippet(range))
        let report = RunReport(rules: ReporterFixture.rules,
                               files: [FileReport(path: "x.txt", format: .text, diagnostics: [diagnostic], source: source)],
                               workingDirectory: "/w")
        let text = TextReporter().render(report)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("x.txt:1:1: warning: bad \u{FFFD}[31m\u{FFFD}name [full-name]"))
    }

    // MARK: Underline measurement

    @Test func underlineCountsDisplayCellsNotCodePoints() {
        // "e" + combining acute is two code points but one cell.
        let combining = SourceExcerpt(line: "Ame\u{0301}lie Brown", startColumn: 8, endColumn: 13)
        #expect(combining.underline == "      ^~~~~")
        // CJK characters take two cells each.
        let wide = SourceExcerpt(line: "\u{4E2D}\u{6587} Jo Li", startColumn: 4, endColumn: 9)
        #expect(wide.underline == "     ^~~~~")
        // A family emoji is five code points (joined by ZWJ) shown in two cells.
        let family = SourceExcerpt(line: "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} Ann", startColumn: 7, endColumn: 10)
        #expect(family.underline == "   ^~~")
        // A tab after text runs to the next tab stop.
        let tab = SourceExcerpt(line: "ab\tX", startColumn: 4, endColumn: 5)
        #expect(tab.displayedLine == "ab  X")
        #expect(tab.underline == "    ^")
    }

    @Test func emptyAndEndOfLineRegionsGetOneCaret() {
        #expect(SourceExcerpt(line: "abc", startColumn: 2, endColumn: 2).underline == " ^")
        #expect(SourceExcerpt(line: "abc", startColumn: 4, endColumn: nil).underline == "   ^")
        #expect(SourceExcerpt(line: "", startColumn: 1, endColumn: 1).underline == "^")
    }

    // MARK: GitHub Actions

    @Test func githubWritesOneCommandPerUnsuppressedFinding() {
        let lines = GitHubActionsReporter().render(report).split(separator: "\n").map(String.init)
        let path = "posts/Sports day \u{2713}.md"
        #expect(lines.contains(
            "::warning file=\(path),line=2,col=11,endLine=2,endColumn=21,title=postlint full-name::Pupil's full name in a post"))
        #expect(lines.contains(
            "::notice file=\(path),line=2,col=28,endLine=2,endColumn=35,title=postlint superlative::Praise effort, not winning"))
        #expect(lines.contains(
            "::error file=\(path),line=3,col=7,endLine=3,endColumn=19,title=postlint phone-number::Phone number in a post"))
        #expect(lines.contains(
            "::warning file=\(path),line=3,col=20,endLine=4,endColumn=5,title=postlint phone-number::Number split across lines"))
        #expect(lines.contains("::error file=posts/broken.html,title=postlint::cannot read: Permission denied"))
        #expect(!lines.contains { $0.contains("contact-email") })
        #expect(lines.count == 6)
    }

    @Test func githubEscapesMessagesAndProperties() {
        #expect(GitHubActionsReporter.escapeData("50% off,\r\nnow: go") == "50%25 off,%0D%0Anow: go")
        #expect(GitHubActionsReporter.escapeProperty("a,b:c%\n") == "a%2Cb%3Ac%25%0A")
        let source = SourceText(path: "/w/odd, name:1.md", text: "Jane Smith\n")
        let diagnostic = Diagnostic(ruleID: "full-name", level: .error, message: "Name\n100%", region: source.lines.region(of: 0..<10),
                                    snippet: "Jane Smith")
        let report = RunReport(rules: [], files: [FileReport(path: source.path, format: .markdown, diagnostics: [diagnostic])],
                               workingDirectory: "/w/")
        #expect(GitHubActionsReporter().render(report)
            == "::error file=odd%2C name%3A1.md,line=1,col=1,endLine=1,endColumn=11,title=postlint full-name::Name%0A100%25\n")
    }

    // MARK: Formats and paths

    @Test func everyFormatHasAReporter() {
        #expect(ReportFormat(rawValue: "sarif")?.reporter() is SARIFReporter)
        #expect(ReportFormat.text.reporter(useColor: true) is TextReporter)
        #expect(ReportFormat.html.reporter() is HTMLReporter)
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "html"])
    }

    @Test func artifactPathsAreRelativeInsideTheWorkingDirectory() {
        #expect(ArtifactPath("./posts/../posts/a.md", workingDirectory: "/w/site/").relative == "posts/a.md")
        #expect(ArtifactPath("/w/site/b.md", workingDirectory: "/w/site").relative == "b.md")
        #expect(ArtifactPath("/w/sitemap/b.md", workingDirectory: "/w/site").relative == nil)
        #expect(ArtifactPath("../other/c.md", workingDirectory: "/w/site").absolute == "/w/other/c.md")
        #expect(ArtifactPath.percentEncoded("a b/\u{00E9}:%.md") == "a%20b/%C3%A9%3A%25.md")
        #expect(ArtifactPath.fileURI("/w/my site", directory: true) == "file:///w/my%20site/")
    }
}
