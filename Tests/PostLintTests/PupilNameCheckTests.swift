import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

@Suite struct PupilNameCheckTests {
    static let roster: Roster = {
        let csv = """
            Legal Forename,Legal Surname,Preferred Forename,Year
            Oliver,Whitfield,Ollie,3
            Zoë,O'Brien,,4
            Grace,Patel,,2
            Will,Okonkwo-Hale,,5
            Amara,van der Berg,,6
            Siobhán,Ní Bhriain,,1
            May,Cook,,R
            Jo,Li,,2
            Hiddenname,Secretsurname,,6
            """
        return RosterLoader.load(text: csv).roster!
    }()

    struct Flag: Equatable, CustomStringConvertible {
        var text: String
        var level: Level
        var description: String { "\(text) (\(level))" }
    }

    private func lint(_ text: String, configuration: Configuration = Configuration()) -> [Diagnostic] {
        Linter(checks: [PupilNameCheck()])
            .lint(text: text, path: "post.txt", format: .text, configuration: configuration, roster: Self.roster).diagnostics
    }

    private func flags(_ text: String) -> [Flag] {
        lint(text).map { Flag(text: $0.snippet, level: $0.level) }
    }

    /// Runs the check on hand-built blocks (until the real readers arrive) with the given kinds.
    private func findings(_ blocks: [(ProseKind, String)]) -> [(String, Finding)] {
        var whole = ""
        var textBlocks: [TextBlock] = []
        for (kind, text) in blocks {
            var builder = TextBlockBuilder(kind: kind)
            builder.appendVerbatim(Array(text.utf8), sourceStart: whole.utf8.count)
            textBlocks.append(builder.finish())
            whole += text + "\n"
        }
        var document = Document(source: SourceText(path: "post.html", text: whole), format: .html)
        document.blocks = textBlocks
        let found = PupilNameCheck().inspect(AnalyzedDocument(document), context: CheckContext(configuration: Configuration(), roster: Self.roster))
        let bytes = Array(whole.utf8)
        return found.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0) }
    }

    @Test func fullNamesAndSurnameCommaForenameAreErrors() {
        #expect(flags("Well done Oliver Whitfield and Whitfield, Oliver.") == [
            Flag(text: "Oliver Whitfield", level: .error), Flag(text: "Whitfield, Oliver", level: .error)])
        #expect(flags("Ollie Whitfield read a poem.") == [Flag(text: "Ollie Whitfield", level: .error)])
    }

    @Test func initialsForenamesAndFamiliesAreWarnings() {
        #expect(flags("Thanks to Oliver W. and Zoe O for helping.") == [
            Flag(text: "Oliver W.", level: .warning), Flag(text: "Zoe O", level: .warning)])
        #expect(flags("Star of the week: Oliver!") == [Flag(text: "Oliver", level: .warning)])
        #expect(flags("Thank you to the Patel family and the Okonkwo-Hale twins.") == [
            Flag(text: "Patel", level: .warning), Flag(text: "Okonkwo-Hale", level: .warning)])
    }

    @Test func diacriticsApostrophesHyphensAndMultiWordSurnames() {
        #expect(flags("Zoe O’Brien, ZOË O'BRIEN and zoë o'brien.").map(\.text) == ["Zoe O’Brien", "ZOË O'BRIEN"])
        #expect(flags("Will Okonkwo Hale and Will Okonkwo-Hale.").map(\.text) == ["Will Okonkwo Hale", "Will Okonkwo-Hale"])
        #expect(flags("Amara Van Der Berg met Siobhan Ni Bhriain.").map(\.text) == ["Amara Van Der Berg", "Siobhan Ni Bhriain"])
    }

    @Test func possessivesAreNotPartOfTheName() {
        #expect(flags("Oliver Whitfield's model and Oliver’s drawing.").map(\.text) == ["Oliver Whitfield", "Oliver"])
        #expect(flags("Oliver's Lego castle won.").map(\.text) == ["Oliver"])
    }

    @Test(arguments: [
        "Mrs Patel and Mr. Whitfield ran the trip.",
        "Mr and Mrs Whitfield came to assembly.",
        "Miss Grace Patel teaches Year 2.",
        "We read Oliver Twist and met Grace Darling.",
        "Our chefs used Jamie Oliver's recipes.",
        "Please say grace. The children will cook.",
        "Will you come? May I ask you to help?",
        "Term ends in May. The trip is on 12 May 2026, and May 13 is a holiday.",
        "Grace and courtesy matter.",
        "The Rose Garden and the Summer Fair are open.",
        "Jo said it was fine. JO and Li went.",
        "The Whitfield Centre and Patel's Newsagent sponsor us.",
        "Summer Term News From May Class",
    ])
    func trapsAreNotFlagged(_ text: String) {
        #expect(flags(text).isEmpty, "\(flags(text))")
    }

    @Test func commonWordNamesAreStillNamesWhereOnlyANameFits() {
        #expect(flags("Prizes went to Grace and May.").map(\.text) == ["Grace", "May"])
        #expect(flags("Grace Patel and May Cook sang.").map(\.text) == ["Grace Patel", "May Cook"])
        #expect(flags("Will Okonkwo-Hale? Yes.").map(\.text) == ["Will Okonkwo-Hale"])
    }

    @Test func namesInQuotationsAreStillNames() {
        #expect(flags("“Oliver was brilliant,” said Mrs Patel. ‘Ask Zoë O’Brien.’").map(\.text) == ["Oliver", "Zoë O’Brien"])
    }

    @Test func fixesKeepTheForenameAsWritten() {
        let text = "Well done Ollie Whitfield, Whitfield, Oliver and Zoe O. today. Well done Oliver W."
        let diagnostics = lint(text)
        #expect(diagnostics.filter { $0.fix != nil }.count == 4)
        let fixed = FixApplier.fixedText(SourceText(path: "post.txt", text: text), diagnostics: diagnostics).bytes
        #expect(String(decoding: fixed, as: UTF8.self) == "Well done Ollie, Oliver and Zoe today. Well done Oliver.")
        #expect(lint("Star of the week: Oliver!").first?.fix == nil)
    }

    @Test func configuredReplacementIsCapitalisedAtASentenceStart() {
        var configuration = Configuration()
        configuration.pupils.replacement = .text("a pupil")
        let text = "Oliver Whitfield won. We thank Oliver Whitfield's family."
        let diagnostics = lint(text, configuration: configuration)
        let fixed = FixApplier.fixedText(SourceText(path: "post.txt", text: text), diagnostics: diagnostics).bytes
        #expect(String(decoding: fixed, as: UTF8.self) == "A pupil won. We thank a pupil's family.")
    }

    @Test func altTextIsOneLevelMoreSevere() {
        let found = findings([(.paragraph, "Well done Oliver!"), (.imageAlt, "Oliver holding his certificate"),
                              (.imageAlt, "Oliver Whitfield and Grace")])
        #expect(found.map(\.0) == ["Oliver", "Oliver", "Oliver Whitfield", "Grace"])
        #expect(found.map { $0.1.level } == [.warning, nil, nil, nil])
        #expect(found.map { $0.1.raisesLevel } == [false, true, true, true])
        #expect(found[1].1.message.contains("alt text"))
    }

    @Test(arguments: ["oliver-whitfield.jpg", "oliver_whitfield.png", "OliverWhitfield.png", "whitfield-oliver.jpg",
                      "IMG_2024_Oliver_Whitfield_2.jpeg", "oliverwhitfield.jpg", "zoe-obrien.jpg", "will-okonkwo-hale.jpg"])
    func fullNamesInFileNamesAreRaisedWithoutAFix(_ name: String) {
        let found = findings([(.imageFileName, name)])
        #expect(found.count == 1, "\(name)")
        #expect(found.first?.1.raisesLevel == true && found.first?.1.fix == nil)
    }

    /// A forename that is also a word names the thing (`grace-garden.png`); one that is not, or one
    /// beside another pupil's name, is the child in the photo.
    @Test(arguments: ["grace-garden.png", "summer-fair-2024.jpg", "class-photo.jpg", "may-day.jpg"])
    func forenamesThatAreWordsInFileNamesAreNotFlagged(_ name: String) {
        #expect(findings([(.imageFileName, name)]).isEmpty)
    }

    @Test(arguments: [("oliver.jpg", "oliver"), ("oliver-medal.jpg", "oliver"), ("rangoli-grace-oliver.jpg", "grace"),
                      ("jo-kick-net.jpg", nil)])
    func forenamesThatAreNamesInFileNamesAreRaised(_ name: String, first: String?) {
        let found = findings([(.imageFileName, name)])
        #expect(found.first?.0 == first, "\(name)")
        #expect(found.allSatisfy { $0.1.raisesLevel && $0.1.fix == nil })
    }

    @Test func messagesNeverMentionRosterDataNotInTheText() {
        let text = "Oliver W., Oliver, the Patel family, Grace Patel, Whitfield, Oliver and Jo went."
        let diagnostics = lint(text)
        #expect(diagnostics.count >= 5)
        for diagnostic in diagnostics {
            for secret in ["Hiddenname", "Secretsurname", "Whitfield", "Ollie", "Year", "3", "O'Brien", "Okonkwo"]
            where !diagnostic.snippet.contains(secret) {
                #expect(!diagnostic.message.contains(secret), "\(diagnostic.message)")
                #expect(!(diagnostic.fix?.description.contains(secret) ?? false))
            }
        }
    }

    @Test func noRosterNoFindings() {
        let report = Linter(checks: [PupilNameCheck()]).lint(text: "Oliver Whitfield", path: "p.txt", format: .text)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func linterLoadsTheConfiguredRosterOnceAndReportsItsProblemsOnce() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\nAmy\n")
        var configuration = Configuration()
        configuration.roster = [path]
        let linter = Linter(checks: [PupilNameCheck()])
        let first = linter.lint(text: "Oliver Whitfield", path: "a.txt", format: .text, configuration: configuration)
        let second = linter.lint(text: "Oliver Whitfield", path: "b.txt", format: .text, configuration: configuration)
        #expect(first.diagnostics.count == 1 && second.diagnostics.count == 1)
        #expect(first.problems.map { $0.position?.line } == [3])
        #expect(second.problems.isEmpty)
    }
}
