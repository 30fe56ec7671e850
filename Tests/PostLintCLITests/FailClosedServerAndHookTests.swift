import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// `postlint serve` and the pre-commit hook with a broken `.postlint.yml`. The server refuses to start
/// on any mistake (a server that answered without a check would pass every draft it was sent) and
/// names what would not have been checked; the hook blocks the commit, still checking pupil names
/// when only another key is wrong.
@Suite(.serialized, .timeLimit(.minutes(3))) struct FailClosedServerAndHookTests {
    @Test func theServerRefusesATypoAndSaysWhere() throws {
        let fixture = try FailClosedFixture(configuration: FailClosedFixture.typo)
        let result = try PostLintProcess.run(["serve", "--port", "0"], in: fixture.path, timeout: .seconds(60))
        #expect(result.status == 2)
        #expect(result.standardError.contains(".postlint.yml:3:3: unknown key `domians` in `school`; did you mean `domains`?"),
                "\(result.standardError)")
        #expect(result.standardError.contains("refusing to start"))
        #expect(!result.standardError.contains("serving http"))
    }

    @Test(arguments: FailClosedFixture.BrokenRoster.allCases)
    func theServerRefusesABrokenRosterAndSaysWhatWouldNotBeChecked(_ broken: FailClosedFixture.BrokenRoster) throws {
        let fixture = try FailClosedFixture(broken)
        let result = try PostLintProcess.run(["serve", "--port", "0"], in: fixture.path, timeout: .seconds(60))
        #expect(result.status == 2)
        #expect(result.standardError.contains("pupil-name (Pupil's name) was NOT checked"), "\(result.standardError)")
        #expect(result.standardError.contains("refusing to start"))
        for name in FailClosedFixture.unseenNames + ["Oliver"] { #expect(!result.standardError.contains(name)) }
    }

    /// With a valid configuration the same folder serves, and `--redact` answers with the place of
    /// the pupil's name but not the name.
    @Test func theServerWithAValidRosterFindsThePupilAndRedactsOnRequest() async throws {
        let fixture = try FailClosedFixture(configuration: "roster: [pupils.csv]\n")
        let server = try ServeProcess(["--redact"], in: fixture.path)
        let reply = try await server.postJSON(["content": FailClosedFixture.draft, "filename": "post.txt"],
                                              headers: ["Accept": "application/json"])
        #expect(reply.status == 200)
        let pupil = try #require(try JSONDecoder().decode(JSONReport.self, from: reply.body).files.first?.diagnostics
            .first { $0.ruleId == "pupil-name" })
        #expect((pupil.line, pupil.column, pupil.length) == (1, 14, FailClosedFixture.namedPupil.utf8.count))
        #expect(pupil.snippet == "[Pupil's name]")
        for name in ["Oliver", "Whitfield"] + FailClosedFixture.unseenNames { #expect(!reply.text.contains(name)) }
        #expect(server.stop().status == 0)
    }

    private func repository(configuration: String, roster: String = FailClosedFixture.roster) throws -> HookTests.Repository {
        let repo = try HookTests.Repository()
        try repo.write(".postlint.yml", configuration)
        try repo.write("pupils.csv", roster)
        #expect(try repo.postlint(["hook", "install"]).status == 0)
        try repo.write("news/post.txt", FailClosedFixture.draft)
        try repo.git(["add", "news/post.txt"])
        return repo
    }

    @Test func theHookBlocksATypoAndStillReportsThePupilsFullName() throws {
        let repo = try repository(configuration: FailClosedFixture.typo)
        let commit = try repo.commit()
        #expect(commit.status != 0)
        #expect(try repo.commitCount() == 0)
        let output = commit.output
        let typo = try #require(output.range(of: ".postlint.yml:3:3: error: unknown key `domians` in `school`; did you mean `domains`?"),
                                "\(output)")
        let pupil = try #require(output.range(of: "news/post.txt:1:14: error: “Oliver Whitfield” is a pupil's full name"))
        #expect(typo.lowerBound < pupil.lowerBound, "the configuration error comes first")
        #expect(output.contains("commit blocked"))
    }

    @Test(arguments: FailClosedFixture.BrokenRoster.allCases)
    func theHookBlocksABrokenRosterAndSaysPupilNamesWereNotChecked(_ broken: FailClosedFixture.BrokenRoster) throws {
        let repo = try repository(configuration: broken.configuration, roster: broken.rosterText)
        let commit = try repo.commit()
        #expect(commit.status != 0)
        #expect(try repo.commitCount() == 0)
        #expect(commit.output.contains("news/post.txt:1:1: error: pupil-name (Pupil's name) was NOT checked"), "\(commit.output)")
        for name in FailClosedFixture.unseenNames { #expect(!commit.output.contains(name)) }
    }

    @Test func hookRunRedactsOnRequest() throws {
        let repo = try repository(configuration: "roster: [pupils.csv]\n")
        let result = try repo.postlint(["hook", "run", "--redact", "--format", "json"])
        #expect(result.status == 1)
        let pupil = try #require(try JSONDecoder().decode(JSONReport.self, from: Data(result.standardOutput.utf8)).files
            .flatMap(\.diagnostics).first { $0.ruleId == "pupil-name" })
        #expect((pupil.line, pupil.column) == (1, 14))
        #expect(!result.standardOutput.contains("Oliver") && !result.standardOutput.contains("Whitfield"))
    }
}
