import Foundation
import PostLint
import Testing

/// Every check's own examples are its first tests (as in SwiftLint): a triggering example must
/// produce exactly the marked spans, a non-triggering one nothing.
@Suite struct CheckExampleTests {
    static let checks = CheckRegistry.builtIn

    static var triggering: [ExampleCase] {
        checks.flatMap { check in check.descriptor.triggeringExamples.map { ExampleCase(ruleID: check.descriptor.id, example: $0) } }
    }

    static var nonTriggering: [ExampleCase] {
        checks.flatMap { check in check.descriptor.nonTriggeringExamples.map { ExampleCase(ruleID: check.descriptor.id, example: $0) } }
    }

    static var corrections: [CorrectionCase] {
        checks.flatMap { check in check.descriptor.corrections.map { CorrectionCase(ruleID: check.descriptor.id, correction: $0) } }
    }

    @Test func everyCheckHasExamplesOfBothKinds() {
        for check in Self.checks {
            #expect(!check.descriptor.triggeringExamples.isEmpty, "\(check.descriptor.id) has no triggering example")
            #expect(!check.descriptor.nonTriggeringExamples.isEmpty, "\(check.descriptor.id) has no non-triggering example")
        }
    }

    /// What `--fix` does is documented and tested only through corrections, so a check that offers
    /// fixes must show some, and one that does not must show none (its triggering examples prove
    /// that it attaches no fix).
    @Test func aCheckShowsCorrectionsExactlyWhenItOffersFixes() {
        for check in Self.checks {
            let descriptor = check.descriptor
            if descriptor.isFixable {
                #expect(!descriptor.corrections.isEmpty, "\(descriptor.id) offers fixes but shows no correction")
            } else {
                #expect(descriptor.corrections.isEmpty, "\(descriptor.id) shows corrections but offers no fixes")
            }
        }
    }

    @Test(arguments: triggering)
    func triggeringExampleFlagsExactlyTheMarkedSpans(_ testCase: ExampleCase) throws {
        let (text, spans) = testCase.example.unmarked
        #expect(!spans.isEmpty, "a triggering example must mark what it flags: \(testCase.example.text)")
        let diagnostics = try testCase.run(text)
        let flagged = diagnostics.map { $0.region.byteRange }
        #expect(flagged == spans, "\(testCase.ruleID): expected \(spans.map { slice(text, $0) }), got \(flagged.map { slice(text, $0) })")
        for diagnostic in diagnostics {
            #expect(diagnostic.snippet == slice(text, diagnostic.region.byteRange))
        }
        let fixable = Self.checks.first { $0.descriptor.id == testCase.ruleID }?.descriptor.isFixable ?? false
        #expect(fixable || diagnostics.allSatisfy { $0.fix == nil }, "\(testCase.ruleID) attaches a fix but is not isFixable")
    }

    @Test(arguments: nonTriggering)
    func nonTriggeringExampleFlagsNothing(_ testCase: ExampleCase) throws {
        let diagnostics = try testCase.run(testCase.example.text)
        #expect(diagnostics.isEmpty, "\(testCase.ruleID) flagged \(diagnostics.map(\.snippet)) in: \(testCase.example.text)")
    }

    @Test(arguments: corrections)
    func correctionIsWhatFixWrites(_ testCase: CorrectionCase) throws {
        #expect(testCase.correction.example.unmarked.spans.isEmpty, "a correction's draft is written without marks")
        let (result, fixed) = try testCase.fix()
        #expect(result.status == 0 || result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(fixed == testCase.correction.corrected, "\(testCase.ruleID): \(result.standardError)")
    }

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }
}

struct ExampleCase: CustomTestStringConvertible, Sendable {
    var ruleID: String
    var example: CheckExample

    var testDescription: String { "\(ruleID): \(example.text.prefix(60))" }

    /// Runs only this example's rule, on the example as a file of its format, with the example's
    /// roster (CSV text) when it has one; a roster that does not load fails the example.
    func run(_ text: String) throws -> [Diagnostic] {
        let checks = CheckRegistry.builtIn.filter { $0.descriptor.id == ruleID }
        let linter = Linter(checks: checks)
        let name = "example." + (example.format == .html ? "html" : example.format == .markdown ? "md" : "txt")
        var configuration = Configuration()
        if let yaml = example.configuration {
            let known = Set(CheckRegistry.builtIn.map(\.descriptor.id))
            configuration = try ConfigurationLoader(knownRuleIDs: known).load(text: yaml, path: "/examples/.postlint.yml")
        }
        var roster: Roster?
        if let csv = example.roster {
            let loaded = RosterLoader.load(text: csv, path: "example-roster.csv")
            #expect(loaded.problems.isEmpty, "the example's roster has problems: \(loaded.problems.map(\.message))")
            roster = loaded.roster
        }
        let report = linter.lint(text: text, path: name, format: example.format, configuration: configuration,
                                 roster: roster)
        return report.diagnostics.filter { $0.ruleID == ruleID }
    }
}
