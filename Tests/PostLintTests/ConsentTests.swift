import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// Consent columns change pupil-name's levels: without consent any mention is an error that says
/// so, with consent a forename alone is a note, and without consent data today's levels stand.
@Suite struct ConsentTests {
    static let post = """
        Star of the Week: Rowan! Well done also to Ivy, and to Tegan for her poem.
        Thank you to the Price family, and to Ivy Fitzgerald for the poster.

        Mrs Lee, Headteacher

        """

    struct Flag: Hashable, CustomStringConvertible {
        var snippet: String
        var level: String
        var description: String { "\(snippet) (\(level))" }
    }

    /// `postlint check post.txt --format json` in a folder with this roster and configuration.
    static func check(roster: String, config: String = "roster: [pupils.csv]\n", post: String = post,
                      environment: [String: String] = [:]) throws -> (flags: [Flag], messages: [String], result: PostLintProcess.Result) {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", roster)
        try folder.write(".postlint.yml", config)
        try folder.write("post.txt", post)
        let result = try PostLintProcess.run(["check", "post.txt", "--format", "json"], in: folder.path, environment: environment)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        let diagnostics = report.files.flatMap(\.diagnostics).filter { $0.ruleId == "pupil-name" }
        return (diagnostics.map { Flag(snippet: $0.snippet, level: $0.level) }, diagnostics.map(\.message), result)
    }

