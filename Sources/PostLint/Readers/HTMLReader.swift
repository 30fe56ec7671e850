import CLibXML2

/// Reads an HTML draft into a `Document` whose every text byte maps back to its exact source byte.
///
/// Markup that needs no repair is read by `HTMLDirectScanner` in one pass; libxml2's HTML parser (2.9)
/// reads the rest, recovering from broken markup the way browsers mostly do, in SAX mode without
/// building a tree. Both report to `HTMLParseSession`, which turns events into source positions, and
/// `HTMLDocumentBuilder` into blocks. Safe to call from many threads at once: each call
/// has its own parser context, and libxml2 is initialised once.
package enum HTMLReader: DraftReader {
    package static let format = DocumentFormat.html
    package static let extensions = ["html", "htm", "xhtml"]

    /// libxml2 must be initialised once, before any thread parses.
    private static let libxmlReady: Void = { xmlInitParser() }()

    /// The parser options: the input is already UTF-8 (any declared charset is ignored), nothing is
    /// fetched, errors are recovered from and reported to us, never printed.
    private static let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    package static func read(_ source: SourceText) -> Document {
        readCountingFallbacks(source).document
    }

    /// `read`, also saying how many text spans could not be aligned byte by byte and were mapped as a
    /// whole: zero for every input the tests know, so a regression shows up as a number.
    ///
    /// Markup that needs none of libxml2's repairs is read by `HTMLDirectScanner`, which reports the
    /// same events without libxml2; `useDirectScanner: false` always parses with libxml2 (for tests
    /// that hold the two to the same document).
    static func readCountingFallbacks(_ source: SourceText, useDirectScanner: Bool = true) -> (document: Document, fallbacks: Int) {
        _ = libxmlReady
        var binaryProblem: ReadProblem?
        if let nul = source.utf8.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: 0, in: $0, range: 0..<$0.count) }) {
            // Still parsed (libxml2 reads NUL as a space), but the run must fail: this is not a draft.
            binaryProblem = ReadProblem(severity: .error,
                                        message: "not an HTML file: it contains NUL bytes (binary data?)",
                                        byteOffset: nul)
        }
        let hidden = hidingCDATASections(source.utf8)
        if useDirectScanner, binaryProblem == nil, let read = readDirectly(hidden, source: source) { return read }
        let (capped, cut) = cappingAttributes(hidden)
        var (document, fallbacks) = capped.withUnsafeBufferPointer { buffer in
            var session = HTMLParseSession(source: buffer, document: source)
            let document = withUnsafeMutablePointer(to: &session) { parse(buffer, session: $0) }
            return (document, session.aligner.fallbackCount)
        }
        for offset in cut {
            document.problems.append(ReadProblem(
                severity: .error,
                message: "malformed HTML: a tag carries more than \(attributeLimit) attributes; the rest of them were not read",
                byteOffset: offset))
        }
        if let binaryProblem { document.problems.insert(binaryProblem, at: 0) }
        return (document, fallbacks)
    }

    /// `bytes` (the draft with its CDATA sections hidden) read by `HTMLDirectScanner`, with the count of
    /// fallbacks; nil when the markup needs libxml2.
    static func readDirectly(_ bytes: [UInt8], source: SourceText) -> (document: Document, fallbacks: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            var session = HTMLParseSession(source: buffer, document: source)
            var scanner = HTMLDirectScanner(source: buffer)
            return scanner.run(into: &session) ? (session.finish(), session.aligner.fallbackCount) : nil
        }
    }

    /// The input with each closed `<![CDATA[ … ]]>` turned into a comment of the same length
    /// (`<!--CDATA … -->`). Browsers show none of a CDATA section in HTML (it is a bogus comment), but
    /// libxml2 2.9 reads its content as text, which would put hidden names and numbers into the prose.
    /// Same length, so every offset still points at the draft's own bytes.
    static func hidingCDATASections(_ bytes: [UInt8]) -> [UInt8] {
        let opener = Array("<![CDATA[".utf8)
        guard firstIndex(of: opener, in: bytes, from: 0) != nil else { return bytes }
        // Only sections in content count: a `<![CDATA[` inside a tag (an attribute value, even an
        // unclosed one) or a comment is left as it is. Tags are followed as far as quotes and `>`.
        var result = bytes
        var index = 0
        let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
        while index < bytes.count {
            guard bytes[index] == less, index + 1 < bytes.count else { index += 1; continue }
            let next = bytes[index + 1]
            if bytes[index...].starts(with: opener) {
                guard let close = firstIndex(of: Array("]]>".utf8), in: bytes, from: index + opener.count) else { break }
                result.replaceSubrange(index..<(index + opener.count), with: Array("<!--CDATA".utf8))
                result.replaceSubrange(close..<(close + 3), with: Array("-->".utf8))
                index = close + 3
            } else if bytes[index...].starts(with: "<!--".utf8) {
                guard let close = firstIndex(of: Array("-->".utf8), in: bytes, from: index + 4) else { break }
                index = close + 3
            } else if next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
                        || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z")) {
                // A tag: to its `>`, skipping quoted attribute values; an unclosed quote ends the scan.
                var cursor = index + 2
                var quote: UInt8?
                while cursor < bytes.count {
                    let byte = bytes[cursor]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        if bytes[cursor - 1] == UInt8(ascii: "=") || bytes[cursor - 1] == UInt8(ascii: " ") { quote = byte }
                    } else if byte == greater {
                        break
                    }
                    cursor += 1
                }
                guard quote == nil, cursor < bytes.count else { break }
                let tagStart = index
                index = cursor + 1
                // Raw text: nothing inside script or style is markup (libxml2 2.9 parses tags in textarea and title).
                for name in ["script", "style"] {
                    let opening = Array(("<" + name).utf8)
                    guard bytes.count >= tagStart + opening.count + 1,
                          zip(bytes[tagStart..<(tagStart + opening.count)], opening).allSatisfy({ $0 | 0x20 == $1 | 0x20 }),
                          !(bytes[tagStart + opening.count] | 0x20 >= UInt8(ascii: "a") && bytes[tagStart + opening.count] | 0x20 <= UInt8(ascii: "z"))
                    else { continue }
                    index = closingTag(Array(("</" + name).utf8), in: bytes, from: index) ?? bytes.count
                }
            } else {
                index += 1
            }
        }
        return result
    }

    /// The offset of `</name` (any case) from `start`.
    private static func closingTag(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count, let found = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if found + needle.count <= bytes.count,
               zip(bytes[found..<(found + needle.count)], needle).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { return found }
            index = found + 1
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: bytes, from: start) }
        }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, session: UnsafeMutablePointer<HTMLParseSession>) -> Document {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return session.pointee.finish() }
        guard buffer.count < Int(Int32.max) else {
            var document = session.pointee.finish()
            document.problems.append(ReadProblem(severity: .error, message: "not read: the file is larger than 2 GB"))
            return document
        }
        let created = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            htmlCreateMemoryParserCtxt($0, Int32(buffer.count))
        }
        guard let context = created else { return session.pointee.finish() }
        defer { htmlFreeParserCtxt(context) }
        session.pointee.context = context
        install(on: context, session: session)
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        _ = htmlCtxtUseOptions(context, options)
        _ = htmlParseDocument(context)
        let document = session.pointee.finish()
        session.pointee.context = nil
        return document
    }

    /// Replaces the context's SAX handler with callbacks into `session` and nothing else: no tree, no
    /// entity loading, errors through the structured handler (which libxml2 uses only for SAX2 handlers).
    private static func install(on context: htmlParserCtxtPtr, session: UnsafeMutablePointer<HTMLParseSession>) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee = htmlSAXHandler()
        context.pointee.userData = UnsafeMutableRawPointer(session)
        sax.pointee.initialized = XML_SAX2_MAGIC
        sax.pointee.startElement = { user, name, attributes in
            guard let user, let name else { return }
            let nameBytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
            var pairs: [(String, [UInt8]?)] = []
            if let attributes {
                var index = 0
                while let attributeName = attributes[index] {
                    pairs.append((String(cString: attributeName), attributes[index + 1].map(attributeValue)))
                    index += 2
                }
            }
            parseSession(user).pointee.startElement(String(decoding: nameBytes, as: UTF8.self), bytes: nameBytes, libxmlAttributes: pairs)
        }
        sax.pointee.endElement = { user, name in
            guard let user, let name else { return }
            let nameBytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
            parseSession(user).pointee.endElement(String(decoding: nameBytes, as: UTF8.self), bytes: nameBytes)
        }
        sax.pointee.characters = { user, bytes, length in
            guard let user, let bytes, length > 0 else { return }
            parseSession(user).pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.pointee.ignorableWhitespace = sax.pointee.characters
        sax.pointee.cdataBlock = { user, _, _ in
            guard let user else { return }
            parseSession(user).pointee.skippedContent()
        }
        sax.pointee.comment = { user, text in
            guard let user else { return }
            parseSession(user).pointee.comment(text.map { String(cString: $0) } ?? "")
        }
        sax.pointee.serror = { user, error in
            guard let user, let error else { return }
            let value = error.pointee
            parseSession(user).pointee.error(code: value.code,
                                message: value.message.map { String(cString: $0) } ?? "",
                                name: value.str1.map { String(cString: $0) },
                                openName: value.str2.map { String(cString: $0) })
        }
    }
}

/// An attribute value as libxml2 decoded it: its bytes when they are ASCII (nearly always), else as
/// `String(cString:)` repairs them, so a value is never invalid UTF-8.
private func attributeValue(_ value: UnsafePointer<xmlChar>) -> [UInt8] {
    let bytes = UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
    return bytes.allSatisfy { $0 < 0x80 } ? Array(bytes) : Array(String(cString: value).utf8)
}

/// The session behind a callback's user data (a free function: C callbacks cannot capture context).
private func parseSession(_ user: UnsafeMutableRawPointer) -> UnsafeMutablePointer<HTMLParseSession> {
    user.assumingMemoryBound(to: HTMLParseSession.self)
}
