import Foundation

/// Runs a body once per index, each on a system thread of its own, for tests that time answers
/// against each other. `await` resumes on the test process's few cooperative threads, which the
/// hundreds of tests running beside them can keep busy for minutes; system threads are scheduled
/// by the kernel whatever those tests do.
package final class ThreadBatch<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Value] = [:]
    private let group = DispatchGroup()
    private let count: Int

    /// Starts `count` threads at once; `body` gets the thread's index.
    package init(_ count: Int, _ body: @escaping @Sendable (Int) -> Value) {
        self.count = count
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread { [self] in
                let value = body(index)
                lock.withLock { results[index] = value }
                group.leave()
            }
        }
    }

    /// How many bodies have returned so far.
    package var finished: Int { lock.withLock { results.count } }

    /// Waits for every body and returns their values in index order.
    package func wait() -> [Value] {
        group.wait()
        return lock.withLock { (0..<count).map { results[$0]! } }
    }
}
