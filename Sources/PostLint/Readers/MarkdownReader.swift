/// Reads a Markdown draft into a `Document`: front matter fields, prose blocks, links, images,
/// code (kept as `.code` blocks so checks can skip it) and comments, each mapped exactly to the file.
///
/// swift-markdown is not a dependency, and its source ranges are
/// per node rather than per byte, so this is a CommonMark subset parsed directly on UTF-8 bytes:
/// blocks first (`MarkdownBlockParser`), then link definitions, then inlines per leaf.
package enum MarkdownReader: DraftReader {
    package static let format = DocumentFormat.markdown
    package static let extensions = ["md", "markdown", "mdown", "mkd"]

    package static func read(_ source: SourceText) -> Document {
        var document = Document(source: source, format: .markdown)
        let bytes = source.utf8
        var firstLine = 0
        if let region = FrontMatterReader.region(source) {
            FrontMatterReader.read(region, into: &document)
            firstLine = region.bodyLine
        } else if FrontMatterReader.isUnclosed(source) {
            document.problems.append(ReadProblem(
                severity: .warning,
                message: "front matter opened with --- on line 1 is never closed (no --- or ... line after it), so it was read as Markdown",
                byteOffset: 0))
        }
        var bodyStart = firstLine < source.lines.lineCount ? source.lines.lineStarts[firstLine] : bytes.count
        let bodyFloor = bodyStart
        while bodyStart < bytes.count, MarkdownSpan.isWhitespace(bytes[bodyStart]) { bodyStart += 1 }
        document.bodyStart = bodyStart < bytes.count ? bodyStart : bodyFloor

        var parser = MarkdownBlockParser(bytes: bytes, lines: source.lines)
        let leaves = parser.parse(fromLine: firstLine)
        var definitions: [String: MarkdownLinkDefinition] = [:]
        var remaining: [MarkdownLeaf] = []
        remaining.reserveCapacity(leaves.count)
        for leaf in leaves {
            let prose = leaf.kind == .paragraph || leaf.kind == .listItem || leaf.kind == .quote
            if prose, !leaf.isRawHTML, leaf.span.bytes.first == UInt8(ascii: "[") {
                if let rest = MarkdownLinkDefinition.extract(from: leaf, into: &definitions, document: &document) {
                    remaining.append(rest)
                }
            } else {
                remaining.append(leaf)
            }
        }
        for leaf in remaining {
            var inline = MarkdownInlineParser(leaf: leaf, definitions: definitions)
            inline.run(into: &document)
        }
        sortInSourceOrder(&document)
        return document
    }

    /// Blocks, links, images and comments in source order (definitions and side blocks were added
    /// out of order); ties keep the order they were added in.
    private static func sortInSourceOrder(_ document: inout Document) {
        document.blocks = document.blocks.enumerated().sorted { lhs, rhs in
            let left = lhs.element.map.runs.first?.sourceStart ?? 0
            let right = rhs.element.map.runs.first?.sourceStart ?? 0
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        document.links.sort { $0.range.lowerBound < $1.range.lowerBound }
        document.images.sort { $0.range.lowerBound < $1.range.lowerBound }
        document.comments.sort { $0.range.lowerBound < $1.range.lowerBound }
    }
}
