/// Substring search on UTF-8 bytes. Foundation's `range(of:)`/`contains` bridge to NSString and cost
/// tens of thousands of instructions a call; checks call these once per finding, on folded text,
/// where byte equality is the comparison they mean.
enum UTF8Search {
    /// The byte offset of the first occurrence of `needle` in `haystack` at or after `start`.
    static func firstOffset(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            // An empty needle is not found (as with Foundation's `range(of:)`).
            needle.withUTF8 { pattern in
                pattern.isEmpty ? nil : ByteSearch.firstIndex(of: pattern, in: text, from: start)
            }
        }
    }

    /// Whether `needle` occurs in `haystack` as whole words: not inside a longer word ("isi" is not in
    /// "visitor"). Letters and digits, and every byte of a non-ASCII scalar, are word bytes.
    static func containsWords(_ needle: String, in haystack: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return false }
                var start = 0
                while let offset = ByteSearch.firstIndex(of: pattern, in: text, from: start) {
                    let end = offset + pattern.count
                    if (offset == 0 || !isWordByte(text[offset - 1])) && (end == text.count || !isWordByte(text[end])) { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}
