/// Reads a plain-text draft: paragraphs are runs of lines between blank lines, each one verbatim block,
/// so every text offset maps to the same byte in the file. A line that holds only `<!-- … -->` is a
/// comment (that is how suppressions are written in plain text), not prose.
package enum PlainTextReader: DraftReader {
    package static let format = DocumentFormat.text
    package static let extensions = ["txt", "text"]

    package static func read(_ source: SourceText) -> Document {
        var document = Document(source: source, format: .text)
        let bytes = source.utf8
        var paragraph: Range<Int>?  // first non-blank byte ..< end of the last line's content

        func flush() {
            guard let range = paragraph else { return }
            paragraph = nil
            var builder = TextBlockBuilder(kind: .paragraph)
            builder.appendVerbatim(bytes[range], sourceStart: range.lowerBound)
            document.blocks.append(builder.finish())
        }

        var bodyStartFound = false
        for line in 0..<source.lines.lineCount {
            let lineRange = source.lines.lineRange(line)
            let content = trimmed(bytes, lineRange)
            if content.isEmpty {
                flush()
                continue
            }
            if !bodyStartFound {
                document.bodyStart = content.lowerBound
                bodyStartFound = true
            }
            if let comment = lineComment(bytes, content) {
                flush()
                document.comments.append(comment)
                continue
            }
            if let open = paragraph {
                paragraph = open.lowerBound..<content.upperBound
            } else {
                paragraph = content
            }
        }
        flush()
        return document
    }

    /// `range` without leading and trailing spaces, tabs and CRs.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// The comment when `content` is exactly one `<!-- … -->`.
    static func lineComment(_ bytes: [UInt8], _ content: Range<Int>) -> Comment? {
        guard content.count >= 7,
              bytes[content.lowerBound..<content.lowerBound + 4].elementsEqual("<!--".utf8),
              bytes[content.upperBound - 3..<content.upperBound].elementsEqual("-->".utf8)
        else { return nil }
        let inner = content.lowerBound + 4..<content.upperBound - 3
        // A `-->` before the end means the line holds more than one comment or text after one.
        var index = inner.lowerBound
        while index + 3 <= inner.upperBound {
            if bytes[index] == 0x2D, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x3E { return nil }
            index += 1
        }
        let text = trimmed(bytes, inner)
        return Comment(text: String(decoding: bytes[text], as: UTF8.self), range: content)
    }
}
