/// Where a piece of text came from. Checks choose the kinds they apply to (a rule's `scope`), so that,
/// for example, a phone number in a link target is still found while an opinion phrase in code is not.
public enum ProseKind: String, Sendable, Codable, CaseIterable {
    case title            // <title>, front-matter title
    case heading
    case paragraph
    case listItem
    case quote            // <blockquote>, Markdown "> "
    case caption          // <figcaption>, <caption>
    case tableCell
    case imageAlt
    case imageFileName    // the file-name part of an image's src
    case linkTarget       // href, including mailto: and tel:
    case titleAttribute
    case meta             // <meta name=… content=…>
    case frontMatter      // a YAML front-matter field's value
    case code             // <pre>, <code>, fenced and indented code: not prose
    case other            // text outside any recognised block

    /// Kinds that are prose a reader sees (everything except code, link targets and file names).
    public var isProse: Bool {
        switch self {
        case .code, .linkTarget, .imageFileName: false
        default: true
        }
    }
}

/// Inline context inside a block: link text inside a paragraph, inline code, a `<q>` quotation,
/// a `<cite>`, emphasis. A token carries the contexts it lies in.
public struct InlineContext: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let link = InlineContext(rawValue: 1 << 0)
    public static let code = InlineContext(rawValue: 1 << 1)
    /// Inside `<q>`, `<blockquote>` or a Markdown block quote.
    public static let quotation = InlineContext(rawValue: 1 << 2)
    public static let citation = InlineContext(rawValue: 1 << 3)
    /// Bold or italic.
    public static let emphasis = InlineContext(rawValue: 1 << 4)
    /// Italic (`<em>`, `<i>`, `*one*`; always with `emphasis`): where titles of works and boats' names
    /// are written, while a bold word is more often a child singled out.
    public static let italic = InlineContext(rawValue: 1 << 6)
    /// How an italic span is opened and closed: one context, both bits.
    public static let italicEmphasis: InlineContext = [.emphasis, .italic]
    /// The site's template around the post: navigation, site header and footer, share buttons,
    /// cookie banners, sidebars. Its links are not the post citing anyone.
    public static let pageChrome = InlineContext(rawValue: 1 << 5)
}
