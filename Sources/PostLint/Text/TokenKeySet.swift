/// A set of token keys: for sets built per document (the words a draft writes in lower case) and for
/// the word lists checks ask at every token (`PupilNameWords`, `PupilNameVocabulary`). Keys are
/// already 64-bit hashes, so one multiply spreads them over an open-addressed table, where
/// `Set<UInt64>` runs SipHash on every insert and lookup.
struct TokenKeySet {
    /// 0 marks an empty slot; the key 0 itself is kept in `containsZero`.
    private var slots: [UInt64]
    private var containsZero = false
    private var count = 0
    private var shift: UInt64

    init(minimumCapacity: Int = 8) {
        var bits: UInt64 = 4
        while (1 << bits) < minimumCapacity * 2 { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    init(_ keys: some Sequence<UInt64>) {
        self.init(minimumCapacity: keys.underestimatedCount)
        for key in keys { insert(key) }
    }

    /// The keys of this set and of `other`.
    func union(_ other: TokenKeySet) -> TokenKeySet {
        var united = self
        if other.containsZero { united.containsZero = true }
        for key in other.slots where key != 0 { united.insert(key) }
        return united
    }

    mutating func insert(_ key: UInt64) {
        guard key != 0 else {
            containsZero = true
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = slot(of: key)
        while slots[index] != 0 {
            if slots[index] == key { return }
            index = (index + 1) & mask
        }
        slots[index] = key
        count += 1
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return containsZero }
        let mask = slots.count - 1
        var index = slot(of: key)
        while slots[index] != 0 {
            if slots[index] == key { return true }
            index = (index + 1) & mask
        }
        return false
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Twice the slots, at a load of at most one half.
    private mutating func grow() {
        var grown = TokenKeySet(minimumCapacity: slots.count)
        grown.containsZero = containsZero
        for key in slots where key != 0 { grown.insert(key) }
        self = grown
    }
}
