import Foundation
import PostLint
import PostLintWorker

/// The language server's side of its worker process: a check that traps ends the worker, and the
/// document gets an error diagnostic saying so while the server goes on (the worker is restarted on
/// the next check).
struct LSPWorkerClient {
    let worker: WorkerProcess

    func report(text: String, reportPath: String, documentPath: String?, format: DocumentFormat,
                workingDirectory: String, configurationGeneration: Int, log: (String) -> Void) -> FileReport {
        let request = LSPWorkerRequest(reportPath: reportPath, documentPath: documentPath, format: format,
                                       workingDirectory: workingDirectory, configurationGeneration: configurationGeneration)
        let source = SourceText(path: reportPath, text: text)
        guard let header = try? JSONEncoder().encode(request) else { return failed(reportPath, format, source, "could not encode the request") }
        switch worker.exchange([Array(header), source.utf8], replyParts: 2) {
        case .reply(let parts):
            guard let reply = try? JSONDecoder().decode(LSPWorkerReply.self, from: Data(parts[0])) else {
                return failed(reportPath, format, source, "the worker's reply could not be read")
            }
            return FileReport(path: reportPath, format: format, diagnostics: reply.diagnostics, problems: reply.problems,
                              source: source)
        case .died(let reason):
            log("the check of a document stopped unexpectedly (worker \(reason)); the worker is restarted")
            return failed(reportPath, format, source, "the worker \(reason)")
        case .cancelled:
            return failed(reportPath, format, source, "cancelled")
        }
    }

    private func failed(_ path: String, _ format: DocumentFormat, _ source: SourceText, _ reason: String) -> FileReport {
        FileReport(path: path, format: format, problems: [
            Problem(severity: .error, path: path, position: SourcePosition(line: 1, column: 1),
                    message: "PostLint could not check this document: the check stopped unexpectedly (\(reason)). "
                        + "This is a bug in PostLint; other documents are still checked."),
        ], source: source)
    }
}
