import ArgumentParser
import Foundation
import PostLint

/// `postlint roster`: tools for the roster files named by `roster:` in `.postlint.yml`.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Check and seal roster CSV exports (counts and problems only; names are never printed).",
        subcommands: [RosterCheckCommand.self, RosterSealCommand.self])
}

/// `postlint roster check FILE…`: loads roster files as a check run would and reports what was read:
/// counts (of pupils by consent state too), the columns recognised, and problems with file and line.
/// A sealed roster is opened with its key, so this also tells whether the key fits. It never prints
/// a name, so its output can be pasted into a support request. Exit status 2 when a roster has errors.
///
/// Hidden options for measuring: `--timing` prints how long loading took; `--scan DRAFT` also times
/// the `pupil-name` check over DRAFT (`--repeat N` times), to compare small and large rosters.
struct RosterCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load roster CSV files and report counts and problems, never names.")

    @Argument(help: "Roster CSV files, loaded together as one roster (or one sealed roster).")
    var files: [String]

    @OptionGroup var rosterOptions: RosterOptions

    @Flag(help: .hidden)
    var timing = false

    @Option(help: .hidden)
    var scan: String?

    @Option(name: .customLong("repeat"), help: .hidden)
    var repetitions = 50

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one roster CSV file") }
    }

    func run() throws {
        let clock = ContinuousClock()
        var result: RosterLoadResult!
        let options = try rosterOptions.loadOptions()
        let loading = clock.measure { result = RosterLoader.load(paths: files, options: options) }
        for file in result.files {
            if file.isSealed {
                print("\(file.path): sealed roster\(result.roster == nil ? "" : ", opened with the key")")
                continue
            }
            print("\(file.path): \(file.rows) rows, \(file.delimiter)-separated, \(file.encoding)")
            print("  columns recognised: \(file.columns.isEmpty ? "none" : file.columns.joined(separator: ", "))")
        }
        if let statistics = result.roster?.statistics {
            print("pupils: \(statistics.pupils)")
            print("distinct forenames: \(statistics.distinctForenames)")
            print("distinct surnames: \(statistics.distinctSurnames)")
            print("duplicates merged: \(statistics.duplicates)")
            print("consent: " + Self.describe(statistics.consent))
        } else {
            print("pupils: 0")
        }
        for problem in result.problems {
            let position = problem.position.map { ":\($0.line)" } ?? ""
            printError("\(problem.path)\(position): \(problem.severity.rawValue): \(problem.message)")
        }
        if timing { print("load time: \(Self.milliseconds(loading)) ms") }
        if let scan, let roster = result.roster { try measureScan(of: scan, with: roster) }
        if result.hasErrors { throw ExitStatus.error }
    }

    private func measureScan(of path: String, with roster: Roster) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let format = DocumentFormat(path: path) ?? .text
        let document = AnalyzedDocument(DocumentReader.read(SourceText(path: path, utf8: bytes), format: format))
        let check = PupilNameCheck()
        let context = CheckContext(configuration: Configuration(), roster: roster)
        var findings = 0
        _ = check.inspect(document, context: context)  // warm up
        let elapsed = ContinuousClock().measure {
            for _ in 0..<max(1, repetitions) { findings = check.inspect(document, context: context).count }
        }
        let tokens = document.blocks.reduce(0) { $0 + $1.tokens.count }
        print("scan: \(tokens) tokens, \(findings) findings, \(Self.milliseconds(elapsed / max(1, repetitions))) ms per scan "
              + "(mean of \(max(1, repetitions)))")
    }

    /// Pupils by consent state (counts only, never who).
    static func describe(_ consent: Consent.Counts?) -> String {
        guard let consent else { return "no consent column (today's levels apply)" }
        return "\(consent.given) given, \(consent.refused) refused, \(consent.unknown) not recorded"
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
