import ArgumentParser
import Foundation
import PostLint

/// `postlint`: checks school posts against the social media policy.
///
/// Exit status: 0 nothing at or above `--fail-level`, 1 findings, 2 usage, configuration or I/O
/// errors. ArgumentParser's own usage status (64) is mapped to 2 so scripts see one error status.
@main
struct PostLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postlint",
        abstract: "Checks school posts against the school's social media policy.",
        version: PostLintInfo.version,
        subcommands: [CheckCommand.self, BaselineCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, RosterCommand.self,
                      LSPCommand.self, HookCommand.self, ServeCommand.self,
                      ServeWorkerCommand.self, LSPWorkerCommand.self],
        defaultSubcommand: CheckCommand.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 || code.rawValue == 2 {
                exit(withError: error)
            }
            // Usage errors and anything unexpected: say what, then exit 2.
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Exit statuses shared by the subcommands.
enum ExitStatus {
    static let findings = ExitCode(1)
    static let error = ExitCode(2)
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
