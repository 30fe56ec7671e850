import CLibXML2

/// What `HTMLDirectScanner` needs to know of a start tag's name, found with one look-up: the open
/// elements it closes (libxml2's `htmlStartClose`, see `HTMLAutoClose`), whether libxml2 closes it at
/// once (its element table's `empty`: br, img, meta…), whether its content is raw text (script and
/// style), and the reader's own entry for it.
struct HTMLTagFacts {
    var closes: Set<String>?
    var isEmpty = false
    var isRawText = false
    var entry: HTMLElementTable.Entry

    static func of(_ name: String) -> HTMLTagFacts {
        known[name] ?? HTMLTagFacts(entry: HTMLElementTable.entry(of: name))
    }

    /// Names libxml2's element table could mark empty; which it does is asked of libxml2 itself.
    private static let emptyCandidates = ["area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex",
                                          "link", "meta", "param", "embed", "source", "track", "wbr", "keygen"]

    private static let known: [String: HTMLTagFacts] = {
        var table: [String: HTMLTagFacts] = [:]
        for name in HTMLAutoClose.names.union(HTMLElementTable.names).union(emptyCandidates) {
            let isEmpty = name.withCString { htmlTagLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
                .map { $0.pointee.empty != 0 } ?? false
            table[name] = HTMLTagFacts(closes: HTMLAutoClose.closed(by: name), isEmpty: isEmpty,
                                       isRawText: name == "script" || name == "style", entry: HTMLElementTable.entry(of: name))
        }
        return table
    }()
}
