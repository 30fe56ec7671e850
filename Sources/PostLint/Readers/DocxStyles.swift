/// What a paragraph style makes a paragraph: a heading, the title, a quotation, a caption.
///
/// Style ids are what paragraphs name (`w:pStyle w:val="Heading1"`), but they are localised
/// ("Überschrift1") and custom styles inherit (`w:basedOn`), so `word/styles.xml` is read when present:
/// a style's name ("heading 1"), its outline level and its base decide. Without styles, the built-in
/// English ids are recognised.
struct DocxStyles: Sendable {
    struct Style: Sendable {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
    }

    var styles: [String: Style] = [:]

    /// The kind a paragraph with this style id has, or nil for ordinary body text.
    func kind(ofStyle id: String) -> ProseKind? {
        var current: String? = id
        var seen = Set<String>()
        while let styleID = current, seen.insert(styleID).inserted, seen.count <= 16 {
            if let kind = Self.kind(named: styleID) { return kind }
            guard let style = styles[styleID] else { return nil }
            if let name = style.name, let kind = Self.kind(named: name) { return kind }
            if let level = style.outlineLevel, (0...8).contains(level) { return .heading }
            current = style.basedOn
        }
        return nil
    }

    /// Built-in style names and ids: "Heading1", "heading 1", "Title", "Quote", "Caption"…
    static func kind(named name: String) -> ProseKind? {
        let key = name.lowercased().filter { $0 != " " }
        if key == "title" { return .title }
        if key == "subtitle" { return .heading }
        if key.hasPrefix("heading"), let level = Int(key.dropFirst("heading".count)), (1...9).contains(level) { return .heading }
        if key == "quote" || key == "intensequote" { return .quote }
        if key == "caption" { return .caption }
        return nil
    }

    static func read(_ bytes: [UInt8]) -> DocxStyles {
        final class Handler: DocxXMLHandler {
            var styles = DocxStyles()
            var current: (id: String, style: Style)?
            func startElement(_ localName: String, namespace: String?, attributes: [DocxXMLAttribute]) {
                guard DocxNamespace(namespace) == .wordprocessing else { return }
                switch localName {
                case "style":
                    if let id = attributes.value("styleId", .wordprocessing),
                       attributes.value("type", .wordprocessing) ?? "paragraph" == "paragraph" {
                        current = (id, Style())
                    }
                case "name": current?.style.name = attributes.value("val", .wordprocessing)
                case "basedOn": current?.style.basedOn = attributes.value("val", .wordprocessing)
                case "outlineLvl": current?.style.outlineLevel = attributes.value("val", .wordprocessing).flatMap { Int($0) }
                default: break
                }
            }
            func endElement(_ localName: String, namespace: String?) {
                guard localName == "style", DocxNamespace(namespace) == .wordprocessing, let current else { return }
                styles.styles[current.id] = current.style
                self.current = nil
            }
            func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
        }
        let handler = Handler()
        _ = DocxXMLParser.parse(bytes, handler: handler)  // styles are a nicety: a broken part only loses them
        return handler.styles
    }
}
