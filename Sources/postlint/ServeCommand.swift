import ArgumentParser
import Foundation
import Logging
import PostLintServer

/// `postlint serve`: the HTTP API and the staff page, with the same configuration and roster as
/// `postlint check` run in this folder.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the staff page and the HTTP API (POST /api/v1/check) on this machine.",
        discussion: """
            The log (standard error) has one line per request: method, path, status, time and sizes, \
            never a draft's content.
            """)

    @Option(help: "The address to listen on; 127.0.0.1 keeps the server to this machine.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one, printed at start).")
    var port = 8080

    @Option(help: "Use this configuration file instead of the nearest .postlint.yml from the current folder.")
    var config: String?

    @Option(help: "The largest request body accepted, in bytes (413 beyond).")
    var maxBodySize = ServerOptions().maxBodySize

    @Option(help: "The most findings a draft's report may hold (422 beyond).")
    var maxFindings = ServerOptions().maxFindings

    @Option(help: "Seconds a check request may take in all: receiving its body (408 beyond), waiting and checking (503 beyond).")
    var requestTimeout = 30.0

    @Option(help: "Seconds a connection may stay silent (idle, or before its headers are complete) before it is closed.")
    var idleTimeout = 15.0

    @Option(help: "How many large drafts are checked at once, each in a worker process (default: one per core).")
    var checkers = ServerOptions().lintConcurrency

    @Option(help: "How many check requests may wait for a worker (503 at once beyond).")
    var queueLength = ServerOptions().queueLength

    @Flag(help: "Replace matched pupils' names in responses with a placeholder (the positions stay exact).")
    var redact = false

    @Option(name: .customLong("allow-origin"),
            help: "An origin whose pages may call the API (repeatable); by default there are no CORS headers.")
    var allowedOrigins: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBodySize > 0 else { throw ValidationError("--max-body-size must be positive") }
        guard maxFindings > 0 else { throw ValidationError("--max-findings must be positive") }
        guard requestTimeout > 0, requestTimeout <= 86_400 else {
            throw ValidationError("--request-timeout must be more than 0 and at most 86400 seconds")
        }
        guard idleTimeout > 0, idleTimeout <= 86_400 else {
            throw ValidationError("--idle-timeout must be more than 0 and at most 86400 seconds")
        }
        guard (1...256).contains(checkers) else { throw ValidationError("--checkers must be between 1 and 256") }
        guard (0...100_000).contains(queueLength) else { throw ValidationError("--queue-length must be between 0 and 100000") }
    }

    func run() throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.maxBodySize = maxBodySize
        options.maxFindings = maxFindings
        options.requestTimeout = .milliseconds(Int(requestTimeout * 1000))
        options.idleTimeout = .milliseconds(Int(idleTimeout * 1000))
        options.lintConcurrency = checkers
        options.queueLength = queueLength
        options.workerExecutable = "/proc/self/exe"  // this very binary, even if replaced on disk since
        options.allowedOrigins = allowedOrigins
        let checker: DraftChecker
        do {
            checker = try DraftChecker(configPath: config, workingDirectory: FileManager.default.currentDirectoryPath,
                                        redact: redact)
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }
        for warning in checker.warnings { printError("postlint: warning: \(warning)") }
        let logger = Logger(label: "postlint") { StreamLogHandler.standardError(label: $0) }
        let host = host
        let application = try PostLintServer.application(checker: checker, options: options, logger: logger) { port in
            printError("postlint: serving http://\(host):\(port)/ (Ctrl-C to stop)")
        }
        // The server is async; the command line is not. Run it to the end (SIGINT or SIGTERM).
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await application.runService()
            } catch {
                printError("postlint: the server stopped: \(error)")
                Foundation.exit(ExitStatus.error.rawValue)
            }
            finished.signal()
        }
        finished.wait()
    }
}
