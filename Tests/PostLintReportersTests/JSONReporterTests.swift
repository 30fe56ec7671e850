import Foundation
@testable import PostLint
@testable import PostLintReporters
import Testing

/// The JSON format's documented shape (docs/json-format.md): scripts depend on it not moving.
struct JSONReporterTests {
    let report = ReporterFixture.report()

    func decoded() throws -> JSONReport {
        try JSONDecoder().decode(JSONReport.self, from: Data(JSONReporter().render(report).utf8))
    }

    @Test func roundTripsThroughTheDocumentedModel() throws {
        let document = try decoded()
        #expect(document == JSONReporter().document(for: report))
        #expect(document.version == 1)
        #expect(document.tool.name == "postlint")
        #expect(document.files.map(\.path) == ["posts/Sports day \u{2713}.md", "posts/broken.html"])
        #expect(document.summary == .init(files: 2, errors: 1, warnings: 2, notes: 1, suppressed: 1, problems: 2))
    }

    @Test func topLevelAndDiagnosticKeysAreExactlyTheDocumentedOnes() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReporter().render(report).utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "tool", "files", "summary"])
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        #expect(Set(file.keys) == ["path", "format", "encoding", "diagnostics", "problems"])
        let diagnostic = try #require((file["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(diagnostic.keys) == [
            "ruleId", "level", "message", "line", "column", "endLine", "endColumn", "utf16Column", "utf16EndColumn",
            "offset", "length", "snippet", "suppressed", "fix", "title", "policy", "help",
        ])
        // Absent, not null, when there is nothing to say.
        let second = try #require((file["diagnostics"] as? [[String: Any]])?[1])
        #expect(second["fix"] == nil)
    }

    @Test func diagnosticsCarryPlaceSnippetPolicyAndFix() throws {
        let file = try decoded().files[0]
        #expect(file.format == "markdown")
        #expect(file.encoding == "UTF-8")
        let name = file.diagnostics[0]
        #expect(name.ruleId == "full-name")
        #expect(name.level == "warning")
        #expect((name.line, name.column, name.endLine, name.endColumn) == (2, 11, 2, 21))
        #expect(name.policy?.hasPrefix("\u{00A7}8 Content of Webspace") == true)
        #expect(name.help == "Use a first name or initials.")
        let edit = try #require(name.fix?.edits.first)
        #expect((edit.line, edit.column, edit.endLine, edit.endColumn) == (2, 11, 2, 21))
        #expect(edit.replacement == "J. S.")
        // After the emoji: code points and UTF-16 units differ by one.
        #expect((file.diagnostics[1].column, file.diagnostics[1].utf16Column) == (28, 29))
        #expect(file.diagnostics[3].snippet == "to\nbook")
        #expect(file.diagnostics[4].suppressed)
        #expect(file.problems == [.init(severity: "warning", path: "posts/Sports day \u{2713}.md",
                                        message: "Heading has no text after the emoji", line: 1, column: 3)])
    }

    @Test func outputIsSortedAndStable() {
        let text = JSONReporter().render(report)
        #expect(text == JSONReporter().render(report))
        #expect(text.hasPrefix("{\n  \"files\" : ["))
        #expect(!text.contains("\\/"))
    }
}
