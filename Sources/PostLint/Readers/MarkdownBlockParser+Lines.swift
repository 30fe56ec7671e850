/// Line classification for the block parser: what a line starts (a fence, a heading, a list item…).
/// Every test looks at bytes from a position to the end of the line's content.
extension MarkdownBlockParser {
    struct ListMarker {
        var contentIndent: Int
        var contentStart: Int
        /// An ordered item not starting at 1, or an empty item, cannot interrupt a paragraph.
        var cannotInterruptParagraph: Bool
    }

    struct HTMLBlockStart {
        var endsAtBlank: Bool
        var endMarker: [UInt8]?
        var isCode: Bool
    }

    /// Columns of spaces and tabs (tabs to the next multiple of 4) from `pos`, and the first other byte.
    func indentation(_ pos: Int, _ end: Int) -> (columns: Int, next: Int) {
        var columns = 0
        var index = pos
        while index < end {
            if bytes[index] == 0x20 { columns += 1 } else if bytes[index] == 0x09 { columns += 4 - columns % 4 } else { break }
            index += 1
        }
        return (columns, index)
    }

    /// The position after at most `columns` columns of white space.
    func advance(_ pos: Int, columns: Int, end: Int) -> Int {
        var used = 0
        var index = pos
        while index < end, used < columns {
            if bytes[index] == 0x20 { used += 1 } else if bytes[index] == 0x09 { used += 4 - used % 4 } else { break }
            index += 1
        }
        return index
    }

    func isBlank(_ pos: Int, _ end: Int) -> Bool { indentation(pos, end).next == end }

    /// Whether a line starts a block that ends a paragraph (so it is no lazy continuation).
    func startsBlock(_ pos: Int, _ end: Int) -> Bool {
        let (columns, start) = indentation(pos, end)
        guard columns <= 3, start < end else { return false }
        if bytes[start] == UInt8(ascii: ">") { return true }
        if fenceOpening(start, end) != nil || atxHeading(start, end) != nil || isThematicBreak(start, end) { return true }
        if let item = listMarker(start, end), item.contentStart < end { return true }
        return htmlBlockStart(start, end, interruptingParagraph: true) != nil
    }

