import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

/// The sealed roster through the library: it opens only with its key, refuses an edited or cut file
/// as a whole, finds what the clear roster finds (the check's own examples and generated drafts),
/// and keeps consent.
@Suite struct SealedRosterTests {
    static let key = "a school secret of some length"

    /// Seals `csv` as `postlint roster seal` does (a fixture in a temporary folder) and returns the bytes.
    static func seal(_ csv: String, key: String = key, options: RosterLoadOptions = RosterLoadOptions()) throws -> [UInt8] {
        let folder = try TemporaryFolder()
        let path = try folder.write("pupils.csv", csv)
        let result = RosterSealer.seal(paths: [path], options: options, key: try RosterKey(secret: key, origin: "a test"))
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        return try #require(result.sealed)
    }

    static func open(_ sealed: [UInt8], key: String? = key, path: String = "pupils.sealed") -> RosterLoadResult {
        RosterLoader.load(bytes: sealed, path: path, options: RosterLoadOptions(key: RosterKeySource(environmentValue: key)))
    }

    static let roster = """
        Forename,Surname,Preferred Forename,Reg Group,Photo consent
        Oliver,Whitfield,Ollie,Oak,N
        Zoë,O'Brien,,Puffins,Y
        Grace,Patel,,Kingfishers,
        Will,Okonkwo-Hale,,Oak,Y
        Amara,van der Berg,,Oak,N
        Siobhán,Ní Bhriain,,Oak,
        """

    @Test func opensWithItsKeyAndKeepsCountsAndConsent() throws {
        let loaded = Self.open(try Self.seal(Self.roster))
        #expect(loaded.problems.isEmpty)
        let roster = try #require(loaded.roster)
        #expect(roster.isSealed)
        let clear = try #require(RosterLoader.load(text: Self.roster).roster)
        #expect(roster.statistics == clear.statistics)
        #expect(roster.statistics.consent == Consent.Counts(given: 2, refused: 2, unknown: 2))
    }

    @Test func withoutTheKeyItIsAnErrorNamingTheFileNeverAnEmptyRoster() throws {
        let loaded = Self.open(try Self.seal(Self.roster), key: nil, path: "/school/pupils.sealed")
        #expect(loaded.roster == nil)
        let problem = try #require(loaded.problems.first)
        #expect(problem.severity == .error && problem.path == "/school/pupils.sealed")
        #expect(problem.message.contains("POSTLINT_ROSTER_KEY") && problem.message.contains("/school/pupils.sealed"))
    }

    @Test func aWrongKeyIsRefusedAndRotationMeansResealing() throws {
        let sealedWithOld = try Self.seal(Self.roster, key: "the old key of the school")
        let rotated = Self.open(sealedWithOld, key: "the new key of the school")
        #expect(rotated.roster == nil)
        #expect(rotated.problems.first?.message.contains("sealed with another key") == true)
        #expect(rotated.problems.first?.message.contains("postlint roster seal") == true)
        let resealed = Self.open(try Self.seal(Self.roster, key: "the new key of the school"), key: "the new key of the school")
        #expect(resealed.roster != nil && resealed.problems.isEmpty)
    }

    @Test func aShortKeyIsRefused() {
        #expect(throws: RosterKeyError.self) { try RosterKey(secret: "  password1 \n", origin: "a test") }
        #expect((try? RosterKey(secret: "sixteen chars ok\n", origin: "a test")) != nil)
    }

    @Test func anEditedCutOrNewerFileIsRefusedWhole() throws {
        let sealed = try Self.seal(Self.roster)
        // A digit of the last form tag changed: the key check still passes, the MAC does not.
        var edited = sealed
        let lastLineStart = try #require(edited.dropLast().lastIndex(of: 0x0A))
        let target = try #require(edited[..<lastLineStart].dropLast().lastIndex(of: 0x0A)) + 1
        edited[target] = edited[target] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let cut = Array(sealed.prefix(sealed.count / 2))
        var newer = sealed
        newer[Array("postlint-sealed-roster ".utf8).count] = UInt8(ascii: "9")
        for (bytes, words) in [(edited, "edited or cut short"), (cut, "edited or cut short"), (newer, "format 9")] {
            let loaded = Self.open(bytes)
            #expect(loaded.roster == nil)
            #expect(loaded.problems.count == 1 && loaded.problems[0].message.contains(words), "\(loaded.problems)")
        }
    }

    @Test func twoSealsOfOneRosterShareNoTag() throws {
        let first = try Self.seal(Self.roster), second = try Self.seal(Self.roster)
        let tags = { (bytes: [UInt8]) -> Set<String> in
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n" as Character)
            let hex = Set("0123456789abcdef")
            return Set(lines.map { String($0.prefix(16)) }.filter { $0.count == 16 && $0.allSatisfy(hex.contains) })
        }
        #expect(first != second)
        #expect(tags(first).isDisjoint(with: tags(second)))
    }

