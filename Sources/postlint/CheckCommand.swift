import ArgumentParser
import Foundation
import PostLint
import PostLintReporters

/// `postlint check [PATH…]`: the main job. Folders are walked for drafts; `-` reads standard input.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts (files and folders; - for standard input).")

    @Argument(help: "Files and folders to check (default: the current folder). Use - for standard input.")
    var paths: [String] = []

    @Option(help: "Output format: \(ReportFormat.sentence) (html: a self-contained page; use with --output).")
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

    @Flag(help: "No progress line and no closing summary; findings are still printed.")
    var quiet = false

    @Flag(help: "Replace matched pupils' names in the output with a placeholder, for logs more people can read than the drafts (positions stay exact).")
    var redact = false

    @Flag(help: "Apply the safe fixes (e.g. a pupil's full name to forename only) to the drafts, atomically; the report shows what is left.")
    var fix = false

    @Option(help: "A baseline file (written by `postlint baseline`): findings recorded there are reported as known and do not fail the run.")
    var baseline: String?

    @Option(help: "Report only findings on lines changed since this git commit (staged, unstaged and untracked changes); findings about a whole draft when it changed.")
    var changedSince: String?

    @Flag(help: "With --fix: print a unified diff of what it would change instead of writing anything (for git apply or patch -p1).")
    var diff = false

    func validate() throws {
        guard failLevel != .off else { throw ValidationError("--fail-level must be error, warning or note") }
        guard !diff || fix else { throw ValidationError("--diff shows what --fix would change: use it with --fix") }
        guard !diff || format == .text else { throw ValidationError("--diff prints a diff: it takes no --format") }
        guard changedSince == nil || !paths.contains("-") else {
            throw ValidationError("--changed-since compares files in git: it cannot be used with standard input (-)")
        }
    }

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let arguments = paths.isEmpty ? ["."] : paths
        var plan = ScanPlan.collect(arguments, session: LintSession(configPath: config, workingDirectory: workingDirectory,
                                                                    failLevel: failLevel))
        let linter = plan.session.linter
        // Standard input's configuration is resolved now, so its errors are reported with the others, first.
        let stdinSettings = arguments.contains("-") ? plan.settings(forVirtualFile: stdinFilename ?? "<stdin>") : nil
        let adjustments = try ReportAdjustments(baselinePath: baseline, changedSince: changedSince,
                                                workingDirectory: workingDirectory)
        adjustments.narrow(&plan)

        // Reports are streamed: each is counted, rendered and dropped (with its source) as soon as
        // it arrives, in input order, so memory stays flat however large the batch.
        let useColor = format == .text && output == nil && color.enabled(for: FileHandle.standardOutput)
        let reporter: any Reporter = diff ? FixDiffReporter()
            : format == .text ? TextReporter(useColor: useColor, showsSummary: !quiet) : format.reporter()
        let atomicOutput: AtomicFileWriter.Stream?
        do {
            atomicOutput = try output.map { path throws(AtomicFileWriter.WriteError) in try AtomicFileWriter.Stream(path: path) }
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }
        let sink: any ReportSink = atomicOutput ?? FileDescriptorSink(descriptor: STDOUT_FILENO)
        let stream = reporter.stream(to: sink)
        let started = DispatchTime.now().uptimeNanoseconds
        let progress = ProgressMeter.make(total: plan.files.count, quiet: quiet)
        // Line formats go out file by file; findings on a terminal first lift the progress line.
        let flushesEachFile = output == nil && (format == .text || format == .github)
        let sharesTerminal = isatty(STDOUT_FILENO) != 0
        var summary = RunSummary()
        let redactor = redact ? NameRedactor(descriptors: linter.descriptors) : nil
        func emit(_ report: FileReport) throws {
            let report = redactor?.redact(report) ?? report
            summary.add(report)
            plan.session.record(report)
            try stream.file(report)
            guard flushesEachFile else { return }
            if sharesTerminal { try progress.pausing { try sink.flush() } } else { try sink.flush() }
        }

        do {
            try stream.begin(RunFacts(rules: plan.session.descriptors, workingDirectory: workingDirectory, roots: arguments,
                                      expectedFiles: plan.problemReports.count + plan.files.count,
                                      startedAt: Self.timestamp()))
            for report in plan.problemReports { try emit(report) }
            if let stdinSettings {
                try emit(adjustments.apply(checkStandardInput(linter: linter, settings: stdinSettings)))
            }
            let settings = plan.settings
            let batch = BatchLinter(linter: linter) { path in
                settings[path] ?? BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil)
            }
            var writeError: (any Error)?
            batch.run(plan.files, fileChecked: progress.fileChecked) { report in
                guard writeError == nil else { return }
                do {
                    // Fixes follow the adjusted report: with --changed-since, only changed lines are fixed.
                    let adjusted = adjustments.apply(report)
                    try emit(fix && !diff ? adjustments.apply(applyFixes(adjusted, linter: linter, settings: settings)) : adjusted)
                } catch {
                    writeError = error
                }
            }
            progress.finish()
            if let writeError { throw writeError }
            summary.elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            try stream.end(summary)
            try sink.flush()
            try atomicOutput?.commit()
        } catch {
            progress.finish()
            atomicOutput?.discard()
            printError("postlint: \(error)")
            throw ExitStatus.error
        }
        if (format != .text || diff) && !quiet {
            let useColor = color.enabled(for: FileHandle.standardError)
            FileHandle.standardError.write(Data(TextReporter(useColor: useColor).summary(summary).utf8))
        }
        throw ExitCode(plan.session.status.exitCode)
    }

    /// The run's date and time for the HTML report's heading, in UTC.
    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: Date())
    }

    /// Writes a file's fixes and checks it again, so the report shows what is left to do.
    /// A fix that cannot be written is reported as a problem with that file.
    private func applyFixes(_ report: FileReport, linter: Linter, settings: [String: BatchLinter.FileSettings]) -> FileReport {
        do {
            let outcome = try FixApplier.apply(report)
            guard outcome.applied > 0, let format = report.format else { return report }
            printError("postlint: \(report.path): applied \(outcome.applied) fix\(outcome.applied == 1 ? "" : "es")")
            let fileSettings = settings[report.path] ?? BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil)
            return linter.lintFile(at: report.path, format: format, configuration: fileSettings.configuration,
                                   relativePath: fileSettings.relativePath)
        } catch {
            var report = report
            report.problems.append(Problem(severity: .error, path: report.path, message: error.description))
            return report
        }
    }

    private func checkStandardInput(linter: Linter, settings: BatchLinter.FileSettings) -> FileReport {
        let name = stdinFilename ?? "<stdin>"
        let format = stdinFilename.flatMap(DocumentFormat.init(path:)) ?? .text
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
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
