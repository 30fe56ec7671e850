/// Where a document-level finding (no logo, no byline) is placed: the first line of the body, so an
/// editor, GitHub and the text report all have a real line to point at.
enum DocumentAnchor {
    static func start(of document: Document) -> Range<Int> {
        let bytes = document.source.utf8
        var start = min(document.bodyStart, bytes.count)
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D {
            start += 1
        }
        var end = start
        // In HTML the body's start tag is the anchor: "<body class=…>".
        if start < bytes.count, bytes[start] == UInt8(ascii: "<") {
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A, end - start < 200 { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: ">") { return start..<(end + 1) }
            end = start
        }
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D, end - start < 200 { end += 1 }
        // Never end inside a multi-byte character.
        while end > start, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }
}
