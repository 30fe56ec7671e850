import ArgumentParser
import PostLint
import PostLintLanguageServer

/// `postlint lsp-worker`, hidden: what `postlint lsp` starts to check documents in a separate process,
/// so that a check that traps ends the worker (restarted on the next check), never the language server.
struct LSPWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: LanguageServerWorker.subcommand,
        abstract: "Check documents sent by `postlint lsp` over standard input (started by it).",
        shouldDisplay: false)

    func run() throws {
        LanguageServerWorker.run()
    }
}
