import ArgumentParser
import Foundation
import PostLint

/// `postlint check [PATH…]`: the main job. Folders are walked for drafts; `-` reads standard input.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts (files and folders; - for standard input).")

    @Argument(help: "Files and folders to check (default: the current folder). Use - for standard input.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Use this configuration file for every draft instead of the nearest .postlint.yml.")
    var config: String?

    @Option(help: "Lowest level that makes the exit status 1: error, warning or note.")
    var failLevel: Level = .error

    @Option(help: "The name of the draft read from standard input (its extension picks the format).")
    var stdinFilename: String?

    @Option(help: "Colour in text output: auto, always or never (NO_COLOR is honoured by auto).")
    var color: ColorChoice = .auto

    @Flag(help: "Apply the safe fixes (e.g. a pupil's full name to forename only) to the drafts, atomically; the report shows what is left.")
    var fix = false

    func validate() throws {
        guard failLevel != .off else { throw ValidationError("--fail-level must be error, warning or note") }
    }

    func run() throws {
        let linter = Linter()
        let workingDirectory = FileManager.default.currentDirectoryPath
        let resolver = ConfigurationResolver(
            loader: ConfigurationLoader(knownRuleIDs: Set(linter.descriptors.map(\.id))),
            explicitPath: config, workingDirectory: workingDirectory)
        var plan = ScanPlan(resolver: resolver)

        let arguments = paths.isEmpty ? ["."] : paths
        let fileArguments = arguments.filter { $0 != "-" }
        if !fileArguments.isEmpty {
            let collected = FileCollector(resolver: resolver).collect(fileArguments)
            plan.add(problems: collected.problems)
            for file in collected.files { plan.add(file: file) }
        }

        var reports: [FileReport] = []
        if arguments.contains("-") {
            reports.append(checkStandardInput(linter: linter, plan: &plan))
        }
        let settings = plan.settings
        let batch = BatchLinter(linter: linter) { path in
            settings[path] ?? BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil)
        }
        var fixProblems: [Problem] = []
        batch.run(plan.files) { report in
            guard fix else { return reports.append(report) }
            reports.append(applyFixes(report, linter: linter, settings: settings, problems: &fixProblems))
        }
        plan.add(problems: fixProblems)

        let run = RunReport(rules: linter.descriptors, files: plan.problemReports + reports, workingDirectory: workingDirectory)
        let useColor = format == .text && output == nil && color.enabled(for: FileHandle.standardOutput)
        let rendered = format.reporter(useColor: useColor).render(run)
        if let output {
            do {
                try AtomicFileWriter.write(rendered, to: output)
            } catch {
                printError("postlint: \(error)")
                throw ExitStatus.error
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        throw exitStatus(run.files)
    }

    /// 2 when anything could not be read or configured, else 1 when an unsuppressed finding is at or
    /// above the fail level, else 0.
    private func exitStatus(_ reports: [FileReport]) -> ExitCode {
        if reports.contains(where: { $0.problems.contains { $0.severity == .error } }) { return ExitStatus.error }
        let failing = reports.contains { report in
            report.diagnostics.contains { !$0.isSuppressed && $0.level >= failLevel }
        }
        return failing ? ExitStatus.findings : .success
    }

    /// Writes a file's fixes and checks it again, so the report shows what is left to do.
    private func applyFixes(_ report: FileReport, linter: Linter, settings: [String: BatchLinter.FileSettings],
                            problems: inout [Problem]) -> FileReport {
        do {
            let outcome = try FixApplier.apply(report)
            guard outcome.applied > 0, let format = report.format else { return report }
            printError("postlint: \(report.path): applied \(outcome.applied) fix\(outcome.applied == 1 ? "" : "es")")
            let fileSettings = settings[report.path] ?? BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil)
            return linter.lintFile(at: report.path, format: format, configuration: fileSettings.configuration,
                                   relativePath: fileSettings.relativePath)
        } catch {
            problems.append(Problem(severity: .error, path: report.path, message: error.description))
            return report
        }
    }

    private func checkStandardInput(linter: Linter, plan: inout ScanPlan) -> FileReport {
        let name = stdinFilename ?? "<stdin>"
        let format = stdinFilename.flatMap(DocumentFormat.init(path:)) ?? .text
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let settings = plan.settings(forVirtualFile: name)
        return linter.lint(bytes: bytes, path: name, format: format, configuration: settings.configuration,
                           relativePath: settings.relativePath)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension Level: ExpressibleByArgument {}

/// `--color`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(for handle: FileHandle) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isatty(handle.fileDescriptor) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }
}
