/// Turns the reader's element and text events, already carrying exact source ranges, into a
/// `Document`: prose blocks split at block-level elements, inline contexts, attribute prose, and the
/// structural records (images, links, metas, comments, marked elements).
///
/// Text inside `<svg>` (its `<title>`, `<desc>`, `<text>`) is kind `.other`: it names a graphic and is
/// not running prose. The `<svg>` itself is recorded as a `MarkedElement` carrying that text, which is
/// what logo checks look at. A paragraph inside `<blockquote>` is kind `.quote` (and encloses
/// `.quotation`), so quote-scoped rules see the usual `<blockquote><p>…</p></blockquote>`.
///
/// Everything is kept on explicit stacks with O(1) work per event, so 100,000 nested elements cost no
/// more than 100,000 siblings.
struct HTMLDocumentBuilder {
    /// An attribute with its decoded, source-aligned value.
    struct ResolvedAttribute {
        var name: String
        var value: HTMLAlignedText
        var valueRange: Range<Int>

        var attribute: Attribute {
            Attribute(name: name, value: String(decoding: value.bytes, as: UTF8.self), valueRange: valueRange)
        }
    }

    private struct OpenElement {
        var name: String
        var entry: HTMLElementTable.Entry
        var tagStart: Int
        var textStart: Int
        var markedIndex: Int?
        var linkIndex: Int?
        var insideSkipped: Bool
        var isPageChrome = false
        /// For a header cell: the columns whose header it gives.
        var headerColumns: Range<Int>?
    }

    /// An open `<table>`: its column headers (from `<th>` in its first row or in `<thead>`), so a
    /// cell's block can carry its column's header as its label ("Star of the Week").
    private struct OpenTable {
        var headers: [String] = []
        var column = 0
        var rows = 0
        var headDepth = 0
    }

    /// Text recorded for a link or marked element is capped: bylines, logos and link texts are short,
    /// and the cap keeps deeply nested marked elements from copying the document once per level.
    static let elementTextLimit = 4096

    private(set) var document: Document
    private var stack: [OpenElement] = []
    private var blockStack: [(kind: ProseKind, enclosing: InlineContext, label: String?)] = [(.other, [], nil)]
    private var tables: [OpenTable] = []
    private var current: TextBlockBuilder?
    /// White space that would start a block, held back: most of it is the line breaks between block
    /// elements, whose block is then dropped as blank. It becomes a builder (with the contexts open
    /// now, which nothing changes before) as soon as anything else happens in the block.
    private var heldBlank = HTMLAlignedText()
    private var contextCounts = [Int](repeating: 0, count: 16)
    private var skipDepth = 0
    private var svgDepth = 0
    /// How many article, main, section… elements are open: a header or footer inside one is the post's.
    private var contentDepth = 0
    /// All prose text in document order, from which link and marked-element texts are cut.
    private var allText: [UInt8] = []
    private var attributeBlocks: [TextBlock] = []

    init(source: SourceText) {
        document = Document(source: source, format: .html)
    }

    var depth: Int { stack.count }
    var isInsideSkipped: Bool { skipDepth > 0 }
    var isInsideHead: Bool { headDepth > 0 }
    private var headDepth = 0

    /// The start tag offset of the innermost open element named `name`.
    func openTagStart(of name: String) -> Int? {
        stack.last { $0.name == name }?.tagStart
    }

    // MARK: Events

