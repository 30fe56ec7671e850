import Dispatch

/// Runs lints on Dispatch's threads, at most `width` at once. Checking is CPU-bound and cannot be
/// interrupted, so it must hold neither NIO's event loops nor Swift's cooperative threads; beyond
/// `width`, requests wait their turn here (for a bounded time) instead of oversubscribing the cores.
actor LintPool {
    private var free: Int
    private var waiting: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    init(width: Int) {
        free = max(1, width)
    }

    /// Runs `work` when a slot is free; nil when none came free within `limit`.
    nonisolated func run<T: Sendable>(waitingAtMost limit: Duration, _ work: @escaping @Sendable () -> T) async -> T? {
        guard await acquire(waitingAtMost: limit) else { return nil }
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
        await release()
        return result
    }

    private func acquire(waitingAtMost limit: Duration) async -> Bool {
        if free > 0 {
            free -= 1
            return true
        }
        let id = nextID
        nextID += 1
        let timer = Task {
            try? await Task.sleep(for: limit)
            self.expire(id)
        }
        defer { timer.cancel() }
        // Resumed exactly once: by `release` handing over its slot, or by `expire`.
        return await withCheckedContinuation { waiting.append((id, $0)) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().continuation.resume(returning: true)
        }
    }

    private func expire(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }
}
