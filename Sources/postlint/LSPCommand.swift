import ArgumentParser
import PostLint
import PostLintLanguageServer

/// `postlint lsp`: a Language Server Protocol server on standard input and output, for editors.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a Language Server Protocol server over standard input and output (for editors).",
        discussion: "Standard output carries protocol messages only; the server's log goes to standard error.")

    // Clients built on vscode-languageclient add these; stdio is the only transport, so they change nothing.
    @Flag(help: .hidden) var stdio = false
    @Option(name: .customLong("clientProcessId"), help: .hidden) var clientProcessID: Int?

    func run() throws {
        LanguageServerStdio.run(workerExecutable: "/proc/self/exe")
    }
}
