import Foundation
import PostLint

/// Lets another thread stop one exchange with a worker: cancelling kills the worker process that is
/// checking, which is the only way to interrupt CPU-bound work (the parent starts a fresh worker).
public final class WorkerCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var process: pid_t?

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }

    public func cancel() {
        lock.withLock {
            cancelled = true
            if let process { kill(process, SIGKILL) }
        }
    }

    /// Records the process doing the work; false when already cancelled (then nothing should start).
    func attach(_ process: pid_t) -> Bool {
        lock.withLock {
            guard !cancelled else { return false }
            self.process = process
            return true
        }
    }

    /// Called before the process is reaped, so a late `cancel` cannot signal a reused process id.
    func detach() {
        lock.withLock { process = nil }
    }
}
