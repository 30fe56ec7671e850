/// Links and images: inline `[text](url "title")`, reference `[text][ref]`, collapsed and shortcut
/// references, autolinks, and HTML `<a href>` / `<img>`. Link text stays in the paragraph with a
/// `.link` context; targets, titles, alt text and file names become their own exactly mapped blocks.
extension MarkdownInlineParser {
    struct Target {
        var destination: String
        var destinationRange: Range<Int>
        var end: Int
        /// For inline links: the destination and title as span ranges (reference links have none).
        var inlineDestination: Range<Int>?
        var title: Range<Int>?
    }

    /// Resolves the `]` at `index` against the innermost bracket; returns the index after the link.
    mutating func closeBracket(at index: Int) -> Int? {
        guard let opener = brackets.popLast() else { return nil }
        let isActive = opener.isImage || brackets.count >= linkOpenersInactiveBelow
        linkOpenersInactiveBelow = min(linkOpenersInactiveBelow, brackets.count)
        guard isActive else { return nil }
        let textRange = opener.start + (opener.isImage ? 2 : 1)..<index
        guard let target = resolveTarget(after: index, textRange: textRange) else { return nil }
        processEmphasis(bottom: opener.delimiterBottom)
        let whole = span.sourceRange(opener.start..<target.end)
        var titleAttribute: [Attribute] = []
        if let title = target.title {
            let block = decodedBlock(.titleAttribute, label: "title", title, escapes: true)
            if !block.text.isEmpty { sideBlocks.append(block) }
            titleAttribute = [Attribute(name: "title", value: block.string, valueRange: span.sourceRange(title))]
        }
        if opener.isImage {
            var alt = TextBlockBuilder(kind: .imageAlt, enclosing: leaf.enclosing, label: "alt")
            render(opener.piece + 1..<pieces.count, into: &alt)
            pieces.removeSubrange(opener.piece...)
            addImage(source: target.destination, sourceRange: target.destinationRange,
                     spanSource: target.inlineDestination, alt: Self.trimmingWhitespace(alt.finish()), altRange: span.sourceRange(textRange),
                     whole: whole, extra: titleAttribute)
        } else {
            let text = renderedString(opener.piece + 1..<pieces.count)
            pieces[opener.piece] = .open(.link)
            pieces.append(.close(.link))
            linkOpenersInactiveBelow = brackets.count
            if let destination = target.inlineDestination {
                let block = decodedBlock(.linkTarget, label: "href", destination, escapes: true)
                if !block.text.isEmpty { sideBlocks.append(block) }
            }
            links.append(LinkElement(target: target.destination, targetRange: target.destinationRange, text: text,
                                     range: whole))
        }
        return target.end
    }

