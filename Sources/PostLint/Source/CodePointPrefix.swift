/// Counts of code points and of four-byte (astral) characters before every `stride`-th byte of a
/// UTF-8 buffer, so the code-point and UTF-16 length of any byte range costs at most two short scans
/// however long its line is: a column is no longer counted from the start of a 1 MB line per finding.
struct CodePointPrefix: Sendable {
    /// Bytes per checkpoint: a column costs at most this many byte reads at each end of its range.
    static let stride = 64
    /// Code points (UTF-8 lead bytes) in `bytes[0 ..< i * stride]`.
    private let codePoints: [UInt32]
    /// Four-byte characters (lead bytes 0xF0 and above) in `bytes[0 ..< i * stride]`.
    private let astral: [UInt32]

    init(_ bytes: [UInt8]) {
        let chunks = bytes.count / Self.stride + 1
        var codePoints = [UInt32](repeating: 0, count: chunks)
        var astral = [UInt32](repeating: 0, count: chunks)
        bytes.withUnsafeBufferPointer { buffer in
            var leads: UInt32 = 0
            var fours: UInt32 = 0
            for chunk in 1..<chunks {
                var index = (chunk - 1) * Self.stride
                let end = index + Self.stride
                while index < end {
                    // Eight bytes at a time: a continuation byte is 10xxxxxx, an astral lead 1111xxxx.
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let continuation = word & ~(word << 1) & high
                    let four = word & (word << 1) & (word << 2) & (word << 3) & high
                    leads += 8 - Self.highBitCount(continuation)
                    fours += Self.highBitCount(four)
                    index += 8
                }
                codePoints[chunk] = leads
                astral[chunk] = fours
            }
        }
        self.codePoints = codePoints
        self.astral = astral
    }

    /// How many bytes of `bits` have their high bit set (it has no other bits): the bytes' sum, gathered
    /// into the top byte by one multiplication (`nonzeroBitCount` is a dozen instructions on x86-64
    /// without POPCNT, and this runs for every 8 bytes of every draft).
    @inline(__always)
    private static func highBitCount(_ bits: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((bits >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// Code points and UTF-16 code units in `bytes[start ..< end]`.
    func counts(in bytes: [UInt8], from start: Int, to end: Int) -> (codePoints: Int, utf16: Int) {
        if end - start <= 2 * Self.stride {
            let (leads, fours) = Self.scan(bytes, start, end)
            return (leads, leads + fours)
        }
        let (leadsBefore, foursBefore) = prefix(bytes, start)
        let (leadsTo, foursTo) = prefix(bytes, end)
        let leads = leadsTo - leadsBefore
        return (leads, leads + foursTo - foursBefore)
    }

    /// The counts in `bytes[0 ..< offset]`.
    private func prefix(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
        let chunk = offset / Self.stride
        let (leads, fours) = Self.scan(bytes, chunk * Self.stride, offset)
        return (Int(codePoints[chunk]) + leads, Int(astral[chunk]) + fours)
    }

    private static func scan(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Int, Int) {
        var leads = 0
        var fours = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { leads += 1 }
            if byte >= 0xF0 { fours += 1 }
        }
        return (leads, fours)
    }
}
