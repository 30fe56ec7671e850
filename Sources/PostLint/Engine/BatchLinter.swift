import Dispatch
import Foundation
import Synchronization

/// Checks many files on all cores and hands the reports back in the order the files were given.
///
/// It is a pipeline, not a series of batches: one worker per core takes the next file as soon as it
/// is free, while the caller's thread hands finished reports on in order. Workers may run at most
/// `windowSize` files ahead of the report being handed on, so memory holds a bounded number of
/// documents however large the batch is, and no core waits at a batch boundary for one slow file.
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
    /// How many files may be checked ahead of the report being handed on.
    public var windowSize: Int
    /// How many files are checked at once (default: the number of active cores).
    public var workerCount: Int

    public init(linter: Linter, windowSize: Int = 256, workerCount: Int = BatchLinter.activeCores,
                settings: @escaping @Sendable (String) -> FileSettings) {
        self.linter = linter
        self.settings = settings
        self.windowSize = max(1, windowSize)
        self.workerCount = max(1, workerCount)
    }

    /// The number of cores this process may use.
    public static var activeCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Checks `files` (path and format), calling `report` with each file's report in input order.
    /// `fileChecked`, when given, is called on a worker thread as each file is done (for progress).
    public func run(_ files: [(path: String, format: DocumentFormat)], fileChecked: (@Sendable () -> Void)? = nil,
                    report: (FileReport) -> Void) {
        let linter = linter
        let settings = settings
        run(count: files.count, fileChecked: fileChecked, check: { index in
            let file = files[index]
            let fileSettings = settings(file.path)
            return linter.lintFile(at: file.path, format: file.format, configuration: fileSettings.configuration,
                                   relativePath: fileSettings.relativePath)
        }, report: report)
    }

    /// Checks `count` drafts that need not be files on disk (`hook run`'s staged content): `check`
    /// makes draft `index`'s report on a worker thread, and `report` gets them in input order.
    package func run(count: Int, fileChecked: (@Sendable () -> Void)? = nil,
                     check: @escaping @Sendable (Int) -> FileReport, report: (FileReport) -> Void) {
        guard count > 0 else { return }
        let queue = OrderedReports(capacity: min(windowSize, count), fileCount: count)
        let workers = DispatchGroup()
        for _ in 0..<min(workerCount, count) {
            DispatchQueue.global().async(group: workers) {
                while let index = queue.claimNext() {
                    queue.store(check(index), at: index)
                    fileChecked?()
                }
            }
        }
        for index in 0..<count { report(queue.take(index)) }
        workers.wait()
    }
}

/// A ring of report slots between the workers and the thread that hands reports on in order.
///
/// A worker claims file `i` only once fewer than `capacity` files are claimed and not yet taken, so
/// slot `i % capacity` is free when it stores; each slot's semaphore tells the taker it is filled.
private final class OrderedReports: @unchecked Sendable {
    private let capacity: Int
    private let fileCount: Int
    private let slots: UnsafeMutablePointer<FileReport?>
    private let filled: [DispatchSemaphore]
    private let free: DispatchSemaphore
    private let nextIndex = Atomic<Int>(0)

    init(capacity: Int, fileCount: Int) {
        self.capacity = capacity
        self.fileCount = fileCount
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        filled = (0..<capacity).map { _ in DispatchSemaphore(value: 0) }
        free = DispatchSemaphore(value: capacity)
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// The next file to check, or nil when every file has been claimed.
    func claimNext() -> Int? {
        free.wait()
        let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < fileCount else {
            free.signal()
            return nil
        }
        return index
    }

    func store(_ report: FileReport, at index: Int) {
        slots[index % capacity] = report
        filled[index % capacity].signal()
    }

    /// Waits for file `index`'s report and frees its slot for a worker.
    func take(_ index: Int) -> FileReport {
        filled[index % capacity].wait()
        let report = slots[index % capacity].take()!
        free.signal()
        return report
    }
}