    /// An inline destination, a full/collapsed reference or a shortcut reference after `]`.
    private func resolveTarget(after index: Int, textRange: Range<Int>) -> Target? {
        let next = index + 1
        if next < bytes.count, bytes[next] == UInt8(ascii: "("), let inline = Self.inlineTail(bytes, at: next) {
            let destination = decodedBlock(.linkTarget, label: "href", inline.destination, escapes: true)
            return Target(destination: destination.string, destinationRange: span.sourceRange(inline.destination),
                          end: inline.end, inlineDestination: inline.destination, title: inline.title)
        }
        var end = next
        var label = textRange
        if next < bytes.count, bytes[next] == UInt8(ascii: "["),
           let close = bytes[(next + 1)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") }),
           bytes[close] == UInt8(ascii: "]")
        {
            if close > next + 1 { label = next + 1..<close }
            end = close + 1
        }
        // A label holds at most 999 characters, so a long bracketed text is never normalised and looked up.
        guard label.count <= 999 * 4,
              let definition = definitions[MarkdownLinkDefinition.normalize(span.string(label))] else { return nil }
        return Target(destination: definition.destination, destinationRange: definition.destinationRange, end: end)
    }

    /// `(destination "title")` starting at the `(` at `start`, on span bytes.
    static func inlineTail(_ bytes: [UInt8], at start: Int) -> (destination: Range<Int>, title: Range<Int>?, end: Int)? {
        var index = skipSpace(bytes, start + 1)
        guard let destination = destination(bytes, at: index) else { return nil }
        index = destination.end
        let afterDestination = index
        index = skipSpace(bytes, index)
        var title: Range<Int>?
        if index > afterDestination, let parsed = Self.title(bytes, at: index) {
            title = parsed.range
            index = skipSpace(bytes, parsed.end)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return nil }
        return (destination.range, title, index + 1)
    }

    /// A link destination: `<…>` (range without the brackets) or a run without spaces, parentheses balanced.
    static func destination(_ bytes: [UInt8], at start: Int) -> (range: Range<Int>, end: Int)? {
        var index = start
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ">"): return (start + 1..<index, index + 1)
                case UInt8(ascii: "<"), 0x0A, 0x0D: return nil
                case UInt8(ascii: "\\"): index += 2
                default: index += 1
                }
            }
            return nil
        }
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                index += 2
                continue
            }
            if byte <= 0x20 || byte == 0x7F { break }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        guard depth == 0 else { return nil }
        return (start..<index, index)
    }

    /// A link title in `"…"`, `'…'` or `(…)`; the range is inside the quotes.
    static func title(_ bytes: [UInt8], at start: Int) -> (range: Range<Int>, end: Int)? {
        guard start < bytes.count else { return nil }
        let open = bytes[start]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == close { return (start + 1..<index, index + 1) }
            if open == UInt8(ascii: "("), bytes[index] == open { return nil }
            index += 1
        }
        return nil
    }

    /// Spaces and tabs, and at most one line end.
    static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        var lineEnds = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0x0D: index += 1
            case 0x0A:
                lineEnds += 1
                if lineEnds > 1 { return index }
                index += 1
            default: return index
            }
        }
        return index
    }

    // MARK: Blocks for targets, titles, alt text and file names

    /// A block for span range `range` with entities (and, outside HTML, backslash escapes) decoded
    /// as replaced runs and everything else verbatim.
    func decodedBlock(_ kind: ProseKind, label: String?, _ range: Range<Int>, escapes: Bool,
                      enclosing: InlineContext = []) -> TextBlock {
        var builder = TextBlockBuilder(kind: kind, enclosing: enclosing, label: label)
        var start = range.lowerBound
        var index = start
        while index < range.upperBound {
            let byte = bytes[index]
            if escapes, byte == UInt8(ascii: "\\"), index + 1 < range.upperBound, Self.isASCIIPunctuation(bytes[index + 1]) {
                span.appendVerbatim(start..<index, to: &builder)
                builder.appendReplaced(CollectionOfOne(bytes[index + 1]), source: span.sourceRange(index..<index + 2))
                index += 2
                start = index
            } else if byte == UInt8(ascii: "&"), let entity = MarkdownEntity.decode(bytes, at: index, end: range.upperBound) {
                span.appendVerbatim(start..<index, to: &builder)
                builder.appendReplaced(entity.utf8, source: span.sourceRange(index..<entity.end))
                index = entity.end
                start = index
            } else {
                index += 1
            }
        }
        span.appendVerbatim(start..<range.upperBound, to: &builder)
        return builder.finish()
    }

    /// Records an image with its alt block and the block for its source's file name.
    mutating func addImage(source: String?, sourceRange: Range<Int>?, spanSource: Range<Int>? = nil, alt: TextBlock?,
                           altRange: Range<Int>, whole: Range<Int>, extra: [Attribute] = []) {
        var attributes: [Attribute] = []
        if let source, let sourceRange { attributes.append(Attribute(name: "src", value: source, valueRange: sourceRange)) }
        if let alt {
            attributes.append(Attribute(name: "alt", value: alt.string, valueRange: altRange))
            if !alt.text.isEmpty { sideBlocks.append(alt) }
        }
        attributes.append(contentsOf: extra)
        images.append(ImageElement(source: source, alt: alt?.string, attributes: attributes, range: whole))
        if let file = spanSource.flatMap(fileNameRange) {
            let block = decodedBlock(.imageFileName, label: "src", file, escapes: !leaf.isRawHTML)
            if !block.text.isEmpty { sideBlocks.append(block) }
        }
    }

    /// The last path segment of a source (span range), without query or fragment; nil for `data:`.
    func fileNameRange(_ range: Range<Int>) -> Range<Int>? {
        guard !bytes[range].starts(with: "data:".utf8) else { return nil }
        var stop = range.upperBound
        if let cut = bytes[range].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { stop = cut }
        var start = range.lowerBound
        for index in range.lowerBound..<stop where bytes[index] == UInt8(ascii: "/") { start = index + 1 }
        return start < stop ? start..<stop : nil
    }
}
