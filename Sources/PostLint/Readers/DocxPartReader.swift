/// Turns the SAX events of one WordprocessingML part (the body, a header, a footer, the footnotes)
/// into paragraphs: the text of `w:t` runs joined as Word shows it, `w:tab` as a tab, `w:br` and
/// `w:cr` as a space, hyperlinks (`w:hyperlink`, `HYPERLINK` fields) with their targets from the
/// part's relationships, and images (`w:drawing`, VML `w:pict`) with their alternative text.
///
/// Left out on purpose: deleted and moved-away text of tracked changes (`w:del`, `w:moveFrom`), field
/// codes (`w:instrText`), and the VML copies Word keeps for old readers (`mc:Fallback`), which would
/// otherwise read every text box twice. A text box's paragraphs come before the paragraph they sit in.
final class DocxPartReader: DocxXMLHandler {
    private let relationships: DocxRelationships
    private let styles: DocxStyles
    private let group: String?

    private(set) var paragraphs: [DocxParagraph] = []
    /// `w:altChunk`: content imported from another file, which PostLint does not read.
    private(set) var importedChunks = 0

    private struct OpenLink {
        var start: Int
        var target: String?
        var fromField: Bool
    }

    private struct OpenParagraph {
        var paragraph: DocxParagraph
        var styleKind: ProseKind?
        var isListItem = false
        var links: [OpenLink] = []
    }

    private struct Field {
        var instruction = ""
        var openedLink = false
        var paragraphSerial: Int?
    }

    private var open: [OpenParagraph] = []
    private var openSerials: [Int] = []
    private var serial = 0
    private var textDepth = 0
    private var instructionDepth = 0
    private var skipDepth = 0
    private var propertiesDepth = 0
    private var tableCellDepth = 0
    private var images: [DocxImage] = []
    private var fields: [Field] = []
    private var run: (start: Int, emphasis: InlineContext)?
    private var noteGroup: String?
    private var noteCount = 0

    init(relationships: DocxRelationships, styles: DocxStyles, group: String?) {
        self.relationships = relationships
        self.styles = styles
        self.group = group
    }

    // MARK: Events

