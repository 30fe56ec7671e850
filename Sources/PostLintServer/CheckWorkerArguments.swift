/// The command line of a worker: `postlint serve-worker`, hidden, with what it must share with the server.
public enum CheckWorkerArguments {
    public static let subcommand = "serve-worker"

    static func make(configPath: String?, maxFindings: Int) -> [String] {
        [subcommand, "--max-findings", String(maxFindings)] + (configPath.map { ["--config", $0] } ?? [])
    }
}
