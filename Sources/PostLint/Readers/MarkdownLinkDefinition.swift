/// A link reference definition, `[label]: destination "title"`. Definitions are collected from all
/// paragraphs before any inline parsing, since a reference may come before its definition.
struct MarkdownLinkDefinition {
    var destination: String
    /// The destination's source byte range (what a reference link's `targetRange` points at).
    var destinationRange: Range<Int>

    /// Case-folded, with inner white space collapsed: how CommonMark matches labels.
    static func normalize(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }

    /// Takes the definitions off the start of a paragraph leaf: records them (first one wins), adds
    /// their target and title blocks to `document`, and returns what is left of the paragraph.
    static func extract(from leaf: MarkdownLeaf, into definitions: inout [String: MarkdownLinkDefinition],
                        document: inout Document) -> MarkdownLeaf? {
        let bytes = leaf.span.bytes
        var position = 0
        while position < bytes.count, bytes[position] == UInt8(ascii: "[") {
            guard let parsed = parse(bytes, at: position) else { break }
            let parser = MarkdownInlineParser(leaf: leaf, definitions: [:])
            let target = parser.decodedBlock(.linkTarget, label: "href", parsed.destination, escapes: true)
            let key = normalize(leaf.span.string(parsed.label))
            if definitions[key] == nil {
                definitions[key] = MarkdownLinkDefinition(destination: target.string,
                                                          destinationRange: leaf.span.sourceRange(parsed.destination))
            }
            if !target.text.isEmpty { document.blocks.append(target) }
            if let title = parsed.title {
                let block = parser.decodedBlock(.titleAttribute, label: "title", title, escapes: true)
                if !block.text.isEmpty { document.blocks.append(block) }
            }
            position = parsed.end
        }
        guard position > 0 else { return leaf }
        let rest = leaf.span.trimmed(position..<bytes.count)
        guard !rest.isEmpty else { return nil }
        var remaining = leaf
        remaining.span = leaf.span.slice(rest.lowerBound..<bytes.count)
        return remaining
    }

    /// One definition at `start`; `end` is the start of the next line.
    private static func parse(_ bytes: [UInt8], at start: Int)
        -> (label: Range<Int>, destination: Range<Int>, title: Range<Int>?, end: Int)?
    {
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            if bytes[index] == UInt8(ascii: "[") { return nil }
            if bytes[index] == UInt8(ascii: "\\") { index += 1 }
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") else { return nil }
        let label = start + 1..<index
        guard bytes[label].contains(where: { !MarkdownSpan.isWhitespace($0) }) else { return nil }
        index = MarkdownInlineParser.skipSpace(bytes, index + 2)
        guard let destination = MarkdownInlineParser.destination(bytes, at: index),
              destination.range.count > 0 || (index < bytes.count && bytes[index] == UInt8(ascii: "<")) else { return nil }
        index = destination.end
        // A title may follow on the same line or the next; otherwise the line must end here.
        let titleStart = MarkdownInlineParser.skipSpace(bytes, index)
        if titleStart > index, let title = MarkdownInlineParser.title(bytes, at: titleStart),
           let end = lineEnd(bytes, after: title.end) {
            return (label, destination.range, title.range, end)
        }
        guard let end = lineEnd(bytes, after: index) else { return nil }
        return (label, destination.range, nil, end)
    }

    /// The start of the next line when only spaces follow `index` on its line.
    private static func lineEnd(_ bytes: [UInt8], after index: Int) -> Int? {
        var position = index
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        if position < bytes.count, bytes[position] == 0x0D { position += 1 }
        if position == bytes.count { return position }
        guard bytes[position] == 0x0A else { return nil }
        return position + 1
    }
}
