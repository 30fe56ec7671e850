import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// `missing-logo` on Word drafts through the real binary: a logo picture is recognised by its name
/// or Alt Text, and the advice speaks of Word, not HTML; `postlint init` writes the defaults.
@Suite struct WordLogoTests {
    typealias F = DocxFixture

    static func draft(picture: String) throws -> [UInt8] {
        try F.docx(F.p("Sports day news.") + "<w:p>" + picture + "</w:p>" + F.p("Mrs Ann Lee, Headteacher"),
                   rels: [("rId7", "image", "media/image1.png", false)])
    }

    @Test(arguments: [
        ("School Logo", nil as String?, true),       // Word's own name for the picture, no Alt Text
        ("Picture 1", "Beechwood crest", true),      // the Alt Text (docPr descr)
        ("Picture 1", "Children on the field", false),
        ("Picture 3", nil, false),
    ])
    func aLogoPictureIsKnownByItsNameOrAltText(name: String, descr: String?, isLogo: Bool) throws {
        let folder = try TemporaryFolder()
        try Data(try Self.draft(picture: F.image(id: "rId7", descr: descr, name: name)))
            .write(to: URL(fileURLWithPath: folder.absolute("news.docx")))
        let result = try PostLintProcess.run(["check", "news.docx"], in: folder.path)
        #expect(result.standardOutput.contains("[missing-logo]") == !isLogo, "\(result.standardOutput)")
        if !isLogo {
            #expect(result.standardOutput.contains("the Word document does not show the school logo"))
            #expect(result.standardOutput.contains("Insert the school logo picture in the Word document"))
            #expect(!result.standardOutput.contains("<img"), "no HTML advice for a Word draft")
        }
    }

    @Test func htmlDraftsKeepTheHTMLAdvice() throws {
        let folder = try TemporaryFolder()
        try folder.write("news.html", "<p>Sports day news.</p>\n<p>Mrs Ann Lee, Headteacher</p>\n")
        let result = try PostLintProcess.run(["check", "news.html", "--format", "json"], in: folder.path)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        let logo = try #require(report.files.first?.diagnostics.first { $0.ruleId == "missing-logo" })
        #expect(logo.help?.contains("<img") == true)
    }

    /// The starter configuration `postlint init` writes says what the defaults are, not something else.
    @Test func initTemplateAgreesWithTheDefaults() throws {
        let folder = try TemporaryFolder()
        #expect(try PostLintProcess.run(["init"], in: folder.path).status == 0)
        let loaded = try ConfigurationLoader(knownRuleIDs: Set(Linter().descriptors.map(\.id)))
            .load(path: folder.absolute(".postlint.yml"))
        let defaults = Configuration()
        #expect(loaded.school.logo == defaults.school.logo)
        #expect(loaded.school.logoFormats == defaults.school.logoFormats)
        #expect(loaded.pupils == defaults.pupils)
        #expect(loaded.rules.isEmpty && loaded.overrides.isEmpty && loaded.roster.isEmpty)
    }
}
