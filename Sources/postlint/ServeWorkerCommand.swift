import ArgumentParser
import PostLintServer

/// `postlint serve-worker`, hidden: what `postlint serve` starts to check drafts in a separate process,
/// so that a check that traps ends a worker (which the server replaces), never the server.
struct ServeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: CheckWorkerArguments.subcommand,
        abstract: "Check drafts sent by `postlint serve` over standard input (started by the server itself).",
        shouldDisplay: false)

    @Option(help: "The server's --config.")
    var config: String?

    @Option(help: "The folder the server runs in (its configuration and roster are found from there).")
    var workingDirectory: String

    @Option(help: "The server's --max-findings.")
    var maxFindings: Int

    @Flag(help: "The server's --redact.")
    var redact = false

    func run() throws {
        let checker: DraftChecker
        do {
            checker = try DraftChecker(configPath: config, workingDirectory: workingDirectory, redact: redact)
        } catch {
            printError("postlint serve-worker: \(error)")
            throw ExitStatus.error
        }
        CheckWorker.run(checker: checker, maxFindings: maxFindings)
    }
}