    mutating func start(_ name: String, entry: HTMLElementTable.Entry, attributes: [ResolvedAttribute], tagRange: Range<Int>) {
        let role = entry.role
        var element = OpenElement(name: name, entry: entry, tagStart: tagRange.lowerBound, textStart: allText.count,
                                  insideSkipped: skipDepth > 0)
        defer { stack.append(element) }
        if skipDepth > 0 {
            if role == .skipped { skipDepth += 1 }
            return
        }
        if entry.isContent { contentDepth += 1 }
        if Self.isPageChrome(name, attributes: attributes, insideContent: contentDepth > (entry.isContent ? 1 : 0)) {
            element.isPageChrome = true
            open(Self.pageChromeFlag)
        }
        record(name, entry: entry, attributes: attributes, tagRange: tagRange, into: &element)
        let columnHeader = openTablePart(name, attributes: attributes, into: &element)
        switch role {
        case .block(let kind):
            flushBlock()
            separateText()
            let outer = blockStack[blockStack.count - 1]
            let enclosing = outer.enclosing.union(name == "blockquote" ? .quotation : [])
            var effective = kind
            if svgDepth > 0 || name == "svg" {
                effective = .other
            } else if kind == .paragraph, enclosing.contains(.quotation) {
                effective = .quote
            }
            blockStack.append((effective, enclosing, columnHeader))
        case .inline(let contexts):
            var bits = contexts.rawValue
            while bits != 0 {
                open(bits.trailingZeroBitCount)
                bits &= bits - 1
            }
            if name == "br" {
                // A line break in the text, so lines such as a sign-off's name and title stay apart.
                startHeldBlank()
                current?.appendSeparator(0x0A, at: tagRange.lowerBound)
                separateText()
            }
        case .skipped:
            skipDepth += 1
        }
        if name == "svg" { svgDepth += 1 }
        if name == "head" { headDepth += 1 }
    }

    /// Closes the innermost open `name` and anything libxml2 left open inside it, at source offset `end`.
    mutating func end(_ name: String, at end: Int) {
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > index { close(stack.removeLast(), at: end) }
    }

    mutating func text(_ aligned: HTMLAlignedText) {
        guard skipDepth == 0, !aligned.bytes.isEmpty else { return }
        allText.append(contentsOf: aligned.bytes)
        if current == nil, heldBlank.bytes.isEmpty, !aligned.bytes.contains(where: { !HTMLTextAligner.isSpace($0) }) {
            heldBlank.assign(aligned)
            return
        }
        startHeldBlank()
        if current == nil { startBlock() }
        aligned.append(to: &current!)
    }

    private mutating func startBlock() {
        let block = blockStack[blockStack.count - 1]
        current = TextBlockBuilder(kind: block.kind, enclosing: block.enclosing, label: block.label)
        for flag in 0..<contextCounts.count where contextCounts[flag] > 0 {
            current!.openContext(InlineContext(rawValue: 1 << flag))
        }
    }

    /// Turns held-back white space into the block it starts (see `heldBlank`).
    private mutating func startHeldBlank() {
        guard !heldBlank.bytes.isEmpty else { return }
        startBlock()
        heldBlank.append(to: &current!)
        heldBlank.removeAll()
    }

    mutating func comment(_ text: String, range: Range<Int>) {
        document.comments.append(Comment(text: text, range: range))
    }

    /// Closes whatever is still open at `end` and returns the document, blocks in source order.
    mutating func finish(at end: Int) -> Document {
        while let element = stack.popLast() { close(element, at: end) }
        flushBlock()
        document.blocks = Self.merged(document.blocks, attributeBlocks)
        return document
    }

