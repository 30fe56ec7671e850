import Foundation
import PostLint

/// The drafts of one run with the configuration each is checked under, resolved up front (once per
/// folder, cached by the session) so configuration errors are reported once, before any finding.
struct ScanPlan {
    var session: LintSession
    private(set) var files: [(path: String, format: DocumentFormat)] = []
    private(set) var settings: [String: BatchLinter.FileSettings] = [:]
    /// Reports that hold only problems: missing paths, unsupported files, broken configurations.
    private(set) var problemReports: [FileReport] = []

    init(session: LintSession) {
        self.session = session
    }

    /// The drafts under `arguments` (files and folders; `-` is left to the caller), each with its
    /// configuration, and a problem for each folder that held none: what `check` and `baseline` read.
    static func collect(_ arguments: [String], session: LintSession) -> ScanPlan {
        var plan = ScanPlan(session: session)
        let fileArguments = arguments.filter { $0 != "-" }
        guard !fileArguments.isEmpty else { return plan }
        let collected = FileCollector(resolver: session.resolver).collect(fileArguments)
        plan.add(problems: collected.problems)
        for file in collected.files { plan.add(file: file) }
        plan.reportNoDrafts(arguments: fileArguments, workingDirectory: session.workingDirectory)
        return plan
    }

    /// Drops the files `keep` refuses (`--changed-since`: drafts the change did not touch).
    mutating func keepFiles(where keep: (String) -> Bool) {
        files.removeAll { !keep($0.path) }
    }

    mutating func add(problems: [Problem]) {
        for problem in problems {
            problemReports.append(FileReport(path: problem.path, format: nil, problems: [problem]))
        }
    }

    mutating func add(file: String) {
        guard let format = DocumentFormat(path: file) else { return }
        files.append((file, format))
        settings[file] = settings(forVirtualFile: file)
    }

    /// A run that found nothing to check must not pass in silence: each folder argument that gave no
    /// draft becomes a problem saying what was searched for (files named on the command line that
    /// PostLint does not read are problems already).
    mutating func reportNoDrafts(arguments: [String], workingDirectory: String) {
        guard files.isEmpty else { return }
        for argument in arguments where argument != "-" {
            var isFolder: ObjCBool = false
            let absolute = argument.hasPrefix("/") ? argument : workingDirectory + "/" + argument
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder), isFolder.boolValue else { continue }
            add(problems: [Problem(severity: .error, path: argument, message: FileCollector.noDraftsMessage)])
        }
    }

    /// The configuration for a path (which need not exist, as for `--stdin-filename`): whatever of it
    /// could be loaded. The first time a configuration is met, its problems join `problemReports`.
    mutating func settings(forVirtualFile path: String) -> BatchLinter.FileSettings {
        let fileSettings = session.settings(forFile: path)
        add(problems: session.firstProblems(of: fileSettings.configuration))
        return fileSettings
    }
}
