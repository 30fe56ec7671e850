/// A draft as the checks see it: its prose as blocks that keep their source positions, plus the
/// structural facts document-level checks need (images, links, meta tags, front matter, comments).
public struct Document: Sendable {
    public var source: SourceText
    public var format: DocumentFormat
    public var blocks: [TextBlock] = []
    public var images: [ImageElement] = []
    public var links: [LinkElement] = []
    public var metas: [MetaElement] = []
    public var frontMatter: [FrontMatterField] = []
    /// Comments, in source order (`<!-- … -->`, or in plain text a line holding only such a comment).
    public var comments: [Comment] = []
    /// Elements that carry class, id, rel, itemprop, role or aria-label, or are `<svg>`/`<cite>`:
    /// what bylines, logos and citations are recognised by.
    public var elements: [MarkedElement] = []
    /// Where a document-level finding is placed: the start of the body (or of the text).
    public var bodyStart: Int = 0
    /// Things wrong with the input itself (malformed markup, an unknown charset…), found while reading.
    public var problems: [ReadProblem] = []
    /// For a document whose text is a rendering of another format (a Word draft, see `DocxReader`):
    /// where each line of the text is in the original, as a person finds it ("paragraph 12",
    /// "header 1, paragraph 2"), indexed by 0-based line. Empty when the lines are the file's own.
    public var lineLocations: [String] = []

    /// The logical location of a 1-based line, when the document has them.
    public func lineLocation(line: Int) -> String? {
        lineLocations.indices.contains(line - 1) ? lineLocations[line - 1] : nil
    }

    public init(source: SourceText, format: DocumentFormat) {
        self.source = source
        self.format = format
    }
}

/// An attribute with its decoded value and the byte range of the value in the source.
public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String
    public var valueRange: Range<Int>

    public init(name: String, value: String, valueRange: Range<Int>) {
        self.name = name
        self.value = value
        self.valueRange = valueRange
    }
}

public struct ImageElement: Sendable {
    public var source: String?
    public var alt: String?
    public var attributes: [Attribute]
    /// The source byte range of the whole tag (or Markdown image).
    public var range: Range<Int>

    public init(source: String?, alt: String?, attributes: [Attribute], range: Range<Int>) {
        self.source = source
        self.alt = alt
        self.attributes = attributes
        self.range = range
    }
}

public struct LinkElement: Sendable {
    public var target: String
    /// The byte range of the target (the href value or the Markdown destination).
    public var targetRange: Range<Int>
    public var text: String
    /// The byte range of the whole link, tag and text.
    public var range: Range<Int>
    /// The link is part of the site's template (navigation, footer, share buttons), not the post.
    public var isInPageChrome: Bool

    public init(target: String, targetRange: Range<Int>, text: String, range: Range<Int>, isInPageChrome: Bool = false) {
        self.target = target
        self.targetRange = targetRange
        self.text = text
        self.range = range
        self.isInPageChrome = isInPageChrome
    }
}

public struct MetaElement: Sendable {
    public var name: String
    public var content: String
    public var contentRange: Range<Int>

    public init(name: String, content: String, contentRange: Range<Int>) {
        self.name = name
        self.content = content
        self.contentRange = contentRange
    }
}

public struct FrontMatterField: Sendable {
    public var key: String
    public var value: String
    public var valueRange: Range<Int>

    public init(key: String, value: String, valueRange: Range<Int>) {
        self.key = key
        self.value = value
        self.valueRange = valueRange
    }
}

public struct Comment: Sendable {
    /// The comment's text between `<!--` and `-->`, trimmed.
    public var text: String
    public var range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}

public struct MarkedElement: Sendable {
    public var name: String
    public var attributes: [Attribute]
    /// The element's text content, decoded.
    public var text: String
    public var range: Range<Int>

    public init(name: String, attributes: [Attribute], text: String, range: Range<Int>) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.range = range
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