    @Test func consentColumnsSetTheLevels() throws {
        let (flags, messages, _) = try Self.check(roster: """
            Forename,Surname,Photo consent
            Rowan,Price,N
            Ivy,Fitzgerald,Yes
            Tegan,Rees,

            """)
        #expect(flags == [
            Flag(snippet: "Rowan", level: "error"),   // refused: a forename alone is an error
            Flag(snippet: "Ivy", level: "note"),      // consented: a forename alone is a note
            Flag(snippet: "Tegan", level: "warning"),   // blank: today's level
            Flag(snippet: "Price", level: "error"),   // the family of a pupil without consent
            Flag(snippet: "Ivy Fitzgerald", level: "error"),  // a full name stays an error
        ])
        #expect(messages[0] == "“Rowan” is the forename of a pupil on the roster, and the pupil's family has not consented "
                + "to the child being named or shown; remove the name")
        #expect(messages[3].contains("has not consented"))
        #expect(!messages[1].contains("not consented") && !messages[2].contains("not consented"))
        // Nothing from the roster beyond the matched text: no surname next to a forename alone.
        #expect(!messages[0].contains("Price") && !messages[1].contains("Fitzgerald"))
    }

    @Test func withoutConsentDataTodaysLevelsStand() throws {
        let (flags, _, _) = try Self.check(roster: "Forename,Surname\nRowan,Price\nIvy,Fitzgerald\nTegan,Rees\n")
        #expect(flags.map(\.level) == ["warning", "warning", "warning", "warning", "error"])
    }

    @Test func anyNoAmongSeveralColumnsAndAnyRefusalAmongNamesakesWins() throws {
        let (flags, _, _) = try Self.check(roster: """
            Forename,Surname,Photo consent,Website consent
            Rowan,Price,Y,Y
            Ivy,Fitzgerald,Y,N
            Tegan,Rees,Y,Y
            Tegan,Morgan,Y,

            """)
        // Rowan: both yes; Ivy: one no; Tegan: shared with a pupil whose website consent is blank.
        #expect(flags.prefix(3) == [Flag(snippet: "Rowan", level: "note"), Flag(snippet: "Ivy", level: "error"),
                                    Flag(snippet: "Tegan", level: "warning")])
    }

    @Test func columnsAndValuesAreConfigurable() throws {
        let roster = "Forename,Surname,Publish OK\nRowan,Price,Declined\nIvy,Fitzgerald,Granted\nTegan,Rees,granted\n"
        let config = """
            roster: [pupils.csv]
            roster-consent:
              columns: [Publish OK]
              yes: [Granted]
              no: [Declined]

            """
        let (flags, _, result) = try Self.check(roster: roster, config: config)
        #expect(flags.prefix(3).map(\.level) == ["error", "note", "note"])
        #expect(result.standardError.isEmpty || !result.standardError.contains("consent value"))
        // Unconfigured, "Publish OK" is not a consent column and the levels stand.
        let (plain, _, _) = try Self.check(roster: roster)
        #expect(plain.prefix(3).map(\.level) == ["warning", "warning", "warning"])
    }

    @Test func anUnknownValueIsNoConsentWithAWarningThatQuotesNothing() throws {
        let (flags, _, result) = try Self.check(roster: "Forename,Surname,Media consent\nRowan,Price,Pending Smithson\nIvy,Fitzgerald,Y\n")
        #expect(flags.first == Flag(snippet: "Rowan", level: "error"))
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8))
        let warning = try #require(report.files.flatMap(\.problems).first { $0.message.contains("consent value") })
        #expect(warning.line == 2)
        #expect(!warning.message.contains("Pending") && !warning.message.contains("Smithson"))
    }

    @Test func rosterCheckCountsConsentStatesNeverWho() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname,Consent: internet\nRowan,Price,N\nIvy,Fitzgerald,Y\nTegan,Rees,\nMali,Jones,y\n")
        let result = try PostLintProcess.run(["roster", "check", "pupils.csv"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("consent: 2 given, 1 refused, 1 not recorded"))
        #expect(result.standardOutput.contains("Consent: internet → consent"))
        for name in ["Rowan", "Price", "Ivy", "Fitzgerald", "Tegan", "Rees", "Mali", "Jones"] {
            #expect(!(result.standardOutput + result.standardError).contains(name))
        }
        try folder.write("plain.csv", "Forename,Surname\nAmy,Lee\n")
        let plain = try PostLintProcess.run(["roster", "check", "plain.csv"], in: folder.path)
        #expect(plain.standardOutput.contains("consent: no consent column"))
    }

    @Test func consentSurvivesSealing() throws {
        let roster = "Forename,Surname,Photo consent\nRowan,Price,N\nIvy,Fitzgerald,Yes\nTegan,Rees,\n"
        let clear = try Self.check(roster: roster)
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", roster)
        let environment = ["POSTLINT_ROSTER_KEY": "consent survives sealing"]
        let seal = try PostLintProcess.run(["roster", "seal", "pupils.csv", "-o", "pupils.sealed"], in: folder.path,
                                           environment: environment)
        #expect(seal.status == 0)
        #expect(seal.standardOutput.contains("consent: 1 given, 1 refused, 1 not recorded"))
        let check = try PostLintProcess.run(["roster", "check", "pupils.sealed"], in: folder.path, environment: environment)
        #expect(check.standardOutput.contains("consent: 1 given, 1 refused, 1 not recorded"))
        try folder.write(".postlint.yml", "roster: [pupils.sealed]\n")
        try FileManager.default.removeItem(atPath: folder.absolute("pupils.csv"))
        try folder.write("post.txt", Self.post)
        let sealed = try PostLintProcess.run(["check", "post.txt", "--format", "json"], in: folder.path, environment: environment)
        #expect(sealed.standardOutput == clear.result.standardOutput)
    }

    @Test func aDuplicateRowThatRefusesMakesTheMergedPupilRefusedInEitherOrder() throws {
        for rows in ["Oliver,Whitfield,Y\nOliver,Whitfield,N\n", "Oliver,Whitfield,N\nOliver,Whitfield,Y\n"] {
            let roster = try #require(RosterLoader.load(text: "Forename,Surname,Photo consent\n" + rows).roster)
            #expect(roster.statistics.duplicates == 1)
            #expect(roster.statistics.consent == Consent.Counts(given: 0, refused: 1, unknown: 0))
            let report = Linter(checks: [PupilNameCheck()])
                .lint(text: "Star of the Week: Oliver!\n", path: "post.txt", format: .text, roster: roster)
            #expect(report.diagnostics.map(\.level) == [.error], "\(rows)")
        }
    }

    @Test func aFullNameWithoutConsentHasNoFixThatKeepsTheForename() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname,Photo consent\nRowan,Price,N\nIvy,Fitzgerald,Y\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        try folder.write("post.txt", "Well done to Rowan Price and Ivy Fitzgerald.\n\nMrs Lee, Headteacher\n")
        _ = try PostLintProcess.run(["check", "post.txt", "--fix"], in: folder.path)
        let fixed = try String(contentsOfFile: folder.absolute("post.txt"), encoding: .utf8)
        #expect(fixed.hasPrefix("Well done to Rowan Price and Ivy."))
        // With words instead of the forename, the whole name goes.
        try folder.write(".postlint.yml", "roster: [pupils.csv]\npupils:\n  replacement: a pupil\n")
        _ = try PostLintProcess.run(["check", "post.txt", "--fix"], in: folder.path)
        #expect(try String(contentsOfFile: folder.absolute("post.txt"), encoding: .utf8).hasPrefix("Well done to a pupil and Ivy."))
    }
}
