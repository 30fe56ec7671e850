/// What a run's reports add up to, as every command's exit status: 0 passed, 1 an outstanding finding
/// at or above the fail level, 2 a draft or configuration that could not be (fully) checked.
package struct RunStatus: Sendable {
    private var hasFailingFinding = false
    private var hasError = false

    package init() {}

    package mutating func add(_ report: FileReport, failLevel: Level) {
        if report.problems.contains(where: { $0.severity == .error }) { hasError = true }
        if report.diagnostics.contains(where: { $0.isOutstanding && $0.level >= failLevel }) { hasFailingFinding = true }
    }

    package var exitCode: Int32 { hasError ? 2 : hasFailingFinding ? 1 : 0 }
}
