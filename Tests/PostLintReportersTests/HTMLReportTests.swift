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
}
