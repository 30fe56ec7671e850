import Foundation
import PostLintTestSupport
import Testing

/// A sealed roster must find exactly what its CSV finds. Every school of the accuracy corpora and the
/// Samples, through the real binary: the folder is copied, checked with its CSV roster (SARIF and
/// JSON), the CSVs are sealed with `postlint roster seal` and deleted, `roster:` is pointed at the
/// sealed file, and the same folder is checked again. The reports must be equal byte for byte (the
/// folder is the same, so not even the roster path needs normalising).
@Suite struct SealedRosterCorpusTests {
    static let key = "correct horse battery staple 2026"

    /// Each school's folder (with its own .postlint.yml and roster), and the Samples.
    static let folders: [String] = {
        let root = PostLintProcess.packageRoot
        var folders: [String] = []
        for corpus in ["Tests/Corpus", "Tests/HoldoutCorpus"] {
            let base = root + "/" + corpus
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            for entry in entries.sorted() where FileManager.default.fileExists(atPath: "\(base)/\(entry)/.postlint.yml") {
                folders.append("\(corpus)/\(entry)")
            }
        }
        return folders + ["Samples"]
    }()

    @Test func everySchoolOfTheCorporaIsHere() {
        // Ninety-nine development schools, the held-out one and the Samples: a folder the glob above missed
        // would silently drop out of the comparison.
        #expect(Self.folders.count >= 101, "\(Self.folders)")
        #expect(Self.folders.contains("Tests/Corpus/hollins-green") && Self.folders.contains("Samples"))
    }

    @Test(arguments: folders)
    func sealedRosterGivesByteIdenticalReports(_ folder: String) throws {
        let temporary = try TemporaryFolder()
        let school = temporary.absolute("school")
        try FileManager.default.copyItem(atPath: PostLintProcess.packageRoot + "/" + folder, toPath: school)
        let environment = ["POSTLINT_ROSTER_KEY": Self.key]

        let clearSARIF = try PostLintProcess.run(["check", ".", "--format", "sarif"], in: school, environment: environment)
        let clearJSON = try PostLintProcess.run(["check", ".", "--format", "json"], in: school, environment: environment)
        #expect(clearSARIF.standardOutput.contains("\"ruleId\" : \"pupil-name\""), "the comparison must cover pupil names")

        let configPath = school + "/.postlint.yml"
        var config = try String(contentsOfFile: configPath, encoding: .utf8)
        let rosterFiles = try Self.rosterFiles(in: config)
        #expect(!rosterFiles.isEmpty)
        let seal = try PostLintProcess.run(["roster", "seal"] + rosterFiles + ["--output", "pupils.sealed"],
                                           in: school, environment: environment)
        #expect(seal.status == 0, "\(seal.standardError)")
        for file in rosterFiles { try FileManager.default.removeItem(atPath: school + "/" + file) }
        config = config.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("roster:") ? "roster: [pupils.sealed]" : String($0) }.joined(separator: "\n")
        try config.write(toFile: configPath, atomically: false, encoding: .utf8)

        let sealedSARIF = try PostLintProcess.run(["check", ".", "--format", "sarif"], in: school, environment: environment)
        let sealedJSON = try PostLintProcess.run(["check", ".", "--format", "json"], in: school, environment: environment)
        #expect(sealedSARIF.status == clearSARIF.status)
        #expect(sealedJSON.status == clearJSON.status)
        #expect(sealedSARIF.standardOutput == clearSARIF.standardOutput, "SARIF differs for \(folder)")
        #expect(sealedJSON.standardOutput == clearJSON.standardOutput, "JSON differs for \(folder)")
        // And the sealed run really used the sealed file: without the key it cannot.
        let withoutKey = try PostLintProcess.run(["check", ".", "--format", "json"], in: school,
                                                 environment: ["POSTLINT_ROSTER_KEY": ""])
        #expect(withoutKey.status == 2)
        #expect(withoutKey.standardOutput != clearJSON.standardOutput)
    }

    /// The files of the configuration's one-line `roster: [a.csv, b.csv]`.
    static func rosterFiles(in config: String) throws -> [String] {
        guard let line = config.split(separator: "\n").first(where: { $0.hasPrefix("roster:") }) else { return [] }
        let list = line.dropFirst("roster:".count).trimmingCharacters(in: CharacterSet(charactersIn: " []"))
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
