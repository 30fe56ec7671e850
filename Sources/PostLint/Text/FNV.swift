/// FNV-1a, 64-bit: a fast, stable hash of normalised token bytes. Stable across runs and machines
/// (unlike `Hasher`), so automata keys and fingerprints can be compared anywhere.
package enum FNV {
    /// The hash of no bytes, where `combine` starts.
    package static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds one byte to a hash (for hashing bytes as they are produced).
    @inline(__always)
    package static func combine(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    package static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = basis
        for byte in bytes { hash = combine(hash, byte) }
        return hash
    }

    package static func hash(_ text: String) -> UInt64 { hash(Array(text.utf8)[...]) }
}
