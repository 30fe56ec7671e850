import Dispatch

/// Checks many files on all cores and hands the reports back in the order the files were given.
///
/// Files are processed in windows: each window is checked in parallel, then its reports are passed
/// on in order and dropped, so memory holds one window of documents however large the batch is.
public struct BatchLinter: Sendable {
    /// The configuration for one file, the file's path relative to that configuration's folder, and
    /// any problem with the configuration itself (reported with the file, once per configuration).
    public struct FileSettings: Sendable {
        public var configuration: Configuration
        public var relativePath: String?

        public init(configuration: Configuration, relativePath: String?) {
            self.configuration = configuration
            self.relativePath = relativePath
        }
    }

    public let linter: Linter
    public let settings: @Sendable (String) -> FileSettings
    /// How many files are checked in parallel before their reports are handed on.
    public var windowSize: Int

    public init(linter: Linter, windowSize: Int = 256, settings: @escaping @Sendable (String) -> FileSettings) {
        self.linter = linter
        self.settings = settings
        self.windowSize = max(1, windowSize)
    }

    /// Checks `files` (path and format), calling `report` with each file's report in input order.
    /// `fileChecked`, when given, is called on a worker thread as each file is done (for progress).
    public func run(_ files: [(path: String, format: DocumentFormat)], fileChecked: (@Sendable () -> Void)? = nil,
                    report: (FileReport) -> Void) {
        var start = 0
        while start < files.count {
            let window = Array(files[start..<min(files.count, start + windowSize)])
            let slots = ReportSlots(count: window.count)
            let linter = linter
            let settings = settings
            DispatchQueue.concurrentPerform(iterations: window.count) { index in
                let file = window[index]
                let fileSettings = settings(file.path)
                slots.store(linter.lintFile(at: file.path, format: file.format, configuration: fileSettings.configuration,
                                            relativePath: fileSettings.relativePath), at: index)
                fileChecked?()
            }
            for index in window.indices { report(slots.take(index)) }
            start += window.count
        }
    }
}

/// One slot per file of a window; each slot is written by exactly one worker and read after all
/// workers have finished, so no lock is needed.
private final class ReportSlots: @unchecked Sendable {
    private var reports: [FileReport?]

    init(count: Int) { reports = Array(repeating: nil, count: count) }

    func store(_ report: FileReport, at index: Int) {
        reports.withUnsafeMutableBufferPointer { $0[index] = report }
    }

    func take(_ index: Int) -> FileReport {
        let report = reports[index]!
        reports[index] = nil
        return report
    }
}
