import Foundation
import PostLint
import PostLintWorker

/// The hidden worker mode of `postlint serve`: checks the drafts the server sends over standard input
/// and writes each answer to standard output, so a check that traps ends this process, not the server.
public enum CheckWorker {
    /// Serves until the server closes the pipe (or dies). A draft with more than `maxFindings` findings
    /// is refused with 422 rather than rendered (its report would be many megabytes).
    public static func run(checker: DraftChecker, maxFindings: Int) -> Never {
        WorkerParentWatch.start()
        let decoder = JSONDecoder()
        while let message = WorkerFraming.read(2, from: STDIN_FILENO) {
            let answer: (CheckWorkerReply, String)
            if let request = try? decoder.decode(CheckWorkerRequest.self, from: Data(message[0])) {
                WorkerTestTrap.trapIfAsked(message[1])
                answer = check(Draft(bytes: message[1], format: request.format, filename: request.filename),
                               sarif: request.sarif, checker: checker, maxFindings: maxFindings)
            } else {
                answer = (CheckWorkerReply(status: 500, isReport: false), "the worker could not read the request")
            }
            let header = (try? JSONEncoder().encode(answer.0)).map(Array.init) ?? []
            guard WorkerFraming.write([header, Array(answer.1.utf8)], to: STDOUT_FILENO) else { break }
        }
        exit(0)
    }

    private static func check(_ draft: Draft, sarif: Bool, checker: DraftChecker,
                              maxFindings: Int) -> (CheckWorkerReply, String) {
        let report = checker.check(draft)
        // No source means the draft could not be read at all (a damaged .docx, undecodable bytes).
        guard report.source != nil else {
            let reasons = report.problems.filter { $0.severity == .error }.map(\.message)
            return (CheckWorkerReply(status: 422, isReport: false),
                    "the draft could not be read: " + reasons.joined(separator: "; "))
        }
        guard report.diagnostics.count <= maxFindings else {
            return (CheckWorkerReply(status: 422, isReport: false),
                    "the draft has \(report.diagnostics.count) findings, more than this server's limit of \(maxFindings); check it in parts")
        }
        return (CheckWorkerReply(status: 200, isReport: true), checker.render(report, as: sarif ? .sarif : .json))
    }
}
