/// Substring search on UTF-8 bytes. Foundation's `range(of:)`/`contains` bridge to NSString and cost
/// tens of thousands of instructions a call; checks call these once per finding, on folded text,
/// where byte equality is the comparison they mean.
enum UTF8Search {
    /// The byte offset of the first occurrence of `needle` in `haystack` at or after `start`.
    static func firstOffset(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                // An empty needle is not found (as with Foundation's `range(of:)`).
                guard !pattern.isEmpty, pattern.count <= text.count else { return nil }
                let first = pattern[0]
                var index = start
                while index + pattern.count <= text.count {
                    if text[index] == first, UnsafeBufferPointer(rebasing: text[index..<(index + pattern.count)]).elementsEqual(pattern) {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }
}
