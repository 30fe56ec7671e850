import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// A check with a fix, for exercising --fix without depending on a particular built-in rule.
private struct ReplaceColour: Check {
    let descriptor = CheckDescriptor(
        id: "colour", title: "Colour", explanation: "Test check.",
        policy: PolicyClause(section: "8", heading: "Content of Webspace", text: "Test."),
        defaultLevel: .error, help: "Write color.", isFixable: true)

    func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        document.blocks.flatMap { block in
            block.tokens.filter { block.normalizedText(of: $0) == "colour" }.map { token in
                let range = block.block.sourceRange(token.range)
                return Finding(range: range, message: "colour", fix: Fix(description: "use color", edits: [.init(range: range, replacement: "color")]))
            }
        }
    }
}

@Suite struct FixApplierTests {
    private let linter = Linter(checks: [ReplaceColour()])

    @Test func appliesFixesButNotToSuppressedFindings() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.txt", "Colour café colour.\n\n<!-- postlint-disable-next-line colour -->\nKeep colour here.\n")
        let report = linter.lintFile(at: path, format: .text, configuration: Configuration())
        #expect(report.diagnostics.count == 3)
        let outcome = try FixApplier.apply(report)
        #expect(outcome.applied == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "color café color.\n\n<!-- postlint-disable-next-line colour -->\nKeep colour here.\n")
    }

    @Test func keepsPermissionsAndAByteOrderMark() throws {
        let folder = try TemporaryFolder()
        let path = folder.absolute("post.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("A colour.\n".utf8)).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        let report = linter.lintFile(at: path, format: .text, configuration: Configuration())
        _ = try FixApplier.apply(report)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([0xEF, 0xBB, 0xBF] + Array("A color.\n".utf8)))
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o640)
    }

    @Test func refusesAFileThatChangedSinceItWasChecked() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("post.txt", "A colour.\n")
        let report = linter.lintFile(at: path, format: .text, configuration: Configuration())
        try "A colour, edited.\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: FixApplier.FixError.self) { try FixApplier.apply(report) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "A colour, edited.\n")
    }

    @Test func leavesNonUTF8DraftsAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.absolute("post.txt")
        let original = Data(Array("Caf".utf8) + [0xE9] + Array(" colour.\n".utf8))
        try original.write(to: URL(fileURLWithPath: path))
        let report = linter.lintFile(at: path, format: .text, configuration: Configuration())
        #expect(report.diagnostics.count == 1)
        #expect(throws: FixApplier.FixError.self) { try FixApplier.apply(report) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }
}
