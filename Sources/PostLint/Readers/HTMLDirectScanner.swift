import CLibXML2

/// Reads markup that needs none of libxml2's repairs without libxml2, handing `HTMLParseSession` the
/// events libxml2 would report, at the offsets it would report them: start and end tags, the elements
/// it implies (`html`, `head`, `body`) and closes (a `<div>` closing an open `<p>`), text with its
/// character references decoded, comments, and script or style content.
///
/// Most posts are markup a CMS wrote, where libxml2's own parsing was about a quarter of a small
/// post's check and our callbacks re-found every tag it had just read. This scanner reads each byte once. It
/// declines (returns false, and the caller parses with libxml2 from a fresh session) at the first
/// thing whose handling it does not copy exactly: a lone `<`, a processing instruction, an unclosed
/// tag, comment or quote, an end tag that does not close the innermost element, a paragraph libxml2
/// would imply, a misplaced `html`, `head` or `body`, a reference libxml2 would decode to nothing,
/// control characters, nesting past `maximumDepth`. Equivalence with libxml2 is tested document by
/// document (`HTMLDirectScannerTests`) and over the development corpus.
struct HTMLDirectScanner {
    private let source: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var stack: [String] = []
    /// libxml2's `ctxt->html`: whether a `head` (3) or a `body` (10) has been opened, implied or not.
    private var sawHead = false
    private var sawBody = false
    private var references = HTMLCharacterReference()
    private var text = HTMLAlignedText()
    private var attributes: [HTMLDocumentBuilder.ResolvedAttribute] = []
    private var attributeNames: Set<String> = []

