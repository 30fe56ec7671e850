/// What each HTML element means to the linter: whether it starts a block of prose (and of which kind),
/// adds an inline context, or hides its content. Everything not listed is inline and transparent
/// (`<b>Oliver</b> Smith` stays one block), which also covers HTML5 elements libxml2 2.9 does not know.
enum HTMLElementTable {
    enum Role: Sendable, Equatable {
        /// Starts a new block; text directly inside it is prose of this kind.
        case block(ProseKind)
        /// Inline: does not split the block, may add a context.
        case inline(InlineContext)
        /// Content is not prose at all (scripts, styles, templates, fallbacks for disabled scripting).
        case skipped
    }

    /// Everything the reader asks about an element name, found with one look-up per start tag (set and
    /// dictionary look-ups hash the name each time, and a start tag used to ask five of them).
    struct Entry: Sendable, Equatable {
        var role: Role
        /// A header or footer inside one of these belongs to the post, not to the site.
        var isContent = false
        /// Belongs to the document head, before any content (for `Document.bodyStart`).
        var isHeadElement = false
        /// Recorded as a `MarkedElement` whatever its attributes.
        var isAlwaysMarked = false
    }

    static func entry(of name: String) -> Entry {
        entries[name] ?? Entry(role: .inline([]))
    }

    /// Every name with an entry of its own.
    static var names: Dictionary<String, Entry>.Keys { entries.keys }

    private static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        let names = Set(blockKinds.keys).union(skipped).union(contexts.keys).union(contentElements)
            .union(headElements).union(alwaysMarked)
        for name in names {
            table[name] = Entry(role: role(of: name), isContent: contentElements.contains(name),
                                isHeadElement: headElements.contains(name), isAlwaysMarked: alwaysMarked.contains(name))
        }
        return table
    }()

    private static func role(of name: String) -> Role {
        if let kind = blockKinds[name] { return .block(kind) }
        if skipped.contains(name) { return .skipped }
        return .inline(contexts[name] ?? [])
    }

    private static let blockKinds: [String: ProseKind] = {
        var table: [String: ProseKind] = [
            "title": .title,
            "li": .listItem, "dt": .listItem, "dd": .listItem,
            "blockquote": .quote,
            "figcaption": .caption, "caption": .caption,
            "td": .tableCell, "th": .tableCell,
            "pre": .code, "listing": .code, "xmp": .code, "plaintext": .code,
        ]
        for level in 1...6 { table["h\(level)"] = .heading }
        // Containers whose loose text reads as a paragraph.
        for name in ["p", "div", "body", "section", "article", "main", "header", "footer", "aside", "address",
                     "form", "fieldset", "legend", "details", "summary", "center", "figure", "hgroup", "dialog",
                     "search"] {
            table[name] = .paragraph
        }
        // Structure whose loose text is not running prose (list and table scaffolding, menus, widgets).
        for name in ["html", "head", "nav", "menu", "ul", "ol", "dl", "dir", "table", "thead", "tbody", "tfoot",
                     "tr", "colgroup", "select", "optgroup", "option", "datalist", "textarea", "button", "iframe",
                     "object", "video", "audio", "canvas", "svg", "math", "hr", "frameset", "noframes", "map"] {
            table[name] = .other
        }
        return table
    }()

    private static let skipped: Set<String> = ["script", "style", "template", "noscript"]

    private static let contexts: [String: InlineContext] = [
        "a": .link,
        "code": .code, "kbd": .code, "samp": .code, "tt": .code, "var": .code,
        "q": .quotation,
        "cite": .citation,
        "em": .italicEmphasis, "i": .italicEmphasis, "strong": .emphasis, "b": .emphasis,
    ]

    /// Attributes that make an element worth recording as a `MarkedElement`.
    static let markingAttributes: Set<String> = ["class", "id", "rel", "itemprop", "role", "aria-label", "cite"]

    private static let alwaysMarked: Set<String> = ["svg", "cite"]

    /// Elements whose end tag HTML5 lets authors leave out: libxml2 complains when an enclosing end tag
    /// closes them ("Opening and ending tag mismatch: li and p"), but the markup is valid.
    static let optionalEndTag: Set<String> = [
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
        "caption", "rt", "rp", "rb", "rtc", "head", "body", "html",
    ]

    private static let headElements: Set<String> = ["html", "head", "title", "meta", "link", "base", "style", "script", "noscript"]

    private static let contentElements: Set<String> = ["article", "main", "section", "blockquote", "figure"]
}
