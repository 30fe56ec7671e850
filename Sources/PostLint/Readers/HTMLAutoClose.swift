/// Which open element a new start tag closes in libxml2 2.9's HTML parser (its `htmlStartClose`
/// table): a `<div>` closes an open `<p>`, a `<td>` an open `<span>`. `HTMLDirectScanner` reports
/// those closes as libxml2 does; `HTMLAutoCloseTests` holds this table to libxml2's own answers.
enum HTMLAutoClose {
    /// New tag → the open elements it closes.
    private static let table: [String: Set<String>] = {
        let fontStyle = ["tt", "i", "b", "u", "s", "strike", "big", "small"]
        let headings = ["h1", "h2", "h3", "h4", "h5", "h6"]
        var table: [String: Set<String>] = [
            "form": Set(["form", "p", "hr"] + headings + ["dl", "ul", "ol", "menu", "dir", "address", "pre", "listing", "xmp", "head"]),
            "head": ["p"],
            "title": ["p"],
            "body": ["head", "style", "link", "title", "p"],
            "frameset": ["head", "style", "link", "title", "p"],
            "li": Set(["p"] + headings + ["dl", "address", "pre", "listing", "xmp", "head", "li"]),
            "hr": ["p", "head"],
            "dir": ["p", "head"],
            "address": ["p", "head", "ul"],
            "pre": ["p", "head", "ul"],
            "listing": ["p", "head"],
            "xmp": ["p", "head"],
            "blockquote": ["p", "head"],
            "dl": ["p", "dt", "menu", "dir", "address", "pre", "listing", "xmp", "head"],
            "dt": ["p", "menu", "dir", "address", "pre", "listing", "xmp", "head", "dd"],
            "dd": ["p", "menu", "dir", "address", "pre", "listing", "xmp", "head", "dt"],
            "ul": ["p", "head", "ol", "menu", "dir", "address", "pre", "listing", "xmp"],
            "ol": ["p", "head", "ul"],
            "menu": ["p", "head", "ul"],
            "p": Set(["p", "head"] + headings + fontStyle),
            "div": ["p", "head"],
            "center": ["font", "b", "i", "p", "head"],
            "a": ["a", "head"],
            "caption": ["p"],
            "noscript": ["script"],
            "colgroup": ["caption", "colgroup", "col", "p"],
            "col": ["caption", "col", "p"],
            "table": Set(["p", "head"] + headings + ["pre", "listing", "xmp", "a"]),
            "th": ["th", "td", "p", "span", "font", "a", "b", "i", "u"],
            "td": ["th", "td", "p", "span", "font", "a", "b", "i", "u"],
            "tr": ["th", "td", "tr", "caption", "col", "colgroup", "p"],
            "thead": ["caption", "col", "colgroup"],
            "tfoot": ["th", "td", "tr", "caption", "col", "colgroup", "thead", "tbody", "p"],
            "tbody": ["th", "td", "tr", "caption", "col", "colgroup", "thead", "tfoot", "tbody", "p"],
            "optgroup": ["option"],
            "option": ["option"],
            "fieldset": Set(["legend", "p", "head"] + headings + ["pre", "listing", "xmp", "a"]),
        ]
        for heading in headings { table[heading] = ["p", "head"] }
        // Most inline elements close an open head.
        for name in fontStyle + ["em", "strong", "dfn", "code", "samp", "kbd", "var", "cite", "abbr", "acronym", "img", "font",
                                 "br", "map", "q", "sub", "sup", "span", "bdo", "iframe"] where table[name] == nil {
            table[name] = ["head"]
        }
        return table
    }()

    /// Every name the table knows (new tags and the open ones they close).
    static var names: Set<String> { table.values.reduce(Set(table.keys)) { $0.union($1) } }

    /// The open elements a `new` start tag closes, if any.
    static func closed(by new: String) -> Set<String>? { table[new] }
}
