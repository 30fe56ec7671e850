/// An open-addressing table from 64-bit tags to an `Int32`, for a sealed roster's hashes. The tags
/// are keyed hashes, already uniform, so their top bits index the table directly (no hashing), and
/// the load stays at most one half: a look-up is about one probe, for 30 names or 50,000.
struct SealedTagTable: Sendable {
    /// 0: an empty slot (`SealedRosterKey` never makes a 0 tag).
    private var tags: [UInt64]
    private var values: [Int32]
    private let shift: UInt64
    private(set) var count = 0

    init(capacity: Int) {
        var bits: UInt64 = 3
        while (1 << bits) < max(1, capacity) * 2 { bits += 1 }
        tags = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Adds `tag` unless it is there; returns false when it was (its value is left alone).
    @discardableResult
    mutating func insert(_ tag: UInt64, value: Int32 = 0) -> Bool {
        precondition(tag != 0 && count * 2 < tags.count, "a sealed tag table is sized before it is filled")
        let mask = tags.count - 1
        var index = Int(truncatingIfNeeded: tag >> shift)
        while tags[index] != 0 {
            if tags[index] == tag { return false }
            index = (index + 1) & mask
        }
        tags[index] = tag
        values[index] = value
        count += 1
        return true
    }

    @inline(__always)
    func value(of tag: UInt64) -> Int32? {
        tags.withUnsafeBufferPointer { tags in
            let mask = tags.count - 1
            var index = Int(truncatingIfNeeded: tag >> shift)
            while true {
                let found = tags[index]
                if found == tag { return values[index] }
                if found == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    func contains(_ tag: UInt64) -> Bool { value(of: tag) != nil }
}
