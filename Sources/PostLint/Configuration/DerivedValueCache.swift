import Foundation

/// Values derived from a configuration's settings (the school's contact details normalised, its
/// approved sources folded), made once per distinct settings instead of once per draft: a batch
/// checks thousands of drafts under a handful of configurations. Keyed by the settings themselves,
/// so a changed configuration (an editor's reload) can never be answered with stale values; bounded,
/// so a long-running server keeps at most `capacity` of them. Only the school's public details are
/// kept, never the roster or a draft.
final class DerivedValueCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let capacity: Int

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The value for `key`, made by `make` the first time (two threads may both make it: it is pure).
    func value(for key: Key, make: (Key) -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make(key)
        lock.withLock {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = made
        }
        return made
    }
}
