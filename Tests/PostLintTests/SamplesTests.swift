import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// The README's first command, through the real binary: the samples give exactly these findings.
@Suite struct SamplesTests {
    struct Finding: Hashable, CustomStringConvertible {
        var file: String
        var rule: String
        var snippet: String
        var description: String { "\(file) \(rule) “\(snippet)”" }
    }

    @Test func samplesGiveTheExpectedFindings() throws {
        let result = try PostLintProcess.run(["check", "Samples", "--format", "json"])
        #expect(result.status == 1, "the samples hold errors on purpose")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        #expect(report.files.flatMap(\.problems).isEmpty)
        let found = Set(report.files.flatMap { file in
            file.diagnostics.filter { !$0.suppressed }.map { Finding(file: file.path, rule: $0.ruleId, snippet: $0.snippet) }
        })
        let trip = "Samples/news/year-3-trip.html"
        let expected: Set<Finding> = [
            Finding(file: trip, rule: "pupil-name", snippet: "Oliver</b> Whitfield"),
            Finding(file: trip, rule: "pupil-name", snippet: "Amara O."),
            Finding(file: trip, rule: "pupil-name", snippet: "oliver-whitfield"),
            Finding(file: trip, rule: "pupil-name", snippet: "Oliver Whitfield"),
            Finding(file: trip, rule: "contact-phone", snippet: "07700 900123"),
            Finding(file: trip, rule: "contact-email", snippet: "j.hughes1982@gmail.com"),
            Finding(file: trip, rule: "personal-opinion", snippet: "I think"),
            Finding(file: trip, rule: "unapproved-citation", snippet: "According to a study from the Science Museum"),
            Finding(file: trip, rule: "unapproved-citation", snippet: "https://www.example.org/space-study"),
            Finding(file: trip, rule: "missing-author-position", snippet: "&mdash; Mr James Hughes"),
            Finding(file: trip, rule: "missing-logo", snippet: "<body>"),
            Finding(file: "Samples/news/bake-sale.html", rule: "personal-opinion", snippet: "in my opinion"),
            Finding(file: "Samples/news/bake-sale.html", rule: "personal-opinion", snippet: "I\n     think"),
            Finding(file: "Samples/news/bake-sale.html", rule: "personal-opinion", snippet: "I&#8217;d argue"),
            Finding(file: "Samples/news/bake-sale.html", rule: "personal-opinion", snippet: "IMO"),
            Finding(file: "Samples/news/bake-sale.html", rule: "pupil-name", snippet: "Zoë"),
            Finding(file: "Samples/newsletters/autumn-newsletter.md", rule: "personal-opinion", snippet: "In my opinion"),
            Finding(file: "Samples/social/sports-day.txt", rule: "personal-opinion", snippet: "Personally, I thought"),
            Finding(file: "Samples/social/class-blog.txt", rule: "pupil-name", snippet: "Kuba"),
            Finding(file: "Samples/news/sports-day.docx", rule: "pupil-name", snippet: "Oliver Whitfield"),
            Finding(file: "Samples/news/sports-day.docx", rule: "pupil-name", snippet: "Grace"),
            Finding(file: "Samples/news/sports-day.docx", rule: "personal-opinion", snippet: "In my opinion"),
            Finding(file: "Samples/news/sports-day.docx", rule: "unapproved-citation",
                    snippet: "https://www.example-sports-news.com/beechwood-2026"),
        ]
        #expect(found.subtracting(expected).isEmpty, "unexpected: \(found.subtracting(expected))")
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found))")
        let suppressed = report.files.flatMap { file in file.diagnostics.filter(\.suppressed).map { "\(file.path) \($0.snippet)" } }
        #expect(suppressed == ["Samples/social/sports-day.txt I think"])
    }

    @Test func fixRewritesAPupilsFullNameToTheForename() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        try folder.write("post.txt", "Well done to Oliver Whitfield!\n\nMrs Lee, Headteacher\n")
        let check = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(check.status == 1)
        let fixed = try PostLintProcess.run(["check", "post.txt", "--fix"], in: folder.path)
        #expect(try String(contentsOfFile: folder.absolute("post.txt"), encoding: .utf8) == "Well done to Oliver!\n\nMrs Lee, Headteacher\n")
        #expect(fixed.status == 0, "what is left after fixing: \(fixed.standardOutput)")
    }

    @Test func fixKeepsMarkupInsideTheName() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\nAmara,Okonkwo-Hale\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\nrules: { missing-logo: off, missing-author-position: off }\n")
        try folder.write("post.html", "<p>Well done <b>Oliver</b> Whitfield and Okonkwo-Hale, <i>Amara</i>.</p>\n")
        _ = try PostLintProcess.run(["check", "post.html", "--fix"], in: folder.path)
        #expect(try String(contentsOfFile: folder.absolute("post.html"), encoding: .utf8)
                == "<p>Well done <b>Oliver</b> and <i>Amara</i>.</p>\n")
    }

    @Test func sarifCarriesTheFix() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        try folder.write("post.txt", "Well done to Oliver Whitfield!\n")
        let result = try PostLintProcess.run(["check", "post.txt", "--format", "sarif"], in: folder.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let fixes = results.compactMap { $0["fixes"] as? [[String: Any]] }.flatMap { $0 }
        #expect(fixes.count == 1)
        #expect(String(describing: fixes).contains("Oliver"))
    }
}
