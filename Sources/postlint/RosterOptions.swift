import ArgumentParser
import Foundation
import PostLint

/// The options `roster check` and `roster seal` share: where consent columns and the key are set.
/// The nearest .postlint.yml from the current folder (or `--config`) gives `roster-consent:` and
/// `roster-key-file:`; `--key-file` overrides both the configuration and `POSTLINT_ROSTER_KEY`.
struct RosterOptions: ParsableArguments {
    @Option(help: "The configuration whose roster-consent: and roster-key-file: apply (default: the nearest .postlint.yml).")
    var config: String?

    @Option(help: "A file holding the roster key (default: POSTLINT_ROSTER_KEY, then roster-key-file: in the configuration).")
    var keyFile: String?

    /// The load options, or an exit after printing the configuration's errors (a consent column
    /// misnamed there would be read wrongly, so nothing goes ahead on a broken configuration).
    func loadOptions() throws -> RosterLoadOptions {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let session = LintSession(configPath: config, workingDirectory: workingDirectory)
        let configuration: Configuration
        do {
            configuration = try session.resolver.configuration(forFolder: workingDirectory)
        } catch {
            for message in error.errors { printError(message.description) }
            throw ExitStatus.error
        }
        var options = RosterLoadOptions(configuration: configuration, environment: ProcessInfo.processInfo.environment)
        if let keyFile {
            options.key = RosterKeySource(
                keyFile: URL(fileURLWithPath: keyFile, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL.path)
        }
        return options
    }
}
