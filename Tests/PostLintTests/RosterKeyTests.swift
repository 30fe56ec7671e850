import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// Where a sealed roster's key comes from, through the real binary: `POSTLINT_ROSTER_KEY` (a CI
/// secret), else `roster-key-file:` (a developer's machine, for the pre-commit hook), else
/// `--key-file` for the roster commands; and the configuration keys that set it.
@Suite struct RosterKeyTests {
    static let key = "the school's roster key"
    static let post = "Well done to Oliver Whitfield!\n\nMrs Lee, Headteacher\n"

    /// A folder with a sealed roster of one pupil, sealed with `key` from a key file.
    static func sealedFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\n")
        try folder.write("keys/roster.key", key + "\n")
        let seal = try PostLintProcess.run(["roster", "seal", "pupils.csv", "--output", "pupils.sealed", "--key-file", "keys/roster.key"],
                                           in: folder.path, environment: ["POSTLINT_ROSTER_KEY": ""])
        #expect(seal.status == 0, "\(seal.standardError)")
        #expect(seal.standardOutput.contains("the key file"))
        try FileManager.default.removeItem(atPath: folder.absolute("pupils.csv"))
        try folder.write("post.txt", post)
        return folder
    }

    @Test func theKeyFileOfTheConfigurationOpensTheRoster() throws {
        let folder = try Self.sealedFolder()
        try folder.write(".postlint.yml", "roster: [pupils.sealed]\nroster-key-file: keys/roster.key\n")
        let result = try PostLintProcess.run(["check", "post.txt"], in: folder.path, environment: ["POSTLINT_ROSTER_KEY": ""])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("“Oliver Whitfield” is a pupil's full name"))
    }

    @Test func theEnvironmentComesFirstAndAWrongKeyIsAnErrorNamingTheFile() throws {
        let folder = try Self.sealedFolder()
        try folder.write(".postlint.yml", "roster: [pupils.sealed]\nroster-key-file: keys/roster.key\n")
        let wrong = try PostLintProcess.run(["check", "post.txt"], in: folder.path,
                                            environment: ["POSTLINT_ROSTER_KEY": "another key, long enough"])
        #expect(wrong.status == 2)
        let wrongOutput = wrong.standardOutput + wrong.standardError
        #expect(wrongOutput.contains("pupils.sealed") && wrongOutput.contains("sealed with another key"))
        #expect(!wrong.standardOutput.contains("Whitfield"))
        let right = try PostLintProcess.run(["check", "post.txt"], in: folder.path, environment: ["POSTLINT_ROSTER_KEY": Self.key])
        #expect(right.status == 1)
    }

    @Test func withoutAnyKeyTheRosterIsAnErrorNotAnEmptyRoster() throws {
        let folder = try Self.sealedFolder()
        try folder.write(".postlint.yml", "roster: [pupils.sealed]\n")
        let result = try PostLintProcess.run(["check", "post.txt"], in: folder.path, environment: ["POSTLINT_ROSTER_KEY": ""])
        #expect(result.status == 2)
        let output = result.standardOutput + result.standardError
        #expect(output.contains("pupils.sealed: error: cannot open the sealed roster"))
        #expect(output.contains("POSTLINT_ROSTER_KEY"))
        let check = try PostLintProcess.run(["roster", "check", "pupils.sealed"], in: folder.path, environment: ["POSTLINT_ROSTER_KEY": ""])
        #expect(check.status == 2)
        #expect(check.standardOutput.contains("pupils: 0"))
    }

    @Test func sealRefusesToOverwriteAnExportOrToSealWithoutAKey() throws {
        let folder = try TemporaryFolder()
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\n")
        try folder.write("other.csv", "Forename,Surname\nAmy,Lee\n")
        let environment = ["POSTLINT_ROSTER_KEY": Self.key]
        let overwrite = try PostLintProcess.run(["roster", "seal", "pupils.csv", "-o", "other.csv"], in: folder.path, environment: environment)
        #expect(overwrite.status == 2 && overwrite.standardError.contains("not a sealed roster"))
        #expect(try String(contentsOfFile: folder.absolute("other.csv"), encoding: .utf8) == "Forename,Surname\nAmy,Lee\n")
        let noKey = try PostLintProcess.run(["roster", "seal", "pupils.csv", "-o", "p.sealed"], in: folder.path,
                                            environment: ["POSTLINT_ROSTER_KEY": ""])
        #expect(noKey.status == 2 && noKey.standardError.contains("POSTLINT_ROSTER_KEY"))
        #expect(!FileManager.default.fileExists(atPath: folder.absolute("p.sealed")))
        let fine = try PostLintProcess.run(["roster", "seal", "other.csv", "-o", "p.sealed"], in: folder.path, environment: environment)
        #expect(fine.status == 0)
        try folder.write("bad.csv", "Forename,Surname\n\"Oliver,Whitfield\n")
        let partial = try PostLintProcess.run(["roster", "seal", "bad.csv", "-o", "p.sealed"], in: folder.path, environment: environment)
        #expect(partial.status == 2 && partial.standardError.contains("nothing was sealed"))
    }

    @Test func configurationKeysAreChecked() throws {
        let loader = ConfigurationLoader(knownRuleIDs: Set(CheckRegistry.builtIn.map(\.descriptor.id)))
        let configuration = try loader.load(text: """
            roster-key-file: secrets/roster.key
            roster-consent:
              columns: [Publish OK]
              yes: [Granted]
            """, path: "/school/.postlint.yml")
        #expect(configuration.rosterKeyFile == "/school/secrets/roster.key")
        #expect(configuration.rosterConsent.columns == ["Publish OK"] && configuration.rosterConsent.yes == ["Granted"])
        #expect(configuration.rosterConsent.no == ConsentSettings.defaultNo)
        do {
            _ = try loader.load(text: "roster-consent:\n  colums: [Photo]\n  yes: []\n", path: "/school/.postlint.yml")
            Issue.record("a misspelt key and an empty list must be errors")
        } catch {
            let messages = error.errors.map(\.message)
            #expect(messages.contains { $0.contains("unknown key `colums`") && $0.contains("did you mean `columns`?") })
            #expect(messages.contains { $0.contains("`roster-consent.yes` needs at least one value") })
        }
    }
}
