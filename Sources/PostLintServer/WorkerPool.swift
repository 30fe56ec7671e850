import Dispatch
import PostLint
import PostLintWorker

/// Hands drafts to worker processes (see `WorkerProcess`): a trap in a check ends one worker, which
/// is restarted, and cancelling a check kills its worker, the only way to stop CPU-bound work.
///
/// There is one worker more than `heavyWidth`, and at most `heavyWidth` heavy drafts run at once, so
/// a quick draft always finds a worker even while heavy ones fill every core. Requests wait in a
/// queue of at most `queueLength`; beyond that they are refused at once.
actor WorkerPool {
    enum Failure: Error {
        case queueFull
        /// The worker ended mid-check: why, for the log.
        case workerDied(String)
    }

    private struct Waiter {
        var id: Int
        var heavy: Bool
        var continuation: CheckedContinuation<Int?, Never>
    }

    private let workers: [WorkerProcess]
    /// One serial queue per worker: its blocking pipe I/O stays off NIO's and Swift's threads.
    private let queues: [DispatchQueue]
    private let heavyWidth: Int
    private let queueLength: Int
    private var idle: [Int]
    private var heavyRunning = 0
    private var waiting: [Waiter] = []
    private var nextID = 0

    init(executable: String, arguments: [String], heavyWidth: Int, queueLength: Int) {
        self.heavyWidth = max(1, heavyWidth)
        self.queueLength = max(0, queueLength)
        let count = self.heavyWidth + 1
        workers = (0..<count).map { _ in WorkerProcess(executable: executable, arguments: arguments) }
        queues = (0..<count).map { DispatchQueue(label: "postlint.worker.\($0)") }
        idle = Array((0..<count).reversed())
        for (worker, queue) in zip(workers, queues) {
            queue.async { worker.warmUp() }
        }
    }

    /// Whether a heavy draft arriving now would be refused.
    var queueIsFull: Bool {
        heavyRunning >= heavyWidth && waiting.count >= queueLength
    }

    /// Runs one exchange with a free worker. Throws `queueFull` when the queue is full, `workerDied`
    /// when the worker ended mid-check, and `CancellationError` when the task was cancelled (waiting
    /// or checking: the worker is then killed).
    nonisolated func run(_ message: [[UInt8]], heavy: Bool) async throws -> [[UInt8]] {
        let index = try await acquire(heavy: heavy)
        let worker = workers[index]
        let queue = queues[index]
        let cancellation = WorkerCancellation()
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: worker.exchange(message, replyParts: 2, cancellation: cancellation)) }
            }
        } onCancel: {
            cancellation.cancel()
        }
        if case .reply = outcome {} else {
            queue.async { worker.warmUp() }  // its replacement starts now, not on the next draft
        }
        await release(index, heavy: heavy)
        switch outcome {
        case .reply(let parts): return parts
        case .died(let reason): throw Failure.workerDied(reason)
        case .cancelled: throw CancellationError()
        }
    }

    private func acquire(heavy: Bool) async throws -> Int {
        if let index = take(heavy: heavy) { return index }
        guard waiting.count < queueLength else { throw Failure.queueFull }
        let id = nextID
        nextID += 1
        let index: Int? = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
                // Cancelled before it could queue: `abandon` below has already run and found nothing.
                if Task.isCancelled {
                    continuation.resume(returning: nil)
                } else {
                    waiting.append(Waiter(id: id, heavy: heavy, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.abandon(id) }
        }
        guard let index else { throw CancellationError() }
        return index
    }

    /// A free worker this draft may use, taken; nil when it must wait.
    private func take(heavy: Bool) -> Int? {
        guard !idle.isEmpty, !heavy || heavyRunning < heavyWidth else { return nil }
        if heavy { heavyRunning += 1 }
        return idle.removeLast()
    }

    private func release(_ index: Int, heavy: Bool) {
        idle.append(index)
        if heavy { heavyRunning -= 1 }
        // First come, first served, except that a quick draft may pass heavy ones that cannot start.
        var position = 0
        while position < waiting.count, !idle.isEmpty {
            if let index = take(heavy: waiting[position].heavy) {
                waiting.remove(at: position).continuation.resume(returning: index)
            } else {
                position += 1
            }
        }
    }

    private func abandon(_ id: Int) {
        guard let position = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: position).continuation.resume(returning: nil)
    }
}
