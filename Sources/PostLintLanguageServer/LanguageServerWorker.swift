import Foundation
import PostLint
import PostLintWorker

/// The hidden worker mode of `postlint lsp`: checks the documents the language server sends over
/// standard input, so a check that traps ends this process, not the editor's language server.
public enum LanguageServerWorker {
    public static let subcommand = "lsp-worker"

    /// Serves until the language server closes the pipe (or dies).
    public static func run(linter: Linter = Linter()) -> Never {
        WorkerParentWatch.start()
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        var watcher: (key: String, watcher: ConfigurationWatcher)?
        while let message = WorkerFraming.read(2, from: STDIN_FILENO),
              let request = try? decoder.decode(LSPWorkerRequest.self, from: Data(message[0])) {
            WorkerTestTrap.trapIfAsked(message[1])
            var configuration = Configuration()
            var relativePath: String?
            if let path = request.documentPath {
                let key = "\(request.configurationGeneration) \(request.workingDirectory)"
                if watcher?.key != key {
                    watcher = (key, ConfigurationWatcher(session: LintSession(linter: linter,
                                                                             workingDirectory: request.workingDirectory)))
                }
                let settings = watcher!.watcher.settings(forFile: path)
                configuration = settings.configuration
                relativePath = settings.relativePath
            }
            let report = linter.lint(text: String(decoding: message[1], as: UTF8.self), path: request.reportPath,
                                     format: request.format, configuration: configuration, relativePath: relativePath)
            let reply = (try? encoder.encode(LSPWorkerReply(diagnostics: report.diagnostics, problems: report.problems)))
                .map(Array.init) ?? []
            guard WorkerFraming.write([reply, []], to: STDOUT_FILENO) else { break }
        }
        exit(0)
    }
}
