/// The digests of the tokens one document has asked a sealed roster about, by token key: an HMAC
/// costs about a microsecond, and a post repeats its capitalised words, so each distinct word is
/// hashed once per document. Per document, not shared: nothing of a draft outlives its check.
final class SealedTokenCache {
    struct Entry {
        var digest: SealedRosterKey.TokenDigest
        /// Some name form starts with this token.
        var startsName: Bool
        /// A word of one of the roster's groups.
        var isGroupWord: Bool
    }

    private struct Slot {
        var key: UInt64
        var entry: Entry?
    }

    /// Empty until the first question (a clear roster's lookup never asks).
    private var slots: [Slot] = []
    private var count = 0

    /// The entry of `token`, whose normalised text is in `normalized`, hashing it on first sight.
    func entry(_ token: Token, _ normalized: [UInt8], _ names: SealedNames) -> Entry {
        if slots.isEmpty { slots = [Slot](repeating: Slot(key: 0, entry: nil), count: 64) }
        var index = slot(of: token.key)
        if let entry = slots[index].entry { return entry }
        let digest = normalized.withUnsafeBytes { bytes in
            names.key.digest(of: UnsafeRawBufferPointer(rebasing: bytes[token.normalizedRange]))
        }
        let entry = Entry(digest: digest, startsName: names.starts.contains(digest.start),
                          isGroupWord: names.groups.contains(digest.group))
        if (count + 1) * 2 > slots.count {
            grow()
            index = slot(of: token.key)
        }
        slots[index] = Slot(key: token.key, entry: entry)
        count += 1
        return entry
    }

    /// Whether the token with `key`, already asked about in this document, is a group word.
    func isGroupWord(key: UInt64) -> Bool {
        !slots.isEmpty && slots[slot(of: key)].entry?.isGroupWord == true
    }

    /// The slot holding `key`, or the empty slot where it belongs.
    private func slot(of key: UInt64) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while let _ = slots[index].entry, slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    private func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, entry: nil), count: old.count * 2)
        for slot in old where slot.entry != nil { slots[self.slot(of: slot.key)] = slot }
    }
}