    @Test func aSealedRosterMustBeTheOnlyRosterFile() throws {
        let folder = try TemporaryFolder()
        let sealed = folder.absolute("pupils.sealed")
        try Data(try Self.seal(Self.roster)).write(to: URL(fileURLWithPath: sealed))
        let csv = try folder.write("more.csv", "Forename,Surname\nAmy,Lee\n")
        let loaded = RosterLoader.load(paths: [csv, sealed], options: RosterLoadOptions(key: RosterKeySource(environmentValue: Self.key)))
        #expect(loaded.roster == nil)
        #expect(loaded.problems.first?.message.contains("only file in `roster:`") == true)
    }

    @Test func detectedByItsFirstLineWhateverItsName() throws {
        let folder = try TemporaryFolder()
        let path = folder.absolute("pupils.csv")
        try Data(try Self.seal(Self.roster)).write(to: URL(fileURLWithPath: path))
        let loaded = RosterLoader.load(paths: [path], options: RosterLoadOptions(key: RosterKeySource(environmentValue: Self.key)))
        #expect(loaded.roster?.isSealed == true)
    }

    // MARK: Same findings as the clear roster

    /// Every example of the pupil-name check (with its roster and configuration), clear and sealed:
    /// the same diagnostics, levels, messages and fixes.
    @Test func theChecksOwnExamplesGiveTheSameDiagnostics() throws {
        let descriptor = PupilNameCheck.descriptor
        var sealedRosters: [String: Roster] = [:]
        for example in descriptor.triggeringExamples + descriptor.nonTriggeringExamples {
            let csv = try #require(example.roster)
            if sealedRosters[csv] == nil { sealedRosters[csv] = try #require(Self.open(try Self.seal(csv)).roster) }
            var configuration = Configuration()
            if let yaml = example.configuration {
                let known = Set(CheckRegistry.builtIn.map(\.descriptor.id))
                configuration = try ConfigurationLoader(knownRuleIDs: known).load(text: yaml, path: "/examples/.postlint.yml")
            }
            let text = example.unmarked.text
            let clear = Self.lint(text, example.format, configuration, try #require(RosterLoader.load(text: csv).roster))
            let sealed = Self.lint(text, example.format, configuration, sealedRosters[csv]!)
            #expect(sealed == clear, "\(example.text)")
        }
    }

    /// Generated drafts: roster names in every spelling the matcher knows (case, hyphens, apostrophes,
    /// possessives, "Surname, Forename", initials, families, file names) among cue words and things.
    @Test func generatedDraftsGiveTheSameDiagnostics() throws {
        let clear = try #require(RosterLoader.load(text: Self.roster).roster)
        let sealed = try #require(Self.open(try Self.seal(Self.roster)).roster)
        let pieces = ["Oliver", "Whitfield", "Ollie", "oliver", "Zoe", "Zoë", "O'Brien", "O’Brien", "OBrien", "Grace", "Patel",
                      "Will", "Okonkwo-Hale", "Okonkwo Hale", "Amara", "van der Berg", "Siobhan", "Ní", "Bhriain", "Oak",
                      "Puffins", "the", "family", "Patels", "Whitfields", ",", ".", "W.", "well done to", "from", "Mrs",
                      "St", "scored", "(Year 4)", "and", "Summer Fair", "will", "grace", "'s", "class", "Star of the Week:"]
        var generator = SeededGenerator(seed: 20_261_206)
        var compared = 0, withFindings = 0
        for _ in 0..<400 {
            let words = (0..<Int.random(in: 3...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let sentence = words.joined(separator: " ")
            let file = words.prefix(3).joined(separator: "-").lowercased().replacingOccurrences(of: " ", with: "_")
            for (text, format) in [(sentence + ".\n", DocumentFormat.text),
                                   ("<p>\(sentence)</p><img src=\"\(file).jpg\" alt=\"\(sentence)\">", .html)] {
                let expected = Self.lint(text, format, Configuration(), clear)
                #expect(Self.lint(text, format, Configuration(), sealed) == expected, "\(text)")
                compared += 1
                if !expected.isEmpty { withFindings += 1 }
            }
        }
        #expect(withFindings > compared / 4, "the drafts must name pupils to compare anything")
    }

    /// A cell of seventy words (a slip in an export) makes a form of more tokens than the sealed
    /// file's length mask holds: it is still sealed and found.
    @Test func aFormOfMoreThanSixtyFourTokensIsFoundToo() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words: [String] = (0..<70).map { (index: Int) -> String in "K\(letters[index / 26])\(letters[index % 26])" }
        let long = words.joined(separator: " ")
        let csv = "Forename,Surname\n\(long),Whitfield\nOliver,Smith\n"
        let clear = try #require(RosterLoader.load(text: csv).roster)
        let sealed = try #require(Self.open(try Self.seal(csv)).roster)
        let text = "Well done to \(long) Whitfield and Oliver Smith.\n"
        let expected = Self.lint(text, .text, Configuration(), clear)
        #expect(expected.contains { $0.snippet == long + " Whitfield" })
        #expect(Self.lint(text, .text, Configuration(), sealed) == expected)
    }

    static func lint(_ text: String, _ format: DocumentFormat, _ configuration: Configuration, _ roster: Roster) -> [Diagnostic] {
        Linter(checks: [PupilNameCheck()])
            .lint(text: text, path: format == .html ? "post.html" : "post.txt", format: format,
                  configuration: configuration, roster: roster).diagnostics
    }
}
