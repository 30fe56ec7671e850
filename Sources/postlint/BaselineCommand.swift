import ArgumentParser
import Foundation
import PostLint
import PostLintReporters

/// `postlint baseline PATH… --output FILE`: records the findings the drafts have now, so that a
/// school can adopt PostLint on an existing site and have `check --baseline FILE` fail only on new
/// ones. The file holds fingerprints (hashes) and rule ids only: no text of a draft, no name.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the drafts' current findings, so that `check --baseline FILE` fails only on new ones.")

    @Argument(help: "Files and folders to record (default: the current folder).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The baseline file to write (atomically), e.g. .postlint-baseline.json.")
    var output: String

    @Option(help: "Use this configuration file for every draft instead of the nearest .postlint.yml.")
    var config: String?

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let plan = ScanPlan.collect(paths.isEmpty ? ["."] : paths,
                                    session: LintSession(configPath: config, workingDirectory: workingDirectory))
        var problems = plan.problemReports.flatMap(\.problems)
        let folder = Baseline.folder(forFile: output, workingDirectory: workingDirectory)
        var entries: [Baseline.Entry] = []
        let settings = plan.settings
        BatchLinter(linter: plan.session.linter) { path in
            settings[path] ?? BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil)
        }.run(plan.files) { report in
            entries += Baseline.entries(of: report, folder: folder, workingDirectory: workingDirectory)
            problems += report.problems
        }
        for problem in problems {
            let place = problem.position.map { ":\($0.line):\($0.column)" } ?? ""
            printError("postlint: \(LogSafePath.shown(problem.path))\(place): \(problem.severity.rawValue): \(problem.message)")
        }
        guard !plan.files.isEmpty else {
            printError("postlint: no baseline written")
            throw ExitStatus.error
        }
        do {
            try AtomicFileWriter.write(Baseline.document(entries), to: output)
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }
        print("postlint: recorded \(entries.count) finding\(entries.count == 1 ? "" : "s") in \(plan.files.count) draft\(plan.files.count == 1 ? "" : "s") to \(output)")
        if problems.contains(where: { $0.severity == .error }) { throw ExitStatus.error }
    }
}
