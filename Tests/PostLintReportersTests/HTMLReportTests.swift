import Foundation
@testable import PostLint
@testable import PostLintReporters
import PostLintTestSupport
import Testing

/// `--format html`: a self-contained, escaped, printable page for a person who signs posts off.
struct HTMLReportTests {
    static func hostileReport() -> RunReport {
        let text = "Hello <script>alert('x')</script> & call 07700 900123 today. Another sentence.\n"
        let source = SourceText(path: "evil<b>.txt", text: text)
        let phone = text.range(of: "07700 900123")!
        let phoneStart = text.utf8.distance(from: text.startIndex, to: phone.lowerBound)
        let diagnostic = Diagnostic(ruleID: "phone-number", level: .error, message: "Phone <number> in a post",
                                    region: source.lines.region(of: phoneStart..<(phoneStart + 12)), snippet: "07700 900123")
        let docx = Diagnostic(ruleID: "full-name", level: .warning, message: "Name", region: source.lines.region(of: 0..<5),
                              snippet: "Hello", logicalLocation: "header 1, paragraph 2")
        return RunReport(rules: ReporterFixture.rules,
                         files: [FileReport(path: "evil<b>.txt", format: .text, diagnostics: [diagnostic, docx], source: source),
                                 FileReport(path: "clean & tidy.md", format: .markdown)],
                         workingDirectory: "/w")
    }