    /// Prose and attribute blocks in source order (by first mapped byte, prose first on a tie). Each
    /// list is nearly always in order already, so they are merged; a stable sort covers the rest.
    private static func merged(_ prose: [TextBlock], _ attributes: [TextBlock]) -> [TextBlock] {
        func start(_ block: TextBlock) -> Int { block.map.runs.first?.sourceStart ?? 0 }
        func isSorted(_ blocks: [TextBlock]) -> Bool {
            blocks.indices.dropFirst().allSatisfy { start(blocks[$0 - 1]) <= start(blocks[$0]) }
        }
        guard isSorted(prose), isSorted(attributes) else {
            return (prose + attributes).enumerated().sorted { lhs, rhs in
                let left = start(lhs.element), right = start(rhs.element)
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        if attributes.isEmpty { return prose }
        var result: [TextBlock] = []
        result.reserveCapacity(prose.count + attributes.count)
        var next = (prose: 0, attribute: 0)
        while next.prose < prose.count || next.attribute < attributes.count {
            if next.attribute == attributes.count
                || (next.prose < prose.count && start(prose[next.prose]) <= start(attributes[next.attribute])) {
                result.append(prose[next.prose])
                next.prose += 1
            } else {
                result.append(attributes[next.attribute])
                next.attribute += 1
            }
        }
        return result
    }

    // MARK: Helpers

    private mutating func close(_ element: OpenElement, at end: Int) {
        if element.insideSkipped {
            if element.entry.role == .skipped { skipDepth -= 1 }
            return
        }
        switch element.entry.role {
        case .block:
            flushBlock()
            separateText()
            if blockStack.count > 1 { blockStack.removeLast() }
        case .inline(let contexts):
            var bits = contexts.rawValue
            while bits != 0 {
                close(bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        case .skipped:
            skipDepth -= 1
        }
        if element.name == "svg" { svgDepth -= 1 }
        if element.name == "head" { headDepth -= 1 }
        if element.entry.isContent { contentDepth -= 1 }
        closeTablePart(element)
        if element.isPageChrome { close(Self.pageChromeFlag) }
        let range = element.tagStart..<max(element.tagStart, end)
        if let index = element.markedIndex {
            document.elements[index].text = cutText(from: element.textStart)
            document.elements[index].range = range
        }
        if let index = element.linkIndex {
            document.links[index].text = cutText(from: element.textStart)
            document.links[index].range = range
        }
    }

    /// Records what a start tag's attributes hold: attribute prose, images, links, metas, marked elements.
    private mutating func record(_ name: String, entry: HTMLElementTable.Entry, attributes: [ResolvedAttribute], tagRange: Range<Int>,
                                 into element: inout OpenElement) {
        func value(_ attribute: String) -> ResolvedAttribute? { attributes.first { $0.name == attribute } }
        for attribute in attributes {
            switch (attribute.name, name) {
            case ("title", _): addAttributeBlock(.titleAttribute, label: "title", attribute.value)
            case ("aria-label", _): addAttributeBlock(.titleAttribute, label: "aria-label", attribute.value)
            case ("alt", "img"): addAttributeBlock(.imageAlt, label: "alt", attribute.value)
            case ("src", "img"):
                if let fileName = Self.fileNameRange(of: attribute.value.bytes) {
                    addAttributeBlock(.imageFileName, label: "src", attribute.value, range: fileName)
                }
            case ("href", "a"): addAttributeBlock(.linkTarget, label: "href", attribute.value)
            default: break
            }
        }
        if name == "img" {
            document.images.append(ImageElement(
                source: value("src")?.attribute.value, alt: value("alt")?.attribute.value,
                attributes: attributes.map(\.attribute), range: tagRange))
        }
        if name == "a", let href = value("href") {
            element.linkIndex = document.links.count
            document.links.append(LinkElement(target: href.attribute.value, targetRange: href.valueRange, text: "",
                                              range: tagRange, isInPageChrome: contextCounts[Self.pageChromeFlag] > 0))
        }
        if name == "meta", let content = value("content"), let key = value("name") ?? value("property") {
            let label = key.attribute.value
            document.metas.append(MetaElement(name: label, content: content.attribute.value,
                                              contentRange: content.valueRange))
            addAttributeBlock(.meta, label: label, content.value)
            // A share image (`og:image`, `twitter:image`) names its file as an <img> does.
            if Self.imageMetaNames.contains(label.lowercased()), let fileName = Self.fileNameRange(of: content.value.bytes) {
                addAttributeBlock(.imageFileName, label: label, content.value, range: fileName)
            }
        }
        if entry.isAlwaysMarked
            || attributes.contains(where: { HTMLElementTable.markingAttributes.contains($0.name) }) {
            element.markedIndex = document.elements.count
            document.elements.append(MarkedElement(name: name, attributes: attributes.map(\.attribute), text: "",
                                                   range: tagRange))
        }
    }

    private mutating func addAttributeBlock(_ kind: ProseKind, label: String, _ value: HTMLAlignedText,
                                            range: Range<Int>? = nil) {
        var builder = TextBlockBuilder(kind: kind, label: label)
        value.append(to: &builder, range: range)
        let block = builder.finish()
        if block.text.contains(where: { !HTMLTextAligner.isSpace($0) }) { attributeBlocks.append(block) }
    }

    static let imageMetaNames: Set<String> = ["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]

    /// The file-name part of an image source: the last path segment, without query or fragment.
    static func fileNameRange(of value: [UInt8]) -> Range<Int>? {
        if value.count >= 5, value[0..<5].map(HTMLTagScanner.lower).elementsEqual("data:".utf8) { return nil }
        let end = value.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? value.count
        let start = value[..<end].lastIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }.map { $0 + 1 } ?? 0
        return start < end ? start..<end : nil
    }

    private mutating func flushBlock() {
        heldBlank.removeAll()  // a blank block is dropped
        guard current != nil else { return }
        var block = current!.finish()  // in place: copying the builder out would copy its arrays
        current = nil
        guard block.text.contains(where: { !HTMLTextAligner.isSpace($0) }) else { return }
        if Self.isCodeOnly(block) { block.kind = .code }
        document.blocks.append(block)
    }

    /// A block whose every visible byte is inside `<code>` (or similar) is code, not prose.
    private static func isCodeOnly(_ block: TextBlock) -> Bool {
        guard block.kind != .code, block.kind != .title, block.kind != .heading else { return false }
        if block.enclosing.contains(.code) { return true }
        // Without a code span some visible byte (the caller saw one) is outside code: skip the scan.
        guard block.contexts.contains(where: { $0.context.contains(.code) }) else { return false }
        var covered = [Bool](repeating: false, count: block.text.count)
        for span in block.contexts where span.context.contains(.code) {
            for index in span.range where index < covered.count { covered[index] = true }
        }
        var sawCode = false
        for (index, byte) in block.text.enumerated() where !HTMLTextAligner.isSpace(byte) {
            guard covered[index] else { return false }
            sawCode = true
        }
        return sawCode
    }

    /// Keeps words of neighbouring blocks apart in element texts.
    private mutating func separateText() {
        if let last = allText.last, !HTMLTextAligner.isSpace(last) { allText.append(0x20) }
    }

    private func cutText(from start: Int, limit: Int = elementTextLimit) -> String {
        guard start < allText.count else { return "" }
        var end = min(allText.count, start + limit)
        while end < allText.count, end > start, allText[end] & 0xC0 == 0x80 { end -= 1 }
        let bytes = allText[start..<end]
        let trimmed = bytes.drop { HTMLTextAligner.isSpace($0) }.reversed().drop { HTMLTextAligner.isSpace($0) }
        return String(decoding: trimmed.reversed(), as: UTF8.self)
    }

    // MARK: Tables

    /// Keeps count of rows and columns; returns, for a data cell, its column's header.
    private mutating func openTablePart(_ name: String, attributes: [ResolvedAttribute], into element: inout OpenElement) -> String? {
        switch name {
        case "table": tables.append(OpenTable())
        case "thead": if !tables.isEmpty { tables[tables.count - 1].headDepth += 1 }
        case "tr":
            if !tables.isEmpty {
                tables[tables.count - 1].column = 0
                tables[tables.count - 1].rows += 1
            }
        case "td", "th":
            guard !tables.isEmpty else { return nil }
            let table = tables[tables.count - 1]
            let span = attributes.first { $0.name == "colspan" }.flatMap { Int(String(decoding: $0.value.bytes, as: UTF8.self)) } ?? 1
            let end = min(TextBlock.columnLimit, table.column + max(1, min(span, TextBlock.columnLimit)))
            tables[tables.count - 1].column = end
            if name == "th", table.rows <= 1 || table.headDepth > 0 {
                if table.column < end { element.headerColumns = table.column..<end }
                return nil
            }
            return table.column < table.headers.count && !table.headers[table.column].isEmpty ? table.headers[table.column] : nil
        default: break
        }
        return nil
    }

    private mutating func closeTablePart(_ element: OpenElement) {
        switch element.name {
        case "table": _ = tables.popLast()
        case "thead": if !tables.isEmpty { tables[tables.count - 1].headDepth -= 1 }
        case "th":
            guard let columns = element.headerColumns, !tables.isEmpty else { return }
            var headers = tables[tables.count - 1].headers
            tables[tables.count - 1].headers = []  // unique, so growing it does not copy
            if headers.count < columns.upperBound { headers += Array(repeating: "", count: columns.upperBound - headers.count) }
            let header = cutText(from: element.textStart, limit: TextBlock.columnHeaderLimit)
            for column in columns { headers[column] = header }
            tables[tables.count - 1].headers = headers
        default: break
        }
    }

    // MARK: Page chrome

    private static let pageChromeFlag = 5
    private static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"]
    private static let chromeWords = ["nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
                                      "cookie", "cookies", "sidebar", "widget", "site-header", "site-footer", "masthead", "footer", "skip-link",
                                      "topbar", "top-bar", "top_bar", "toolbar", "utility-bar", "header-top", "pre-header"]

    /// Site template rather than post: `<nav>`, `<aside>`, a site-level `<header>`/`<footer>` (not one
    /// inside an article or section) or an element named like one outside the content ("jotter-footer"),
    /// landmark roles, and class or id names such as "share-buttons", "site-footer", "cookie-banner".
    private static func isPageChrome(_ name: String, attributes: [ResolvedAttribute], insideContent: Bool) -> Bool {
        if name == "nav" || name == "aside" { return true }
        if (name == "header" || name == "footer") && !insideContent { return true }
        // The elements that hold the whole page or post carry the theme's layout flags as classes
        // (`<body class="header-layout-nav-right">`, `<main class="has-sidebar">`): never chrome by name.
        if wholePageElements.contains(name) { return false }
        for attribute in attributes {
            switch attribute.name {
            case "role":
                if chromeRoles.contains(lowercased(attribute.value)) { return true }
            case "class", "id":
                let value = String(decoding: attribute.value.bytes, as: UTF8.self)
                for name in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                    let word = name.lowercased()
                    let parts = nameParts(name)
                    // An e-mail template's or a theme's own footer: "templateFooter", "templatePreheader" (Mailchimp,
                    // its "view this email in your browser" line), "template-footer".
                    if !insideContent, parts.count > 1, parts.last == "footer" || parts.last == "header" || parts.last == "preheader",
                       !flagOpeners.contains(parts[0]) {
                        return true
                    }
                    // A layout flag on a container that holds the post too: "layout--sidebar" (a BEM
                    // modifier), "has-sidebar", "page-with-sidebar", "sidebar-layout".
                    if word.contains("--") || parts.contains(where: { layoutFlagParts.contains($0) }) { continue }
                    if chromeWords.contains(String(word)) || parts.contains(where: { chromeParts.contains($0) })
                        || (!insideContent && (parts.last == "footer" || parts.last == "header")) {
                        return true
                    }
                }
            default: break
            }
        }
        return false
    }

    /// A class or id name's words, lower-cased: split at "-", "_" and camelCase ("templateFooter",
    /// "site_footer", "mcnFollowBlock").
    private static func nameParts(_ name: Substring) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var previousIsLower = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousIsLower = false
                continue
            }
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if isUpper, previousIsLower, !current.isEmpty {
                parts.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(isUpper ? byte | 0x20 : byte)
            previousIsLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
        return parts
    }

    /// First words of a layout flag rather than a region: "has-footer", "with-header", "no-footer".
    private static let flagOpeners: Set<String> = ["has", "with", "no", "without", "show", "hide"]
    private static let wholePageElements: Set<String> = ["html", "body", "main", "article"]
    private static let layoutFlagParts: Set<String> = ["layout", "has", "with", "no", "template", "grid", "container", "wrapper"]
    private static let chromeParts: Set<String> = ["nav", "menu", "share", "social", "cookie", "breadcrumb", "breadcrumbs", "sidebar",
                                                   "topbar", "toolbar"]

    private static func lowercased(_ value: HTMLAlignedText) -> String {
        String(decoding: value.bytes, as: UTF8.self).lowercased()
    }

    private mutating func open(_ flag: Int) {
        startHeldBlank()
        contextCounts[flag] += 1
        if contextCounts[flag] == 1 { current?.openContext(InlineContext(rawValue: 1 << flag)) }
    }

    private mutating func close(_ flag: Int) {
        startHeldBlank()
        contextCounts[flag] -= 1
        if contextCounts[flag] == 0 { current?.closeContext(InlineContext(rawValue: 1 << flag)) }
    }
}
