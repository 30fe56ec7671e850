#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches through the C library (`memchr`, `memcmp`), which scans many bytes per
/// instruction: the decoder, the line index and the HTML reader run them over every byte of every draft.
enum ByteSearch {
    /// The offset of the first `byte` in `bytes[range]`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first `needle` in `bytes` at or after `start`.
    static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var index = start
        while index + needle.count <= bytes.count,
              let found = firstIndex(of: first, in: bytes, range: index..<(bytes.count - needle.count + 1)) {
            if hasPrefix(needle, in: bytes, at: found) { return found }
            index = found + 1
        }
        return nil
    }

    /// Whether `bytes` holds `needle` at `offset`.
    static func hasPrefix(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let base = bytes.baseAddress, offset >= 0, offset + needle.count <= bytes.count else { return false }
        return needle.withUnsafeBufferPointer { memcmp(base + offset, $0.baseAddress!, needle.count) == 0 }
    }

    /// How many bytes `a` and `b` have in common from their starts.
    static func commonPrefixLength(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let count = min(a.count, b.count)
        guard count > 0, let left = a.baseAddress, let right = b.baseAddress else { return 0 }
        if memcmp(left, right, count) == 0 { return count }
        var index = 0
        while left[index] == right[index] { index += 1 }
        return index
    }
}