    @Test func everythingFromADraftIsEscaped() {
        let html = HTMLReporter().render(Self.hostileReport())
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("evil&lt;b&gt;.txt"))
        #expect(html.contains("Phone &lt;number&gt; in a post"))
        #expect(html.contains("<li>clean &amp; tidy.md</li>"))
    }

    @Test func isSelfContained() {
        let html = HTMLReporter().render(Self.hostileReport())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        for forbidden in ["<script", "<link", "src=", "@import", "url(", "http://", "<img"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@media print"))
    }

    @Test func findingsShowTheSentenceWithTheFlaggedWordsMarked() {
        let html = HTMLReporter().render(Self.hostileReport())
        #expect(html.contains("&amp; call <mark>07700 900123</mark> today. </p>") || html.contains("<mark>07700 900123</mark> today.</p>"))
        #expect(!html.contains("Another sentence"), "the context stops at the end of the sentence")
        #expect(html.contains("<strong>How to fix:</strong> Use the school office number."))
        #expect(html.contains("<strong>Policy §8 Content of Webspace:</strong>"))
        #expect(html.contains("<span class=\"where\">Header 1, paragraph 2</span>"), "Word findings name their paragraph")
        #expect(html.contains("Must fix") && html.contains("Should fix"), "levels are words, not colour alone")
    }

    @Test func totalsTableHasARowPerRuleWithABar() throws {
        let html = HTMLReporter().render(Self.hostileReport())
        let counts = HTMLReportTable.ruleCounts(in: html)
        #expect(counts["phone-number"] == [1, 0, 0, 1])
        #expect(counts["full-name"] == [0, 1, 0, 1])
        #expect(html.contains("<svg class=\"bar\""))
        #expect(html.contains("<h2 id=\"clean\">Clean drafts (1)</h2>"))
    }

    @Test func contextIsCutAtSentenceAndLength() {
        let (before, marked, after) = HTMLReporter.context(line: "One. Two three four. Five.", startColumn: 10, endColumn: 15)
        #expect(before == "Two ")
        #expect(marked == "three")
        #expect(after == " four.")
        let long = String(repeating: "word ", count: 100)
        let cut = HTMLReporter.context(line: long + "X" + long, startColumn: 501, endColumn: 502)
        #expect(cut.0.hasPrefix("\u{2026}") && cut.0.count <= HTMLReporter.contextLimit + 1)
        #expect(cut.1 == "X")
        #expect(cut.2.hasSuffix("\u{2026}"))
    }

    /// Three drafts in name order: a short one with only a warning, a long one whose error comes
    /// last in the text, and a clean one.
    static func triageReport() -> RunReport {
        let shortText = "We had a lovely day.\n"
        let short = SourceText(path: "a-short.txt", text: shortText)
        let longText = String(repeating: "Well done Jane Smith.\n", count: 6) + "Call 07700 900123.\n"
        let long = SourceText(path: "b-long.txt", text: longText)
        var longFindings = (0..<6).map { index in
            ReporterFixture.diagnostic("full-name", .warning, "Full name", "Jane Smith", in: long).moved(toLine: index, in: long)
        }
        longFindings.append(ReporterFixture.diagnostic("phone-number", .error, "Phone number", "07700 900123", in: long))
        return RunReport(rules: ReporterFixture.rules + [
                            CheckDescriptor(id: "lovely", title: "Lovely", explanation: "Tone.", policy: ReporterFixture.policy,
                                            defaultLevel: .warning, help: "Set `lovely: off` in `.postlint.yml` <if> you must."),
                         ],
                         files: [FileReport(path: "a-short.txt", format: .text,
                                            diagnostics: [ReporterFixture.diagnostic("lovely", .warning, "Lovely", "lovely", in: short)],
                                            source: short),
                                 FileReport(path: "b-long.txt", format: .text, diagnostics: longFindings, source: long),
                                 FileReport(path: "c-clean.txt", format: .text)],
                         workingDirectory: "/w")
    }

    @Test func opensWithWhatMustBeFixedLinkingToEachDraft() throws {
        let html = HTMLReporter().render(Self.triageReport())
        let order = ["<h2 id=\"summary\">Before you publish</h2>", "<h3 id=\"fix-list\">Fix before publishing (1)</h3>",
                     "<h3 id=\"review-list\">Warnings to review (1)</h3>", "<table class=\"rules\">",
                     "<h2 id=\"fix\">Must fix before publishing (1)</h2>", "<h2 id=\"review\">Warnings to review (1)</h2>",
                     "<h2 id=\"clean\">Clean drafts (1)</h2>"]
        let positions = try order.map { part in try #require(html.range(of: part), "missing \(part)").lowerBound }
        #expect(positions == positions.sorted(), "the page is not in the order summary, lists, rules, drafts to fix, to review, clean")
        #expect(html.contains("3 drafts checked: <strong>1 must be fixed before publishing</strong>, 1 has warnings to review, 1 is clean."))
        #expect(html.contains("<ol class=\"drafts fix\">\n<li><a href=\"#draft-2\">b-long.txt</a> <span class=\"small\">1 must fix, 6 should fix</span></li>\n</ol>"))
        #expect(html.contains("<ol class=\"drafts review\">\n<li><a href=\"#draft-1\">a-short.txt</a> <span class=\"small\">1 should fix</span></li>\n</ol>"))
        #expect(html.contains("<h3 id=\"draft-2\">b-long.txt</h3>") && html.contains("<h3 id=\"draft-1\">a-short.txt</h3>"))
        // Counts by severity, and the rule with a must-fix finding heads the table although it has fewer findings.
        #expect(html.contains("Must fix</span> <span class=\"count\">1</span>") && html.contains("Should fix</span> <span class=\"count\">7</span>"))
        let table = try #require(html.components(separatedBy: "<tbody>").dropFirst().first)
        #expect(table.range(of: "<code>phone-number</code>")!.lowerBound < table.range(of: "<code>full-name</code>")!.lowerBound)
    }

    @Test func longDraftsFoldWithErrorsFirstAndPrintInFull() throws {
        let html = HTMLReporter().render(Self.triageReport())
        let long = try #require(html.components(separatedBy: "<h3 id=\"draft-2\">").dropFirst().first?.components(separatedBy: "</article>").first)
        #expect(long.contains("<details class=\"long\">\n<summary>Show all 7 findings (1 must fix, 6 should fix)</summary>"))
        let levels = long.components(separatedBy: "<li class=\"finding ").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(levels == ["error"] + Array(repeating: "warning", count: 6), "errors first within a draft: \(levels)")
        let short = try #require(html.components(separatedBy: "<h3 id=\"draft-1\">").dropFirst().first?.components(separatedBy: "</article>").first)
        #expect(!short.contains("<details"), "a short draft is not folded")
        #expect(html.contains("<ul class=\"clean\">\n<li>c-clean.txt</li>\n</ul>"))
        #expect(html.contains("details.long::details-content { content-visibility: visible; display: block; }"))
        #expect(html.contains(".back, details.long > summary { display: none; }"))
        #expect(html.contains("<p><strong>How to fix:</strong> Set <code>lovely: off</code> in <code>.postlint.yml</code> &lt;if&gt; you must.</p>"),
                "backticks in the advice are code, everything escaped")
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"))
    }

    @Test func withCodeKeepsAnUnpairedBacktick() {
        #expect(HTMLReporter.withCode("a `b` c `d") == "a <code>b</code> c `d")
        #expect(HTMLReporter.withCode("no <code>") == "no &lt;code&gt;")
    }

    @Test func theBinaryWritesTheTriageSummary() throws {
        let folder = try TemporaryFolder()
        try folder.write("drafts/clean.txt", "Posted by Mrs J. Patel, Year 3 Teacher\n")
        try folder.write("drafts/phone.txt", "Questions? Ring 07700 900123.\nPosted by Mrs J. Patel, Year 3 Teacher\n")
        let result = try PostLintProcess.run(["check", "drafts", "--format", "html", "--output", "report.html"], in: folder.path)
        #expect(result.status == 1, "\(result.standardError)")
        let page = try String(contentsOfFile: folder.absolute("report.html"), encoding: .utf8)
        let summary = try #require(page.components(separatedBy: "<h2 id=\"fix\">").first)
        #expect(summary.contains("<h3 id=\"fix-list\">Fix before publishing (1)</h3>"), "\(summary)")
        #expect(summary.contains("<a href=\"#draft-1\">drafts/phone.txt</a>"), "\(summary)")
        #expect(page.contains("<h3 id=\"draft-1\">drafts/phone.txt</h3>"))
        #expect(page.contains("<li>drafts/clean.txt</li>"))
    }

}

private extension Diagnostic {
    /// The same finding on another line of `source` (the fixture's lines are identical).
    func moved(toLine index: Int, in source: SourceText) -> Diagnostic {
        let lineStart = source.lines.lineRange(index).lowerBound
        let offset = region.byteRange.lowerBound - source.lines.lineRange(region.start.line - 1).lowerBound
        let range = (lineStart + offset)..<(lineStart + offset + region.byteRange.count)
        return Diagnostic(ruleID: ruleID, level: level, message: message, region: source.lines.region(of: range), snippet: snippet)
    }
}
