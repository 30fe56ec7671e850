/// Inline HTML and autolinks: tags are dropped from the text, except that `<img>` becomes an image
/// (alt and file-name blocks) and `<a href>…</a>` a link; `<br>` and block tags read as a space.
extension MarkdownInlineParser {
    private static let separatingTags: Set<String> = [
        "br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
        "table", "section", "article", "header", "footer", "figcaption", "dt", "dd", "hr",
    ]

    mutating func handleTag(_ tag: MarkdownHTMLTag) {
        switch (tag.name, tag.isClosing) {
        case ("img", false):
            let source = tag.attribute("src")?.value
            let altRange = tag.attribute("alt")?.value
            let sourceBlock = source.map { decodedBlock(.linkTarget, label: "src", $0, escapes: false) }
            let alt = altRange.map { decodedBlock(.imageAlt, label: "alt", $0, escapes: false, enclosing: leaf.enclosing) }
            var extra: [Attribute] = []
            for attribute in tag.attributes where attribute.name != "src" && attribute.name != "alt" {
                guard let value = attribute.value else { continue }
                let block = decodedBlock(.other, label: attribute.name, value, escapes: false)
                extra.append(Attribute(name: attribute.name, value: block.string, valueRange: span.sourceRange(value)))
            }
            addImage(source: sourceBlock?.string, sourceRange: source.map { span.sourceRange($0) }, spanSource: source,
                     alt: alt, altRange: span.sourceRange(altRange ?? tag.start..<tag.start), whole: span.sourceRange(tag.start..<tag.end),
                     extra: extra)
        case ("a", false):
            var target: TextBlock?
            if let href = tag.attribute("href")?.value {
                let block = decodedBlock(.linkTarget, label: "href", href, escapes: false)
                if !block.text.isEmpty { sideBlocks.append(block) }
                target = block
            }
            if let title = tag.attribute("title")?.value {
                let block = decodedBlock(.titleAttribute, label: "title", title, escapes: false)
                if !block.text.isEmpty { sideBlocks.append(block) }
            }
            pieces.append(.open(.link))
            anchors.append(Anchor(piece: pieces.count, tag: tag, target: target))
        case ("a", true):
            guard let anchor = anchors.popLast() else { return }
            let inner = anchor.piece..<pieces.count
            pieces.append(.close(.link))
            if let target = anchor.target, let href = anchor.tag.attribute("href")?.value {
                pendingLinkTexts.append((links.count, inner))
                links.append(LinkElement(target: target.string, targetRange: span.sourceRange(href), text: "",
                                         range: span.sourceRange(anchor.tag.start..<tag.end)))
            }
        case (let name, _) where Self.separatingTags.contains(name):
            pieces.append(.separator(tag.start))
        default:
            break
        }
    }

    /// `<https://…>` or `<name@example.com>` at `start`: the address stays as link text. Returns the end.
    mutating func autolink(at start: Int) -> Int? {
        var index = start + 1
        let end = bytes.count
        // URI autolink: scheme of 2–32 characters, a colon, then no spaces, `<` or `>`.
        var scheme = index
        while scheme < end, scheme - index < 33,
              MarkdownHTMLTag.isLetter(bytes[scheme]) || (scheme > index && (MarkdownHTMLTag.isDigit(bytes[scheme])
                  || bytes[scheme] == UInt8(ascii: "+") || bytes[scheme] == UInt8(ascii: ".")
                  || bytes[scheme] == UInt8(ascii: "-"))) { scheme += 1 }
        var isEmail = false
        if scheme - index >= 2, scheme - index <= 32, scheme < end, bytes[scheme] == UInt8(ascii: ":") {
            index = scheme + 1
            while index < end, bytes[index] > 0x20, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
        } else {
            // Email autolink: local part, `@`, domain labels.
            while index < end, MarkdownHTMLTag.isLetter(bytes[index]) || MarkdownHTMLTag.isDigit(bytes[index])
                    || ".!#$%&'*+/=?^_`{|}~-".utf8.contains(bytes[index]) { index += 1 }
            guard index > start + 1, index < end, bytes[index] == UInt8(ascii: "@") else { return nil }
            index += 1
            let domainStart = index
            while index < end, MarkdownHTMLTag.isLetter(bytes[index]) || MarkdownHTMLTag.isDigit(bytes[index])
                    || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".") { index += 1 }
            guard index > domainStart else { return nil }
            isEmail = true
        }
        guard index < end, bytes[index] == UInt8(ascii: ">") else { return nil }
        let address = start + 1..<index
        pieces.append(.open(.link))
        pieces.append(.text(address))
        pieces.append(.close(.link))
        let text = span.string(address)
        links.append(LinkElement(target: isEmail ? "mailto:" + text : text, targetRange: span.sourceRange(address),
                                 text: text, range: span.sourceRange(start..<index + 1)))
        return index + 1
    }
}
