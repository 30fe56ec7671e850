/// The `partialFingerprints` value that lets GitHub code scanning recognise a finding across runs.
///
/// It hashes what was found, not where: the rule, the flagged text with whitespace normalised, and
/// which occurrence of that same (rule, text) pair in the file this is. Inserting or deleting
/// unrelated lines moves a finding without changing its fingerprint, so an alert is not closed and
/// reopened every time a draft is edited. Uses FNV-1a 64, whose value is fixed by definition, unlike
/// Swift's `Hasher`, which is seeded randomly per process.
package struct PartialFingerprint: Sendable {
    /// The key under `partialFingerprints`; bump the version if the recipe changes.
    package static let key = "postlint/v1"

    /// How many times each (rule, normalised text) pair has been seen, by the pair's FNV-1a hash (two
    /// different pairs of one file sharing a 64-bit hash would share a count).
    private var occurrences: [UInt64: Int] = [:]

    package init() {}

    /// The fingerprint of the next diagnostic of one file; call in the file's diagnostic order.
    /// The hash of `identity(ruleID:snippet:)`, made without building its strings: reporters call this
    /// for every finding.
    package mutating func next(ruleID: String, snippet: String) -> String {
        var hash = Self.pairHash(ruleID: ruleID, snippet: snippet)
        let occurrence = occurrences[hash, default: 0]
        occurrences[hash] = occurrence + 1
        hash = Self.combine(hash, 0x1F)
        for byte in String(occurrence).utf8 { hash = Self.combine(hash, byte) }
        return Self.hex(hash)
    }

    /// What identifies the next diagnostic of one file, before hashing: the rule, the flagged text
    /// normalised and its occurrence number, joined by U+001F. `Baseline` hashes the same identity
    /// (with the file's path) so a baseline and code scanning recognise a finding alike.
    package mutating func identity(ruleID: String, snippet: String) -> String {
        let pair = ruleID + "\u{1F}" + Self.normalise(snippet)
        let key = Self.pairHash(ruleID: ruleID, snippet: snippet)
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        return pair + "\u{1F}" + String(occurrence)
    }

    /// FNV-1a of the rule, U+001F and the normalised text, normalising ASCII text as it is hashed.
    private static func pairHash(ruleID: String, snippet: String) -> UInt64 {
        var hash = fnv1a64(ruleID)
        hash = combine(hash, 0x1F)
        var snippet = snippet
        let ascii: UInt64? = snippet.withUTF8 { bytes in
            var hash = hash
            var pendingSpace = false
            var started = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = started
                    continue
                }
                if pendingSpace { hash = combine(hash, 0x20) }
                pendingSpace = false
                started = true
                hash = combine(hash, byte)
            }
            return hash
        }
        if let ascii { return ascii }
        for byte in normalise(snippet).utf8 { hash = combine(hash, byte) }
        return hash
    }

    @inline(__always)
    private static func combine(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Whitespace runs (including line ends) become one space, and the ends are trimmed, so
    /// re-wrapping a paragraph does not change a finding's identity.
    static func normalise(_ text: String) -> String {
        var text = text
        if let ascii = text.withUTF8({ normaliseASCII($0) }) { return ascii }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The same for ASCII text (most snippets), on bytes: tab, line feed, vertical tab, form feed,
    /// carriage return and space are the ASCII characters whose `isWhitespace` is true. Nil for other text.
    private static func normaliseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0x0F
                buffer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }
}
