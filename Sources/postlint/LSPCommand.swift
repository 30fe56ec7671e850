import ArgumentParser
import PostLint

/// `postlint lsp`: a Language Server Protocol server on standard input and output, for editors.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a Language Server Protocol server over standard input and output (for editors).")

    func run() throws {
        LanguageServerStdio.run()
    }
}
