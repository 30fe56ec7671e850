import PostLint
import Testing

/// A library user adds a check of their own next to the built-in ones (the example in docs/library.md).
struct NoExclamationMarks: Check {
    let descriptor = CheckDescriptor(
        id: "no-exclamation", title: "Exclamation mark", explanation: "Keep a calm tone.",
        policy: PolicyClause(section: "8", heading: "Content of Webspace",
                             text: "Staff members must respect their audience and be sensitive in the tone of language used."),
        defaultLevel: .note, help: "Use a full stop.",
        triggeringExamples: [CheckExample("Well done«!»")],
        nonTriggeringExamples: [CheckExample("Well done.")])

    func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        document.blocks.flatMap { block in
            block.tokens.filter { block.text(of: $0) == "!" }.map {
                Finding(range: block.block.sourceRange($0.range), message: "an exclamation mark")
            }
        }
    }
}

@Suite struct CustomCheckTests {
    @Test func aCustomCheckRunsBesideTheBuiltInOnes() {
        let linter = Linter(checks: CheckRegistry.builtIn + [NoExclamationMarks()])
        let report = linter.lint(text: "Well done! I think so!\n\nMrs Lee, Headteacher\n", path: "post.txt", format: .text)
        #expect(report.diagnostics.map(\.ruleID) == ["no-exclamation", "personal-opinion", "no-exclamation"])
        #expect(report.diagnostics.first?.level == .note)
        #expect(report.diagnostics.first?.region.start == SourcePosition(line: 1, column: 10))
    }

    @Test func suppressionCommentsKnowCustomRules() {
        let linter = Linter(checks: [NoExclamationMarks()])
        let report = linter.lint(text: "<!-- postlint-disable-next-line no-exclamation -->\nWell done!\n", path: "post.txt", format: .text)
        #expect(report.diagnostics.map(\.isSuppressed) == [true])
        #expect(report.problems.isEmpty)
    }
}

/// What a program that keeps drafts and rosters in memory uses (docs/library.md): a roster from bytes,
/// a fixed text, a draft's blocks.
@Test func aRosterFromBytesAFixedTextAndADraftsBlocks() throws {
    let csv = Array("Legal Surname,Legal Forename\nWhitfield,Oliver\n".utf8)
    let (roster, problems) = Roster.load(bytes: csv, path: "pupils.csv")
    #expect(problems.isEmpty)
    let loaded = try #require(roster)
    let report = Linter().lint(text: "Well done Oliver Whitfield!", path: "post.txt", format: .text, roster: loaded)
    #expect(report.diagnostics.contains { $0.ruleID == "pupil-name" })
    let fixed = try #require(report.fixedText)
    #expect(String(decoding: fixed, as: UTF8.self) == "Well done Oliver!")
    #expect(Roster.load(bytes: Array("no,names\n1,2\n".utf8)).roster == nil)

    let document = Document(reading: SourceText(path: "post.html", text: "<h1>Fair</h1><p>Fish &amp; chips</p>"), format: .html)
    #expect(document.blocks.map { String(decoding: $0.text, as: UTF8.self) } == ["Fair", "Fish & chips"])
    #expect(document.source.text(document.blocks[1].sourceRange(5..<6)) == "&amp;")
}
