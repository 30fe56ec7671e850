/// FNV-1a, 64-bit: a fast, stable hash of normalised token bytes. Stable across runs and machines
/// (unlike `Hasher`), so automata keys and fingerprints can be compared anywhere.
public enum FNV {
    @inline(__always)
    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func hash(_ text: String) -> UInt64 { hash(Array(text.utf8)[...]) }
}
