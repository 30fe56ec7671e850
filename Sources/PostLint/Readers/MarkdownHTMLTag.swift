/// An HTML tag or comment in Markdown, parsed on bytes with CommonMark's raw-HTML grammar. Attribute
/// values keep their byte ranges so `<img alt>` and `<a href>` map exactly.
struct MarkdownHTMLTag {
    struct Attribute {
        var name: String
        /// The value's range without its quotes; nil for an attribute without a value.
        var value: Range<Int>?
    }

    /// Lowercased tag name; empty for a declaration or processing instruction.
    var name: String
    var isClosing: Bool
    var attributes: [Attribute]
    var start: Int
    var end: Int

    func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }

    /// Parses an open tag, closing tag, `<!DECL>` or `<?…?>` at `start` (which holds `<`).
    static func parse(_ bytes: [UInt8], at start: Int, end: Int) -> MarkdownHTMLTag? {
        var closers = MarkdownClosers()
        return parse(bytes, at: start, end: end, closers: &closers)
    }

    /// Parses a tag, reusing the closer searches of earlier tags in the same scan.
    static func parse(_ bytes: [UInt8], at start: Int, end: Int, closers: inout MarkdownClosers) -> MarkdownHTMLTag? {
        guard start + 1 < end, bytes[start] == UInt8(ascii: "<") else { return nil }
        var index = start + 1
        if bytes[index] == UInt8(ascii: "?") {
            guard let close = closers.instructionEnd.first(in: bytes, from: index, end: end) else { return nil }
            return MarkdownHTMLTag(name: "", isClosing: false, attributes: [], start: start, end: close + 2)
        }
        if bytes[index] == UInt8(ascii: "!"), index + 1 < end, isLetter(bytes[index + 1]) {
            guard let close = closers.tagEnd.first(in: bytes, from: index, end: end) else { return nil }
            return MarkdownHTMLTag(name: "", isClosing: false, attributes: [], start: start, end: close + 1)
        }
        let closing = bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        guard index < end, isLetter(bytes[index]) else { return nil }
        while index < end, isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [Attribute] = []
        while true {
            let spaceStart = index
            while index < end, MarkdownSpan.isWhitespace(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                return MarkdownHTMLTag(name: name, isClosing: closing, attributes: attributes, start: start, end: index + 1)
            }
            if !closing, bytes[index] == UInt8(ascii: "/"), index + 1 < end, bytes[index + 1] == UInt8(ascii: ">") {
                return MarkdownHTMLTag(name: name, isClosing: false, attributes: attributes, start: start, end: index + 2)
            }
            guard !closing, index > spaceStart, isAttributeNameStart(bytes[index]) else { return nil }
            let attributeStart = index
            while index < end, isAttributeName(bytes[index]) { index += 1 }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            var lookahead = index
            while lookahead < end, MarkdownSpan.isWhitespace(bytes[lookahead]) { lookahead += 1 }
            guard lookahead < end, bytes[lookahead] == UInt8(ascii: "=") else {
                attributes.append(Attribute(name: attributeName, value: nil))
                continue
            }
            index = lookahead + 1
            while index < end, MarkdownSpan.isWhitespace(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            let quote = bytes[index]
            if quote == 0x22 || quote == 0x27 {
                guard let close = bytes[(index + 1)..<end].firstIndex(of: quote) else { return nil }
                attributes.append(Attribute(name: attributeName, value: index + 1..<close))
                index = close + 1
            } else {
                let valueStart = index
                while index < end, !MarkdownSpan.isWhitespace(bytes[index]),
                      !"\"'=<>`".utf8.contains(bytes[index]) { index += 1 }
                guard index > valueStart else { return nil }
                attributes.append(Attribute(name: attributeName, value: valueStart..<index))
            }
        }
    }

    /// The end (past `-->`) of a comment starting at `start`, or nil.
    static func commentEnd(_ bytes: [UInt8], at start: Int, end: Int, closers: inout MarkdownClosers) -> Int? {
        guard bytes[start..<end].starts(with: "<!--".utf8) else { return nil }
        if bytes[(start + 4)..<end].starts(with: ">".utf8) { return start + 5 }
        if bytes[(start + 4)..<end].starts(with: "->".utf8) { return start + 6 }
        guard let close = closers.commentEnd.first(in: bytes, from: start + 4, end: end) else { return nil }
        return close + 3
    }

    /// Case-insensitive search for lowercase ASCII `needle` in `range`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            var offset = 0
            while offset < needle.count, lower(bytes[index + offset]) == needle[offset] { offset += 1 }
            if offset == needle.count { return index }
            index += 1
        }
        return nil
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }
    private static func isAttributeName(_ byte: UInt8) -> Bool {
        isAttributeNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