    func startElement(_ localName: String, namespace: String?, attributes: [DocxXMLAttribute]) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let space = DocxNamespace(namespace)
        switch space {
        case .compatibility:
            if localName == "Fallback" { skipDepth = 1 }
            return
        case .drawingWordprocessing:
            if localName == "docPr", !images.isEmpty {
                images[images.count - 1].description = attributes.value("descr").nonEmpty
                images[images.count - 1].title = attributes.value("title").nonEmpty
                images[images.count - 1].name = attributes.value("name").nonEmpty
            }
            return
        case .drawing:
            if localName == "blip", !images.isEmpty,
               let id = attributes.value("embed", .relationships) ?? attributes.value("link", .relationships) {
                images[images.count - 1].source = relationships[id]?.target
            }
            return
        case .vml:
            guard !images.isEmpty else { return }
            if localName == "imagedata" {
                if let id = attributes.value("id", .relationships) { images[images.count - 1].source = relationships[id]?.target }
                if let title = attributes.value("title", .office).nonEmpty { images[images.count - 1].title = title }
            } else if let alt = attributes.value("alt").nonEmpty {
                images[images.count - 1].description = alt
            }
            return
        case .wordprocessing:
            break
        default:
            return
        }
        if propertiesDepth > 0 || localName.hasSuffix("Pr") {
            propertiesDepth += 1
            readProperty(localName, attributes: attributes)
            return
        }
        switch localName {
        case "p":
            serial += 1
            var paragraph = DocxParagraph(kind: tableCellDepth > 0 ? .tableCell : .paragraph)
            paragraph.group = noteGroup ?? group
            open.append(OpenParagraph(paragraph: paragraph))
            openSerials.append(serial)
        case "r":
            run = (open.last?.paragraph.text.count ?? 0, [])
        case "t":
            textDepth += 1
        case "instrText":
            instructionDepth += 1
        case "tab", "ptab":
            append([0x09])
        case "br", "cr":
            append([0x20])
        case "noBreakHyphen":
            append([UInt8(ascii: "-")])
        case "tc":
            tableCellDepth += 1
        case "hyperlink":
            openLink(target: linkTarget(attributes), fromField: false)
        case "fldSimple":
            openLink(target: attributes.value("instr", .wordprocessing).flatMap(Self.hyperlinkTarget), fromField: false)
        case "fldChar":
            field(attributes.value("fldCharType", .wordprocessing))
        case "drawing", "pict", "object":
            images.append(DocxImage(offset: open.last?.paragraph.text.count ?? 0))
        case "del", "moveFrom":
            skipDepth = 1
        case "footnote", "endnote":
            if let type = attributes.value("type", .wordprocessing), type != "normal" {
                skipDepth = 1  // separators and continuation notices: layout, not text
            } else {
                noteCount += 1
                noteGroup = "\(localName) \(noteCount)"
            }
        case "altChunk":
            importedChunks += 1
        default:
            break
        }
    }

    func endElement(_ localName: String, namespace: String?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard DocxNamespace(namespace) == .wordprocessing else { return }
        if propertiesDepth > 0 {
            propertiesDepth -= 1
            return
        }
        switch localName {
        case "p":
            finishParagraph()
        case "r":
            if let run, !run.emphasis.isEmpty, let end = open.last?.paragraph.text.count, end > run.start {
                open[open.count - 1].paragraph.contexts.append(ContextSpan(context: run.emphasis, range: run.start..<end))
            }
            run = nil
        case "t":
            textDepth = max(0, textDepth - 1)
        case "instrText":
            instructionDepth = max(0, instructionDepth - 1)
        case "tc":
            tableCellDepth = max(0, tableCellDepth - 1)
        case "hyperlink", "fldSimple":
            closeLink(fromField: false)
        case "drawing", "pict", "object":
            guard let image = images.popLast() else { return }
            if image.source != nil || image.description != nil || image.title != nil, !open.isEmpty {
                open[open.count - 1].paragraph.images.append(image)
            }
        case "footnote", "endnote":
            noteGroup = nil
        default:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard skipDepth == 0 else { return }
        if textDepth > 0 {
            append(bytes)
        } else if instructionDepth > 0, !fields.isEmpty {
            fields[fields.count - 1].instruction += String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Closes what a broken part left open, so text read before an error is kept.
    func finish() {
        while !open.isEmpty { finishParagraph() }
    }

    // MARK: Paragraphs

    /// Appends text to the innermost paragraph. Line ends and other control characters become spaces
    /// or vanish: one paragraph must stay one line of the rendering.
    private func append(_ bytes: some Collection<UInt8>) {
        guard !open.isEmpty else { return }
        var text = open[open.count - 1].paragraph.text
        open[open.count - 1].paragraph.text = []
        text.reserveCapacity(text.count + bytes.count)
        for byte in bytes {
            switch byte {
            case 0x09: text.append(0x09)
            case 0x0A, 0x0B, 0x0C, 0x0D: text.append(0x20)
            case 0x00..<0x20, 0x7F: continue
            default: text.append(byte)
            }
        }
        open[open.count - 1].paragraph.text = text
    }

    private func readProperty(_ localName: String, attributes: [DocxXMLAttribute]) {
        guard !open.isEmpty else { return }
        switch localName {
        case "pStyle":
            if let id = attributes.value("val", .wordprocessing) { open[open.count - 1].styleKind = styles.kind(ofStyle: id) }
        case "numPr":
            open[open.count - 1].isListItem = true
        case "outlineLvl":
            if let level = attributes.value("val", .wordprocessing).flatMap({ Int($0) }), (0...8).contains(level),
               open[open.count - 1].styleKind == nil {
                open[open.count - 1].styleKind = .heading
            }
        case "i", "b":
            let value = attributes.value("val", .wordprocessing)
            if run != nil, value != "0", value != "false", value != "off" {
                run?.emphasis.formUnion(localName == "i" ? .italicEmphasis : .emphasis)
            }
        default:
            break
        }
    }

    private func finishParagraph() {
        guard var current = open.popLast() else { return }
        openSerials.removeLast()
        let end = current.paragraph.text.count
        for link in current.links.reversed() { record(link, end: end, in: &current.paragraph) }
        if let kind = current.styleKind {
            current.paragraph.kind = kind
            if kind == .quote { current.paragraph.enclosing.insert(.quotation) }
        } else if current.isListItem, current.paragraph.kind == .paragraph {
            current.paragraph.kind = .listItem
        }
        current.paragraph.contexts.sort { $0.range.lowerBound < $1.range.lowerBound }
        paragraphs.append(current.paragraph)
    }

    // MARK: Links

    private func linkTarget(_ attributes: [DocxXMLAttribute]) -> String? {
        if let id = attributes.value("id", .relationships), let relationship = relationships[id] {
            let anchor = attributes.value("anchor", .wordprocessing).map { "#" + $0 } ?? ""
            return relationship.target + anchor
        }
        return attributes.value("anchor", .wordprocessing).map { "#" + $0 }
    }

    private func openLink(target: String?, fromField: Bool) {
        guard !open.isEmpty else { return }
        open[open.count - 1].links.append(OpenLink(start: open[open.count - 1].paragraph.text.count, target: target,
                                                    fromField: fromField))
    }

    private func closeLink(fromField: Bool) {
        guard !open.isEmpty, let index = open[open.count - 1].links.lastIndex(where: { $0.fromField == fromField }) else { return }
        let link = open[open.count - 1].links.remove(at: index)
        record(link, end: open[open.count - 1].paragraph.text.count, in: &open[open.count - 1].paragraph)
    }

    private func record(_ link: OpenLink, end: Int, in paragraph: inout DocxParagraph) {
        let range = link.start..<max(link.start, end)
        guard link.target != nil || !range.isEmpty else { return }
        if !range.isEmpty { paragraph.contexts.append(ContextSpan(context: .link, range: range)) }
        paragraph.links.append(DocxLink(range: range, target: link.target))
    }

    /// Complex fields: `begin`, the instruction in `w:instrText`, `separate`, the shown result, `end`.
    /// A `HYPERLINK` field's result is link text.
    private func field(_ type: String?) {
        switch type {
        case "begin":
            fields.append(Field())
        case "separate":
            guard !fields.isEmpty, !fields[fields.count - 1].openedLink,
                  let target = Self.hyperlinkTarget(fields[fields.count - 1].instruction) else { return }
            openLink(target: target, fromField: true)
            fields[fields.count - 1].openedLink = true
            fields[fields.count - 1].paragraphSerial = openSerials.last
        case "end":
            guard let field = fields.popLast() else { return }
            // A link still open in another paragraph is closed when that paragraph ends.
            if field.openedLink, field.paragraphSerial == openSerials.last { closeLink(fromField: true) }
        default:
            break
        }
    }

    /// The target of a `HYPERLINK "address" \l "bookmark" \o "tip"` field instruction.
    static func hyperlinkTarget(_ instruction: String) -> String? {
        var tokens: [(text: String, quoted: Bool)] = []
        var current = ""
        var quoted = false
        var inQuotes = false
        for character in instruction {
            if character == "\"" {
                if inQuotes { tokens.append((current, true)); current = ""; inQuotes = false } else {
                    if !current.isEmpty { tokens.append((current, false)) }
                    current = ""
                    inQuotes = true
                }
                quoted = true
            } else if character.isWhitespace, !inQuotes {
                if !current.isEmpty { tokens.append((current, false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append((current, quoted && inQuotes)) }
        guard let first = tokens.first, first.text.uppercased() == "HYPERLINK" else { return nil }
        var address: String?
        var bookmark: String?
        var index = 1
        while index < tokens.count {
            let token = tokens[index]
            if !token.quoted, token.text.hasPrefix("\\") {
                let hasArgument = ["\\l", "\\o", "\\t", "\\m"].contains(token.text.lowercased()) && index + 1 < tokens.count
                if token.text.lowercased() == "\\l", hasArgument { bookmark = tokens[index + 1].text }
                index += hasArgument ? 2 : 1
                continue
            }
            if address == nil { address = token.text }
            index += 1
        }
        if let address { return address + (bookmark.map { "#" + $0 } ?? "") }
        return bookmark.map { "#" + $0 }
    }
}

extension Optional where Wrapped == String {
    /// The string when it holds more than white space.
    var nonEmpty: String? {
        guard let self, self.contains(where: { !$0.isWhitespace }) else { return nil }
        return self
    }
}
