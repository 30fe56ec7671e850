import ArgumentParser
import Foundation
import PostLint

/// `postlint roster seal FILE… --output pupils.sealed`: seals MIS exports into one file that holds
/// every name form only as an HMAC-SHA-256 under the school's key, so the roster can live in the
/// school's (often public) repository and in CI. Consent columns are read as the configuration says
/// and kept. Nothing is written when an export has errors, and an existing file is replaced only
/// when it is a sealed roster (so a slip of the arguments cannot overwrite the export itself).
struct RosterSealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Seal roster CSV exports into one file of keyed hashes (no name in clear).",
        discussion: """
            The key is read from --key-file, else POSTLINT_ROSTER_KEY, else roster-key-file: in .postlint.yml; \
            it must be at least 16 characters (make one with `openssl rand -base64 32`). Checks need the same key. \
            See docs/sealed-roster.md.
            """)

    @Argument(help: "Roster CSV files, sealed together as one roster.")
    var files: [String]

    @Option(name: .shortAndLong, help: "The sealed roster to write.")
    var output: String

    @OptionGroup var rosterOptions: RosterOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one roster CSV file") }
    }

    func run() throws {
        let options = try rosterOptions.loadOptions()
        let key: RosterKey
        switch options.key.resolve() {
        case .success(let resolved): key = resolved
        case .failure(let error):
            printError("postlint: cannot seal: \(error.message)")
            throw ExitStatus.error
        }
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        if files.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            printError("postlint: the output \(output) is one of the exports being sealed; write the sealed roster to another file")
            throw ExitStatus.error
        }
        if FileManager.default.fileExists(atPath: target), !Self.isSealedRoster(at: target) {
            printError("postlint: \(output) exists and is not a sealed roster; refusing to replace it")
            throw ExitStatus.error
        }
        let result = RosterSealer.seal(paths: files, options: options, key: key)
        for problem in result.problems {
            let position = problem.position.map { ":\($0.line)" } ?? ""
            printError("\(problem.path)\(position): \(problem.severity.rawValue): \(problem.message)")
        }
        guard let sealed = result.sealed, let statistics = result.statistics else {
            printError("postlint: nothing was sealed: fix the errors above first")
            throw ExitStatus.error
        }
        do {
            try AtomicFileWriter.write(sealed, to: output)
        } catch {
            printError("postlint: cannot write \(output): \(error)")
            throw ExitStatus.error
        }
        print("sealed \(statistics.pupils) pupils into \(output) with the key from \(key.origin)")
        print("consent: " + RosterCheckCommand.describe(statistics.consent))
        print("Commit \(output) and point roster: at it; keep the CSV exports out of the repository. "
              + "Checks need the same key (POSTLINT_ROSTER_KEY, e.g. from a CI secret, or roster-key-file:).")
    }

    /// Whether the file at `path` starts as a sealed roster does.
    private static func isSealedRoster(at path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 23)) ?? Data()
        return head == Data("postlint-sealed-roster ".utf8)
    }
}
