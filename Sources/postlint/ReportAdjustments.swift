import Foundation
import PostLint
import PostLintGit

/// What `--baseline` and `--changed-since` do to a run: fewer drafts to check (only those the
/// change touched) and, for each report, findings marked as known from the baseline and those off
/// the changed lines dropped. Shared by `check` and `hook run`.
struct ReportAdjustments {
    var baseline: Baseline?
    var changes: ChangedLines?
    /// What report paths are relative to.
    var workingDirectory: String
    /// For the notice when no draft changed.
    var changedSince: String?

    init(baseline: Baseline? = nil, changes: ChangedLines? = nil, workingDirectory: String) {
        self.baseline = baseline
        self.changes = changes
        self.workingDirectory = workingDirectory
    }

    /// Reads the baseline and asks git for the changes; either failing is a usage error (exit 2),
    /// reported before anything is checked.
    init(baselinePath: String?, changedSince: String?, workingDirectory: String) throws {
        self.init(workingDirectory: workingDirectory)
        self.changedSince = changedSince
        if let baselinePath {
            do {
                baseline = try Baseline(contentsOf: baselinePath, workingDirectory: workingDirectory)
            } catch {
                printError("postlint: \(error.description)")
                throw ExitStatus.error
            }
        }
        if let changedSince {
            do {
                changes = try ChangedLines.since(changedSince, in: workingDirectory)
            } catch let failure as Git.Failure {
                let reason = failure.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
                printError("postlint: --changed-since \(changedSince): \(reason.isEmpty ? failure.description : reason)")
                throw ExitStatus.error
            }
        }
    }

    /// Leaves out the drafts the change did not touch: they need not even be read.
    func narrow(_ plan: inout ScanPlan) {
        guard let changes else { return }
        let before = plan.files.count
        plan.keepFiles { changes.contains($0, workingDirectory: workingDirectory) }
        if before > 0, plan.files.isEmpty, let changedSince {
            printError("postlint: none of the \(before) draft\(before == 1 ? "" : "s") changed since \(changedSince)")
        }
    }

    /// The report as shown: baseline first (it counts occurrences over every finding of the file),
    /// then only the findings on changed lines.
    func apply(_ report: FileReport) -> FileReport {
        var report = report
        if let baseline { report = baseline.mark(report, workingDirectory: workingDirectory) }
        if let changes { report = changes.filter(report, workingDirectory: workingDirectory) }
        return report
    }
}
