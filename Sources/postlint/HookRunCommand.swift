import ArgumentParser
import Foundation
import PostLint
import PostLintGit
import PostLintReporters

/// `postlint hook run`: what the installed hook runs. Reads the staged drafts from the index with one
/// `git cat-file --batch`, finds each one's configuration from its folder in the working tree, and
/// reports paths as in the repository.
struct HookRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check the staged content of the staged drafts (what the installed hook runs).")

    @Option(help: "Lowest level that makes the exit status 1: error, warning or note.")
    var failLevel: Level = .error

    @Option(help: "Output format: \(ReportFormat.sentence).")
    var format: ReportFormat = .text

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Replace matched pupils' names in the output with a placeholder (positions stay exact).")
    var redact = false

    @Flag(help: "Report findings on every line of the staged drafts, not only on the lines this commit changes.")
    var allLines = false

    @Option(help: "A baseline file (written by `postlint baseline`): findings recorded there do not block the commit.")
    var baseline: String?

    func validate() throws {
        guard failLevel != .off else { throw ValidationError("--fail-level must be error, warning or note") }
    }

    func run() throws {
        let staged: (topLevel: String, drafts: [StagedDraft])
        do {
            staged = try StagedDrafts.load(from: FileManager.default.currentDirectoryPath)
        } catch {
            printError("postlint: could not read the staged files: \(error)")
            throw ExitStatus.error
        }
        guard !staged.drafts.isEmpty else { return }
        // Only what this commit changes is reported, unless --all-lines: an old post's findings
        // must not block a commit that fixes a typo elsewhere in it.
        let adjustments: ReportAdjustments
        do {
            adjustments = ReportAdjustments(
                baseline: try baseline.map { try Baseline(contentsOf: $0, workingDirectory: FileManager.default.currentDirectoryPath) },
                changes: allLines ? nil : try ChangedLines.staged(inTopLevel: staged.topLevel),
                workingDirectory: staged.topLevel)
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }

        // Each staged draft's configuration is found from its folder in the working tree; their
        // errors, roster problems and the checks they leave undone come first.
        var plan = ScanPlan(session: LintSession(workingDirectory: staged.topLevel, failLevel: failLevel))
        var drafts: [StagedDraft] = []
        var settings: [String: BatchLinter.FileSettings] = [:]
        for draft in staged.drafts {
            let draftSettings = plan.settings(forVirtualFile: draft.path)
            guard !plan.session.isIgnored(draftSettings) else { continue }
            drafts.append(draft)
            settings[draft.path] = draftSettings
        }

        // Streamed like `check`: each report is written as it comes and dropped.
        let linter = plan.session.linter
        let redactor = redact ? NameRedactor(descriptors: linter.descriptors) : nil
        let useColor = format == .text && color.enabled(for: FileHandle.standardOutput)
        let sink = FileDescriptorSink(descriptor: STDOUT_FILENO)
        let stream = format.reporter(useColor: useColor).stream(to: sink)
        var summary = RunSummary()
        func emit(_ report: FileReport) throws {
            summary.add(report)
            plan.session.record(report)
            try stream.file(report)
        }
        do {
            try stream.begin(RunFacts(rules: plan.session.descriptors, workingDirectory: staged.topLevel,
                                      expectedFiles: plan.problemReports.count + drafts.count))
            for report in plan.problemReports { try emit(report) }
            let settings = settings
            let batch = BatchLinter(linter: linter) { path in
                settings[path] ?? BatchLinter.FileSettings(configuration: Configuration(), relativePath: nil)
            }
            let work = drafts
            var writeError: (any Error)?
            batch.run(count: work.count, check: { index in
                let draft = work[index]
                let draftSettings = batch.settings(draft.path)
                return batch.linter.lint(bytes: draft.bytes, path: draft.path, format: draft.format,
                                         configuration: draftSettings.configuration, relativePath: draftSettings.relativePath)
            }) { report in
                guard writeError == nil else { return }
                let adjusted = adjustments.apply(report)
                do {
                    try emit(redactor?.redact(adjusted) ?? adjusted)
                } catch {
                    writeError = error
                }
            }
            if let writeError { throw writeError }
            try stream.end(summary)
            try sink.flush()
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }
        let status = ExitCode(plan.session.status.exitCode)
        if status != .success {
            printError("postlint: commit blocked: fix the drafts (or the configuration) above and stage the fixes "
                       + "(git add), or commit with --no-verify to skip this check once.")
        }
        throw status
    }
}
