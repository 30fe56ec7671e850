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

    static func contains(_ needle: String, in haystack: String) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }
}
