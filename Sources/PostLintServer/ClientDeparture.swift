import NIOConcurrencyHelpers
import NIOCore

/// Waits until a request's client goes away (its connection closes), so the work done for it can
/// be cancelled. `InputClosedHandler` closes a connection whose client stopped sending.
enum ClientDeparture {
    struct Gone: Error {}

    private typealias Waiting = NIOLockedValueBox<CheckedContinuation<Void, any Error>?>

    /// Throws `Gone` when the connection closes, or `CancellationError` when the task is cancelled first.
    static func wait(for channel: any Channel) async throws {
        let waiting = Waiting(nil)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiting.withLockedValue { $0 = continuation }
                channel.closeFuture.whenComplete { _ in resume(waiting, throwing: Gone()) }
                // Cancelled before the continuation was stored: `onCancel` found nothing to resume.
                if Task.isCancelled { resume(waiting, throwing: CancellationError()) }
            }
        } onCancel: {
            resume(waiting, throwing: CancellationError())
        }
    }

    /// Resumes at most once: whoever takes the continuation out of the box resumes it.
    private static func resume(_ waiting: Waiting, throwing error: any Error) {
        let continuation = waiting.withLockedValue { stored in
            defer { stored = nil }
            return stored
        }
        continuation?.resume(throwing: error)
    }
}
