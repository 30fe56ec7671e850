import PostLint

/// Turns a line of HTML source around a finding into the words a reader sees: tags dropped, the
/// common character references decoded, and a finding inside an attribute (alt text, a meta
/// description) shown with just that attribute's value around it. Good enough for context in a
/// report; the checks themselves work on the properly parsed document.
enum MarkupContext {
    static func prose(_ before: String, _ marked: String, _ after: String) -> (String, String, String) {
        var before = before
        var after = after
        if let open = before.lastIndex(of: "<"), !before[open...].contains(">") {
            // Inside a tag: the flagged words are in an attribute value; show that value.
            if let quote = before.lastIndex(where: { $0 == "\"" || $0 == "'" }) {
                let mark = before[quote]
                before = String(before[before.index(after: quote)...])
                if let closing = after.firstIndex(of: mark) { after = String(after[..<closing]) }
            } else {
                before = ""
                after = ""
            }
        } else {
            before = stripTags(before, trailingOpen: false)
            after = stripTags(after, trailingOpen: true)
        }
        return (decode(before), decode(stripTags(marked, trailingOpen: true)), decode(after))
    }

    /// Removes `<…>` tags; `trailingOpen` also cuts a tag left open at the end, and a tag's tail
    /// (`…>`) at the start of a piece is dropped.
    static func stripTags(_ text: String, trailingOpen: Bool) -> String {
        var result = ""
        var inTag = false
        var sawOpen = false
        for character in text {
            if character == "<" {
                inTag = true
                sawOpen = true
                continue
            }
            if character == ">" {
                if !sawOpen { result = "" }  // the tail of a tag that began before this piece
                inTag = false
                sawOpen = true
                continue
            }
            if !inTag { result.append(character) }
        }
        return result
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "hellip": "\u{2026}", "pound": "\u{00A3}", "eacute": "\u{00E9}", "copy": "\u{00A9}",
    ]

    /// Decodes `&name;`, `&#NNN;` and `&#xHH;` references; unknown ones are left as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let name = text[text.index(after: index)..<semicolon]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[String(name)]
                }
                if let replacement {
                    result += replacement
                    index = text.index(after: semicolon)
                    continue
                }
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }
}