    func listMarker(_ start: Int, _ end: Int) -> ListMarker? {
        var index = start
        var number = 0
        var ordered = false
        let byte = bytes[start]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
            index += 1
        } else {
            while index < end, index - start < 9, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                number = number * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            guard index > start, index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return nil }
            index += 1
            ordered = true
        }
        let width = index - start
        if index == end {
            return ListMarker(contentIndent: width + 1, contentStart: end, cannotInterruptParagraph: true)
        }
        guard bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        let (spaces, content) = indentation(index, end)
        let blank = content == end
        if blank || spaces > 4 {
            return ListMarker(contentIndent: width + 1, contentStart: index + 1, cannotInterruptParagraph: true)
        }
        return ListMarker(contentIndent: width + spaces, contentStart: content,
                          cannotInterruptParagraph: ordered && number != 1)
    }

    func isThematicBreak(_ start: Int, _ end: Int) -> Bool {
        let mark = bytes[start]
        guard mark == UInt8(ascii: "*") || mark == UInt8(ascii: "-") || mark == UInt8(ascii: "_") else { return false }
        var count = 0
        for index in start..<end {
            if bytes[index] == mark { count += 1 } else if bytes[index] != 0x20 && bytes[index] != 0x09 { return false }
        }
        return count >= 3
    }

    func fenceOpening(_ start: Int, _ end: Int) -> (byte: UInt8, length: Int)? {
        let fence = bytes[start]
        guard fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~") else { return nil }
        var index = start
        while index < end, bytes[index] == fence { index += 1 }
        guard index - start >= 3 else { return nil }
        if fence == UInt8(ascii: "`"), bytes[index..<end].contains(fence) { return nil }
        return (fence, index - start)
    }

    func isClosingFence(_ pos: Int, _ end: Int, fence: UInt8, length: Int) -> Bool {
        let (columns, start) = indentation(pos, end)
        guard columns <= 3 else { return false }
        var index = start
        while index < end, bytes[index] == fence { index += 1 }
        return index - start >= length && isBlank(index, end)
    }

    /// The content range of an ATX heading (`## Title ##` → `Title`).
    func atxHeading(_ start: Int, _ end: Int) -> Range<Int>? {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - start
        guard level >= 1, level <= 6, index == end || bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        let contentStart = indentation(index, end).next
        var contentEnd = end
        while contentEnd > contentStart, bytes[contentEnd - 1] == 0x20 || bytes[contentEnd - 1] == 0x09 { contentEnd -= 1 }
        var closing = contentEnd
        while closing > contentStart, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing < contentEnd, closing == contentStart || bytes[closing - 1] == 0x20 || bytes[closing - 1] == 0x09 {
            contentEnd = closing
            while contentEnd > contentStart, bytes[contentEnd - 1] == 0x20 || bytes[contentEnd - 1] == 0x09 {
                contentEnd -= 1
            }
        }
        return contentStart..<contentEnd
    }

    func isSetextUnderline(_ start: Int, _ end: Int) -> Bool {
        let mark = bytes[start]
        guard mark == UInt8(ascii: "=") || mark == UInt8(ascii: "-") else { return false }
        var index = start
        while index < end, bytes[index] == mark { index += 1 }
        return isBlank(index, end)
    }

    /// A pipe-table delimiter row: `| --- | :-: |`.
    func isDelimiterRow(_ start: Int, _ end: Int) -> Bool {
        var dashes = false
        var pipes = false
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "-"): dashes = true
            case UInt8(ascii: "|"): pipes = true
            case UInt8(ascii: ":"), 0x20, 0x09: break
            default: return false
            }
        }
        return dashes && (pipes || bytes[start] != UInt8(ascii: "-"))
    }

    private static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ]

    /// CommonMark's HTML block start conditions 1–7 (condition 7 cannot interrupt a paragraph).
    func htmlBlockStart(_ start: Int, _ end: Int, interruptingParagraph: Bool) -> HTMLBlockStart? {
        guard bytes[start] == UInt8(ascii: "<"), start + 1 < end else { return nil }
        let rest = bytes[start..<end]
        if rest.starts(with: "<!--".utf8) { return HTMLBlockStart(endsAtBlank: false, endMarker: Array("-->".utf8), isCode: false) }
        if rest.starts(with: "<?".utf8) { return HTMLBlockStart(endsAtBlank: false, endMarker: Array("?>".utf8), isCode: true) }
        if rest.starts(with: "<![CDATA[".utf8) {
            return HTMLBlockStart(endsAtBlank: false, endMarker: Array("]]>".utf8), isCode: true)
        }
        var index = start + 1
        let closing = bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        if !closing, bytes[index] == UInt8(ascii: "!"), index + 1 < end, MarkdownHTMLTag.isLetter(bytes[index + 1]) {
            return HTMLBlockStart(endsAtBlank: false, endMarker: Array(">".utf8), isCode: true)
        }
        let nameStart = index
        while index < end, MarkdownHTMLTag.isLetter(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39) {
            index += 1
        }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        let boundary = index == end || bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">")
            || (bytes[index] == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: ">"))
        if !closing, ["script", "pre", "style", "textarea"].contains(name),
           index == end || bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">")
        {
            return HTMLBlockStart(endsAtBlank: false, endMarker: Array("</\(name)>".utf8), isCode: name != "textarea")
        }
        if boundary, Self.blockTags.contains(name) {
            return HTMLBlockStart(endsAtBlank: true, endMarker: nil, isCode: false)
        }
        guard !interruptingParagraph, let tag = MarkdownHTMLTag.parse(bytes, at: start, end: end),
              isBlank(tag.end, end) else { return nil }
        return HTMLBlockStart(endsAtBlank: true, endMarker: nil, isCode: false)
    }
}
