import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// The roster never reaches the output beyond the text a finding matched in the draft: not in any
/// format, not in problems, not from `postlint roster check`.
@Suite(.timeLimit(.minutes(3))) struct PrivacyTests {
    /// Pupils whose names appear nowhere in the drafts: none of these words may be printed.
    static let unseen = [("Quornbury", "Xanthippe"), ("Wolstenholme-Tarrant", "Zebedee"), ("Fitzwarrenne", "Persephone"),
                         ("Kettleborough", "Ignatius"), ("Vandersloot", "Marigold")]
    /// A pupil named in the drafts: its matched text is the only roster data that may appear.
    static let named = ("Whitfield", "Oliver")

    static func corpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let rows = (unseen + [named]).map { "\($0.0),\($0.1),3,3W" }
        // A broken row (too few fields) and a duplicate, so problems are reported too.
        try folder.write("pupils.csv", "Legal Surname,Legal Forename,Year,Reg\n" + rows.joined(separator: "\n")
                         + "\nOnlySurnameHere\n\(unseen[0].0),\(unseen[0].1),3,3W\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        try folder.write("news.html", "<p>Well done Oliver Whitfield and Xanthipe Quornbery!</p>\n<p>Zebedee W. ran fast.</p>\n")
        try folder.write("letter.md", "# News\n\nOliver Whitfield read a poem. Persephone's mum baked.\n")
        try folder.write("post.txt", "Congratulations to OLIVER WHITFIELD and to Kettleborough's team.\n")
        return folder
    }

    static func assertNoUnseenName(_ text: String, _ context: String) {
        for (surname, forename) in unseen {
            // Zebedee, Persephone and Kettleborough are written in the drafts: they may be echoed as matched text.
            for word in [surname, forename] where !["Zebedee", "Persephone", "Kettleborough"].contains(word) {
                #expect(!text.localizedCaseInsensitiveContains(word), "\(context) prints the roster name \(word)")
            }
        }
        for word in ["Xanthippe", "Wolstenholme", "Tarrant", "Fitzwarrenne", "Ignatius", "Vandersloot", "Marigold", "OnlySurnameHere"] {
            #expect(!text.localizedCaseInsensitiveContains(word), "\(context) prints \(word)")
        }
    }

    @Test(arguments: ["text", "json", "sarif", "github", "html"]) func reportsHoldNoRosterNameBeyondTheMatchedText(format: String) throws {
        let folder = try Self.corpus()
        let result = try PostLintProcess.run(["check", "--format", format, "--color", "never", "."], in: folder.path)
        #expect(!result.timedOut)
        #expect(result.status == 2, "the broken roster row makes the run fail")
        #expect(result.standardOutput.contains("Oliver Whitfield") || result.standardOutput.contains("Oliver\\u00a0Whitfield"),
                "the matched text is reported")
        Self.assertNoUnseenName(result.standardOutput + result.standardError, format)
    }

    @Test func rosterCheckPrintsNoNames() throws {
        let folder = try Self.corpus()
        let result = try PostLintProcess.run(["roster", "check", "pupils.csv"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("pupils: "))
        Self.assertNoUnseenName(result.standardOutput + result.standardError, "roster check")
        for word in ["Whitfield", "Oliver", "Persephone", "Kettleborough"] {
            #expect(!(result.standardOutput + result.standardError).contains(word), "roster check prints \(word)")
        }
    }

    /// A roster exported without its header row: its first pupil is where the headers should be.
    @Test(arguments: ["text", "json", "sarif", "github"]) func aRosterWithoutAHeaderRowIsNeverQuoted(format: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Quornbury,Xanthippe,UPN,3W\nVandersloot,Marigold,A123,3W\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        try folder.write("post.md", "Sports day was fun.\n")
        let check = try PostLintProcess.run(["check", "--format", format, "."], in: folder.path)
        let roster = try PostLintProcess.run(["roster", "check", "pupils.csv"], in: folder.path)
        for (result, context) in [(check, format), (roster, "roster check")] {
            let output = result.standardOutput + result.standardError
            #expect(result.status == 2, "\(context): \(output)")
            // In JSON and SARIF the quotes around the known header word are escaped.
            #expect(output.contains("Headers found: column 1, column 2, "), "\(context): \(output)")
            #expect(output.contains("UPN") && output.contains(", column 4."), "\(context): \(output)")
            Self.assertNoUnseenName(output, context)
        }
    }
}