    /// Deeper than this the session reports the nesting; libxml2 reads on, so the scanner leaves it to libxml2.
    static let maximumDepth = 200

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
    }

    /// Feeds `session` the whole document's events; false as soon as the markup needs libxml2, in which
    /// case `session` holds a partial document and must be discarded.
    mutating func run(into session: inout HTMLParseSession) -> Bool {
        guard Self.hasOnlyCharacters(source) else { return false }
        guard prolog(into: &session) else { return false }
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "<") {
                guard index + 1 < source.count else { return false }
                let next = source[index + 1]
                let accepted: Bool
                if next == UInt8(ascii: "/") {
                    accepted = endTag(into: &session)
                } else if Self.isLetter(next) {
                    accepted = startTag(into: &session)
                } else if next == UInt8(ascii: "!"), startsComment(at: index) {
                    accepted = comment(into: &session)
                } else {
                    accepted = false
                }
                guard accepted else { return false }
            } else {
                guard characters(into: &session) else { return false }
            }
        }
        // libxml2 closes what is still open at the end, innermost first, at the end offset.
        while let name = stack.popLast() {
            session.scannedEndElement(name, tagEnd: nil)
        }
        session.eventOffset = source.count
        return true
    }

    // MARK: Document start

    /// libxml2 skips white space, comments and one DOCTYPE before the content without reporting the
    /// white space.
    private mutating func prolog(into session: inout HTMLParseSession) -> Bool {
        if source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF { return false }
        var sawDoctype = false
        while true {
            skipBlanks()
            if startsComment(at: index) {
                guard comment(into: &session) else { return false }
            } else if !sawDoctype, startsDoctype() {
                guard let close = doctypeEnd() else { return false }
                index = close + 1
                sawDoctype = true
            } else if index + 1 < source.count, source[index] == UInt8(ascii: "<"), source[index + 1] == UInt8(ascii: "?") {
                return false
            } else {
                return true
            }
        }
    }

    /// `<!DOCTYPE` in any letter case, as libxml2 reads it (`<!doctype html>` is what most sites write).
    private func startsDoctype() -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        guard index + doctype.count <= source.count else { return false }
        for offset in 0..<doctype.count {
            let byte = source[index + offset]
            if (offset < 2 ? byte : byte & ~0x20) != doctype[offset] { return false }
        }
        return true
    }

    /// The `>` that ends the DOCTYPE, past any quoted identifiers.
    private func doctypeEnd() -> Int? {
        var cursor = index + 9
        var quote: UInt8?
        while cursor < source.count {
            let byte = source[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor
            } else if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[") {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    // MARK: Tags

    private mutating func startTag(into session: inout HTMLParseSession) -> Bool {
        let tagStart = index
        guard let (name, nameEnd) = Self.name(in: source, at: index + 1) else { return false }
        index = nameEnd
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        while true {
            skipBlanks()
            guard index < source.count else { return false }
            let byte = source[index]
            if byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < source.count, source[index + 1] == UInt8(ascii: ">") else { return false }
                selfClosing = true
                break
            }
            guard attribute() else { return false }
        }
        let tagEnd = index + (selfClosing ? 2 : 1)
        let facts = HTMLTagFacts.of(name)
        // What libxml2's htmlParseStartTag does before reporting the tag: close what the new tag ends,
        // imply html, head or body, refuse a misplaced html, head or body.
        if let closed = facts.closes {
            while let top = stack.last, closed.contains(top) {
                stack.removeLast()
                session.scannedEndElement(top, tagEnd: nil)
            }
        }
        implyParents(of: name, into: &session)
        switch name {
        case "html": guard stack.isEmpty else { return false }
        case "head": guard stack.count == 1 else { return false }
        case "body": guard !stack.contains("body") else { return false }
        case "xmp", "listing", "plaintext": return false
        default: break
        }
        guard stack.count < Self.maximumDepth else { return false }
        push(name)
        session.scannedStartElement(name, entry: facts.entry, attributes: attributes, tagRange: tagStart..<tagEnd)
        index = tagEnd
        if selfClosing || facts.isEmpty {
            stack.removeLast()
            session.scannedEndElement(name, tagEnd: nil)
            return true
        }
        if facts.isRawText { return rawText(of: name, into: &session) }
        return true
    }

    private mutating func endTag(into session: inout HTMLParseSession) -> Bool {
        guard let (name, nameEnd) = Self.name(in: source, at: index + 2) else { return false }
        index = nameEnd
        skipBlanks()
        guard index < source.count, source[index] == UInt8(ascii: ">"), stack.last == name else { return false }
        index += 1
        stack.removeLast()
        session.scannedEndElement(name, tagEnd: index)
        return true
    }

    /// libxml2's htmlCheckImplied: an `html` around everything, a `head` for head elements before any
    /// head, a `body` for anything else before any body.
    private mutating func implyParents(of name: String, into session: inout HTMLParseSession) {
        if sawBody, !stack.isEmpty { return }  // the usual case: nothing left to imply
        guard name != "html" else { return }
        if stack.isEmpty { imply("html", into: &session) }
        guard name != "body", name != "head" else { return }
        if stack.count <= 1, ["script", "style", "meta", "link", "title", "base"].contains(name) {
            if !sawHead { imply("head", into: &session) }
        } else if name != "noframes", name != "frame", name != "frameset" {
            if !sawBody, !stack.contains("body"), !stack.contains("head") { imply("body", into: &session) }
        }
    }

    private mutating func imply(_ name: String, into session: inout HTMLParseSession) {
        push(name)
        session.scannedStartElement(name, entry: HTMLTagFacts.of(name).entry, attributes: [], tagRange: nil)
    }

    private mutating func push(_ name: String) {
        if name == "head" { sawHead = true }
        if name == "body" { sawHead = true; sawBody = true }
        stack.append(name)
    }

    /// Script and style content up to `</name` (libxml2 reads it as one run of character data, never
    /// markup). Another `</` inside is left to libxml2, which reports it as a close tag embedded there.
    private mutating func rawText(of name: String, into session: inout HTMLParseSession) -> Bool {
        let contentStart = index
        let closing = Array("</\(name)".utf8)
        var cursor = index
        while true {
            guard let less = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: source, range: cursor..<source.count) else { return false }
            if less + 1 < source.count, source[less + 1] == UInt8(ascii: "/") {
                guard less + closing.count <= source.count,
                      (2..<closing.count).allSatisfy({ source[less + $0] | 0x20 == closing[$0] }) else { return false }
                cursor = less
                break
            }
            cursor = less + 1
        }
        index = cursor
        if cursor > contentStart {
            session.eventOffset = cursor
            session.skippedContent()
        }
        return true
    }

    /// One attribute: a name, and a value after `=` (quoted, or up to white space or `>`), references
    /// decoded and aligned with the source. A repeated name is dropped, as libxml2 drops it.
    private mutating func attribute() -> Bool {
        guard let (name, nameEnd) = Self.name(in: source, at: index) else { return false }
        index = nameEnd
        skipBlanks()
        var value = HTMLAlignedText()
        var valueRange = nameEnd..<nameEnd
        if index < source.count, source[index] == UInt8(ascii: "=") {
            index += 1
            skipBlanks()
            guard index < source.count else { return false }
            let quote = source[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = ByteSearch.firstIndex(of: quote, in: source, range: (index + 1)..<source.count) else { return false }
                valueRange = (index + 1)..<close
                index = close + 1
            } else {
                var end = index
                while end < source.count, source[end] != UInt8(ascii: ">"), !Self.isBlank(source[end]) { end += 1 }
                guard end > index else { return false }
                valueRange = index..<end
                index = end
            }
            guard decode(from: valueRange.lowerBound, to: valueRange.upperBound, into: &value) else { return false }
        }
        // A hostile tag can carry thousands of attributes: past a few, names are looked up in a set.
        if attributes.count < 16 {
            guard !attributes.contains(where: { $0.name == name }) else { return true }
        } else {
            if attributes.count == 16 { attributeNames = Set(attributes.map(\.name)) }
            guard attributeNames.insert(name).inserted else { return true }
        }
        attributes.append(.init(name: name, value: value, valueRange: valueRange))
        return true
    }

    // MARK: Text and comments

    private mutating func characters(into session: inout HTMLParseSession) -> Bool {
        let start = index
        let end = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: source, range: start..<source.count) ?? source.count
        var aligned = text  // reused between runs: taken out so that `decode` can fill it
        text = HTMLAlignedText()
        aligned.removeAll()
        defer { text = aligned }
        guard decode(from: start, to: end, into: &aligned) else { return false }
        // Text other than white space directly in html or head, or outside every element, is where
        // libxml2 implies a paragraph.
        let top = stack.last
        if top == nil || top == "html" || top == "head", aligned.bytes.contains(where: { !Self.isBlank($0) }) { return false }
        index = end
        session.scannedText(aligned, end: end)
        return true
    }

    private func startsComment(at offset: Int) -> Bool {
        offset + 3 < source.count && source[offset] == UInt8(ascii: "<") && source[offset + 1] == UInt8(ascii: "!")
            && source[offset + 2] == UInt8(ascii: "-") && source[offset + 3] == UInt8(ascii: "-")
    }

    /// `<!-- … -->` up to the first `-->`; an opening that reads `<!-->` or `<!--->` is left to libxml2.
    private mutating func comment(into session: inout HTMLParseSession) -> Bool {
        let contentStart = index + 4
        guard let close = Self.commentClose.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: $0, in: source, from: contentStart) })
        else { return false }
        if close != contentStart, contentStart < source.count,
           source[contentStart] == UInt8(ascii: ">") || source[contentStart] == UInt8(ascii: "-") { return false }
        index = close + 3
        session.eventOffset = index
        session.comment(String(decoding: source[contentStart..<close], as: UTF8.self))
        return true
    }

    private static let commentClose = Array("-->".utf8)

    /// Decodes `source[start..<end]` into `output` as libxml2 does (references resolved, a `&` that starts
    /// none kept), each piece mapped to the bytes it came from; false for a numeric reference libxml2
    /// would drop or read without its `;`.
    private mutating func decode(from start: Int, to end: Int, into output: inout HTMLAlignedText) -> Bool {
        var cursor = start
        while cursor < end {
            guard let ampersand = ByteSearch.firstIndex(of: UInt8(ascii: "&"), in: source, range: cursor..<end) else {
                output.appendVerbatim(source, range: cursor..<end)
                return true
            }
            output.appendVerbatim(source, range: cursor..<ampersand)
            if let reference = references.decode(source, at: ampersand, limit: end) {
                guard !reference.bytes.isEmpty, source[reference.end - 1] == UInt8(ascii: ";") else { return false }
                output.appendReplaced(reference.bytes, source: ampersand..<reference.end)
                cursor = reference.end
            } else {
                if ampersand + 1 < end, source[ampersand + 1] >= 0x80 { return false }  // a non-ASCII name: libxml2's rules
                output.appendVerbatim(UInt8(ascii: "&"), at: ampersand)
                cursor = ampersand + 1
            }
        }
        return true
    }

    // MARK: Bytes

    private mutating func skipBlanks() {
        while index < source.count, Self.isBlank(source[index]) { index += 1 }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    /// libxml2's htmlParseHTMLName: a letter, then letters, digits, `:`, `-`, `_` and `.`, lower-cased,
    /// shorter than 100 bytes (libxml2 cuts longer names).
    private static func name(in source: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        guard start < source.count, isLetter(source[start]) else { return nil }
        var end = start + 1
        while end < source.count {
            let byte = source[end]
            guard isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else { break }
            end += 1
        }
        guard end - start < 100 else { return nil }
        let name = String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                let byte = source[start + offset]
                buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return end - start
        }
        return (name, end)
    }

    /// Characters libxml2 refuses (it drops them with an error): C0 controls other than tab, line feed
    /// and carriage return, and U+FFFE and U+FFFF.
    private static func hasOnlyCharacters(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return false }
            if byte == 0xEF, index + 2 < source.count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE { return false }
            index += 1
        }
        return true
    }
}
