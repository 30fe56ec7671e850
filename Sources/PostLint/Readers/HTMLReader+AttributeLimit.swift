extension HTMLReader {
    /// More attributes than any real tag carries. libxml2 looks for a repeated name among a tag's earlier
    /// attributes for each one it reads, so a hostile tag with 30,000 of them costs it seconds.
    static let attributeLimit = 256

    /// The input with the attributes past `attributeLimit` in any start tag turned into spaces (same
    /// length, so every offset still points at the draft's own bytes), and the offset of each tag cut.
    /// Only drafts libxml2 must read go through this: `HTMLDirectScanner` reads any number in linear time.
    static func cappingAttributes(_ bytes: [UInt8]) -> (bytes: [UInt8], cut: [Int]) {
        var result: [UInt8]?
        var cut: [Int] = []
        var index = 0
        while let less = bytes.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: $0, range: index..<$0.count) }) {
            index = less + 1
            guard index < bytes.count, bytes[index] | 0x20 >= UInt8(ascii: "a"), bytes[index] | 0x20 <= UInt8(ascii: "z") else { continue }
            // A start tag: count attribute names (a non-blank after a blank, outside quoted values) up to its `>`.
            var count = 0
            var quote: UInt8?
            var previousIsBlank = false
            var limitStart: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                    break
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    if bytes[index - 1] == UInt8(ascii: "=") || previousIsBlank { quote = byte }
                } else if byte != 0x20, byte != 0x0A, byte != 0x09, byte != 0x0D, previousIsBlank,
                          byte != UInt8(ascii: "="), byte != UInt8(ascii: "/") {
                    count += 1
                    if count == attributeLimit + 1 { limitStart = index }
                }
                previousIsBlank = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                index += 1
            }
            guard let limitStart else { continue }
            var end = index  // the `>`, the next `<` or the end
            if end > limitStart, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            if result == nil { result = bytes }
            for offset in limitStart..<end { result![offset] = 0x20 }
            cut.append(limitStart)
        }
        return (result ?? bytes, cut)
    }
}
