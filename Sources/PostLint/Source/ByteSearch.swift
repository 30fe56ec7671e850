#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches that skip many bytes per instruction. The decoder, the line index and the HTML reader
/// go through the C library (`memchr`, `memcmp`) over every byte of every draft; the scanners that look
/// for rare starting bytes (digits, "@", ":" of "http://") skip eight bytes at a time between candidates
/// instead of running their full per-byte logic on every byte.
package enum ByteSearch {
    /// The offset of the first `byte` in `bytes[range]`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first `needle` in `bytes` at or after `start`.
    package static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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
    static func hasPrefix(_ needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let base = bytes.baseAddress, let needleBase = needle.baseAddress, offset >= 0,
              offset + needle.count <= bytes.count else { return false }
        return memcmp(base + offset, needleBase, needle.count) == 0
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

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The first ASCII digit at or after `start`, or `text.count`.
    static func firstDigit(in text: [UInt8], from start: Int) -> Int {
        text.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var index = start
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    // A high bit for every byte b with 0x2F < b < 0x3A (exact, no carries between bytes).
                    let low = word & (ones &* 0x7F)
                    let found = (ones &* (0x7F + 0x3A) &- low) & ~word & (low &+ ones &* (0x7F - 0x2F)) & highBits
                    if found != 0 { return index + found.trailingZeroBitCount / 8 }
                    index += 8
                }
            }
            while index < count, bytes[index] &- 0x30 >= 10 { index += 1 }
            return index
        }
    }

    /// The first byte at or after `start` equal to `first` or `second` (with `foldingCase`, after
    /// setting bit 0x20 of each byte: "t" also finds "T", "@" also "`"), or `text.count`.
    static func firstIndex(in text: [UInt8], from start: Int, of first: UInt8, or second: UInt8, foldingCase: Bool = false) -> Int {
        let fold: UInt8 = foldingCase ? 0x20 : 0
        let first = first | fold, second = second | fold
        return text.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var index = start
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let foldWord = ones &* UInt64(fold)
                let firstWord = ones &* UInt64(first), secondWord = ones &* UInt64(second)
                while index + 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) | foldWord
                    let found = zeroBytes(word ^ firstWord) | zeroBytes(word ^ secondWord)
                    if found != 0 { return index + found.trailingZeroBitCount / 8 }
                    index += 8
                }
            }
            while index < count, bytes[index] | fold != first, bytes[index] | fold != second { index += 1 }
            return index
        }
    }

    /// A high bit for every zero byte of `word` (exact).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = ones &* 0x7F
        return ~(((word & low) &+ low) | word | low)
    }
}
