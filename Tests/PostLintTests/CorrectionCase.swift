import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// One check's correction, run the way a school runs it: the draft, its `.postlint.yml` and roster
/// written to a folder, and the real `postlint check --fix` on it.
struct CorrectionCase: CustomTestStringConvertible, Sendable {
    var ruleID: String
    var correction: CheckCorrection

    var testDescription: String { "\(ruleID): \(correction.example.text.prefix(60))" }

    /// Runs `--fix` with only this rule turned on and returns the run and the draft as it was left.
    func fix() throws -> (PostLintProcess.Result, String) {
        let folder = try TemporaryFolder()
        let example = correction.example
        var configuration = (example.configuration.map { $0 + "\n" } ?? "") + "rules:\n"
        for id in CheckRegistry.builtIn.map(\.descriptor.id) where id != ruleID { configuration += "  \(id): off\n" }
        if let roster = example.roster {
            try folder.write("pupils.csv", roster)
            configuration += "roster: [pupils.csv]\n"
        }
        try folder.write(".postlint.yml", configuration)
        let name = "draft." + (example.format == .html ? "html" : example.format == .markdown ? "md" : "txt")
        let draft = try folder.write(name, example.text)
        let result = try PostLintProcess.run(["check", "--fix", "--color", "never", name], in: folder.path)
        return (result, try String(contentsOfFile: draft, encoding: .utf8))
    }
}
