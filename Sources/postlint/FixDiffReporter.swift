import PostLint
import PostLintReporters

/// `check --fix --diff`: a unified diff of what `--fix` would change, file by file, and nothing
/// else on the output, so it can go straight to `git apply` or `patch -p1`. What cannot be fixed
/// (a Word document, a file not in UTF-8) and problems reading a draft go to standard error.
struct FixDiffReporter: Reporter {
    func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(sink: sink)
    }

    final class Stream: ReportStream {
        let sink: any ReportSink

        init(sink: any ReportSink) {
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws {}

        func file(_ report: FileReport) throws {
            for problem in report.problems {
                printError("postlint: \(LogSafePath.shown(problem.path)): \(problem.severity.rawValue): \(problem.message)")
            }
            let preview: FixApplier.Preview?
            do {
                preview = try FixApplier.preview(report)
            } catch {
                printError("postlint: \(LogSafePath.shown(report.path)): \(error.description)")
                return
            }
            guard let preview else { return }
            try sink.write(UnifiedDiff.render(original: preview.original, edits: preview.edits, path: report.path))
        }

        func end(_ summary: RunSummary) throws {}
    }
}
