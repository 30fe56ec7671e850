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
