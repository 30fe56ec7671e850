/// The command line of a worker: `postlint serve-worker`, hidden, with what it must share with the server.
public enum CheckWorkerArguments {
    public static let subcommand = "serve-worker"

    static func make(checker: DraftChecker, maxFindings: Int) -> [String] {
        [subcommand, "--working-directory", checker.workingDirectory, "--max-findings", String(maxFindings)]
            + (checker.configPath.map { ["--config", $0] } ?? []) + (checker.redactor == nil ? [] : ["--redact"])
    }
}
