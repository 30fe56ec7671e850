import CLibXML2

/// The receiving end of libxml2's SAX callbacks for one `HTMLReader.read` call.
///
/// libxml2 says what it read but not where; this class recovers the where. Every callback carries the
/// parser's byte offset (`xmlByteConsumed`), and `lastOffset` remembers the end of the previous
/// construct, so each event owns the source span between the two. Experiments with libxml2 2.9.14 show:
/// a start tag is reported with the offset at its `>` (or `/>`), an end tag and a comment after their
/// `>`, a text run after its last byte, each character reference as its own run, and a lone `<` that is
/// text *before* it is consumed. Elements libxml2 implies or closes on its own are reported at the
/// offset of whatever triggered them, with no tag in their span.
///
/// A struct reached through a pointer (libxml2's user data), not a class: a class's stored properties
/// are checked for exclusive access at run time on every callback, and the reader makes millions.
struct HTMLParseSession {
    let source: UnsafeBufferPointer<UInt8>
    var context: htmlParserCtxtPtr?
    private(set) var builder: HTMLDocumentBuilder
    private(set) var problems: [ReadProblem] = []
    private(set) var aligner = HTMLTextAligner()
    private var references = HTMLCharacterReference()
    private var elements = HTMLElementCache()
    private var lastOffset = 0
    private var pending: [UInt8] = []
    /// The aligned form of `pending`, reused for every text run.
    private var aligned = HTMLAlignedText()
    private var pendingEnd = 0
    private var bodyStart: Int?
    private var firstContent: Int?
    private var reportedDepth = false
    /// The most recent real start tag: libxml2 reports a tag's missing `>` after the tag itself.
    private var lastStartTag: (name: String, start: Int)?
    /// libxml2's default `xmlParserMaxDepth`. Its 2.9 HTML parser does not enforce it, but markup nested
    /// this deep is broken (or hostile), so it is reported.
    static let maximumDepth = 256
    /// Markup problems listed one by one; past this a file is simply broken and one summary says so.
    static let maximumProblems = 50
    private var unlistedProblems = 0

    /// The draft's own bytes: `source` may differ where a CDATA section was disguised as a comment.
    private let original: [UInt8]

    init(source: UnsafeBufferPointer<UInt8>, document: SourceText) {
        self.source = source
        self.original = document.utf8
        self.builder = HTMLDocumentBuilder(source: document)
    }

    /// The offset of the event being reported, when `HTMLDirectScanner` reports it instead of libxml2.
    var eventOffset: Int?

    /// The parser's offset in the input (libxml2 adds what it consumed when a buffer shrinks).
    private var currentOffset: Int {
        if let eventOffset { return eventOffset }
        guard let context else { return lastOffset }
        return min(max(Int(xmlByteConsumed(context)), 0), source.count)
    }

    // MARK: SAX events

    /// `bytes` is the name as libxml2 passed it (`name`'s UTF-8), searched for without copying.
    mutating func startElement(_ name: String, bytes nameBytes: UnsafeBufferPointer<UInt8>, libxmlAttributes: [(String, [UInt8]?)]) {
        flushPending()
        let offset = currentOffset
        guard let tagStart = HTMLTagScanner.startTag(nameBytes, in: source, range: min(lastOffset, offset)..<offset) else {
            builder.start(name, entry: elements.entry(of: name, at: nameBytes.baseAddress), attributes: [],
                          tagRange: lastOffset..<lastOffset)  // implied by libxml2
            return
        }
        var tagEnd = offset
        if offset < source.count, source[offset] == UInt8(ascii: ">") {
            tagEnd = offset + 1
        } else if offset + 1 < source.count, source[offset] == UInt8(ascii: "/"), source[offset + 1] == UInt8(ascii: ">") {
            tagEnd = offset + 2
        }
        let scanned = HTMLTagScanner.attributes(in: source, range: (tagStart + 1 + nameBytes.count)..<offset)
        let attributes = resolve(libxmlAttributes, scanned: scanned, tagRange: tagStart..<tagEnd)
        open(name, entry: elements.entry(of: name, at: nameBytes.baseAddress), attributes: attributes, tagRange: tagStart..<tagEnd)
    }

    /// A start tag `HTMLDirectScanner` read: it knows where the tag and its attribute values are, and
    /// has aligned the values itself (an empty `tagRange` at the previous event's end for an element
    /// libxml2 would imply).
    mutating func scannedStartElement(_ name: String, entry: HTMLElementTable.Entry,
                                      attributes: [HTMLDocumentBuilder.ResolvedAttribute], tagRange: Range<Int>?) {
        flushPending()
        guard let tagRange else {
            builder.start(name, entry: entry, attributes: [], tagRange: lastOffset..<lastOffset)
            return
        }
        open(name, entry: entry, attributes: attributes, tagRange: tagRange)
    }

    /// An end `HTMLDirectScanner` read: `tagEnd` after an end tag, nil for an element closed without one.
    mutating func scannedEndElement(_ name: String, tagEnd: Int?) {
        flushPending()
        if let tagEnd {
            lastOffset = max(lastOffset, tagEnd)
            builder.end(name, at: tagEnd)
        } else {
            builder.end(name, at: lastOffset)
        }
    }

    /// A text run `HTMLDirectScanner` aligned itself, ending at `end`.
    mutating func scannedText(_ text: HTMLAlignedText, end: Int) {
        flushPending()
        lastOffset = max(lastOffset, end)
        emit(text)
    }

    private mutating func open(_ name: String, entry: HTMLElementTable.Entry, attributes: [HTMLDocumentBuilder.ResolvedAttribute],
                               tagRange: Range<Int>) {
        let tagStart = tagRange.lowerBound
        lastOffset = tagRange.upperBound
        lastStartTag = (name, tagStart)
        if name == "body", bodyStart == nil { bodyStart = tagStart }
        if firstContent == nil, !entry.isHeadElement { firstContent = tagStart }
        builder.start(name, entry: entry, attributes: attributes, tagRange: tagRange)
        if !reportedDepth, builder.depth > Self.maximumDepth {
            reportedDepth = true
            report("elements are nested more than \(Self.maximumDepth) levels deep (libxml2's nesting limit)", at: tagStart)
        }
    }

    mutating func endElement(_ name: String, bytes nameBytes: UnsafeBufferPointer<UInt8>) {
        flushPending()
        let offset = currentOffset
        if HTMLTagScanner.endTag(nameBytes, in: source, range: min(lastOffset, offset)..<offset) != nil {
            lastOffset = max(lastOffset, offset)
            builder.end(name, at: offset)
        } else {
            builder.end(name, at: lastOffset)  // closed implicitly by libxml2
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        let offset = currentOffset
        if !pending.isEmpty, offset != pendingEnd { flushPending() }
        if bytes.count == 1, bytes[0] == UInt8(ascii: "<"), offset < source.count, source[offset] == UInt8(ascii: "<"),
           !(pending.isEmpty && spanEndsWithLessThanReference(min(lastOffset, offset)..<offset)) {
            // A `<` that starts no tag: libxml2 reports it before moving past it.
            flushPending()
            var aligned = HTMLAlignedText()
            aligned.appendVerbatim(UInt8(ascii: "<"), at: offset)
            lastOffset = offset + 1
            emit(aligned)
            return
        }
        pending.append(contentsOf: bytes)
        pendingEnd = offset
    }

    /// Script and style content: not prose, only moves the offset on.
    mutating func skippedContent() {
        flushPending()
        lastOffset = max(lastOffset, currentOffset)
    }

    mutating func comment(_ text: String) {
        flushPending()
        let offset = currentOffset
        let start = HTMLTagScanner.find(Array("<!--".utf8), in: source, range: min(lastOffset, offset)..<offset) ?? lastOffset
        lastOffset = max(lastOffset, offset)
        // A CDATA section read as a comment (see `HTMLReader.hidingCDATASections`): hidden, but no
        // comment, so it can carry no `postlint-disable` directive.
        if original[start...].starts(with: "<![CDATA[".utf8) { return }
        let trimmed = text.utf8.drop { HTMLTextAligner.isSpace($0) }.reversed().drop { HTMLTextAligner.isSpace($0) }
        builder.comment(String(decoding: trimmed.reversed(), as: UTF8.self), range: start..<max(start, offset))
    }

    /// An error libxml2 recovered from. Pending text is left alone: errors can arrive between the
    /// pieces of one text run (`&` and `copy` of `&copy`), and nothing searched for here lies in text.
    mutating func error(code: Int32, message: String, name: String?, openName: String?) {
        let offset = currentOffset
        let span = min(lastOffset, offset)..<offset
        switch Int(code) {
        case Int(XML_ERR_COMMENT_NOT_FINISHED.rawValue):
            let start = HTMLTagScanner.find(Array("<!--".utf8), in: source, range: span) ?? lastOffset
            report("a comment is never closed: `<!--` has no `-->`, so the rest of the file was read as comment", at: start)
        case Int(XML_ERR_ATTRIBUTE_NOT_FINISHED.rawValue):
            let quote = message.contains("'") ? UInt8(ascii: "'") : UInt8(ascii: "\"")
            let start = span.last { source[$0] == quote } ?? lastOffset
            report("an attribute value is never closed: its opening quote \(message.contains("'") ? "'" : "\"") has no closing partner", at: start)
        case Int(XML_ERR_GT_REQUIRED.rawValue):
            if message.hasPrefix("End tag") {
                let start = span.last { source[$0] == UInt8(ascii: "<") } ?? lastOffset
                if !alreadyReported(after: start) { report("an end tag is never closed with `>`", at: start) }
            } else {
                let tag = name ?? ""
                let start = lastStartTag.flatMap { $0.name == tag ? $0.start : nil }
                    ?? HTMLTagScanner.findTag(Array(tag.utf8), prefix: [UInt8(ascii: "<")], in: source, range: span)
                    ?? span.last { source[$0] == UInt8(ascii: "<") } ?? lastOffset
                if !alreadyReported(after: start) { report("the tag `<\(tag)` is never closed with `>`", at: start) }
            }
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            guard let name else { return }
            if message.hasPrefix("Unexpected end tag") {
                let start = HTMLTagScanner.findTag(Array(name.utf8), prefix: Array("</".utf8), in: source, range: span) ?? lastOffset
                report("the end tag `</\(name)>` closes no open element", at: start)
            } else if let openName, !HTMLElementTable.optionalEndTag.contains(openName) {
                let start = builder.openTagStart(of: openName) ?? lastOffset
                report("`<\(openName)>` is not closed before `</\(name)>`", at: start)
            }
        default:
            break  // unknown HTML5 tags, missing `;` and the like: valid or harmless, libxml2 recovers.
        }
    }

    /// Ends the session: the document with its problems and body start.
    mutating func finish() -> Document {
        flushPending()
        var document = builder.finish(at: max(lastOffset, currentOffset))
        document.problems.append(contentsOf: problems)
        if unlistedProblems > 0 {
            document.problems.append(ReadProblem(
                severity: .error,
                message: "malformed HTML: \(unlistedProblems) more markup problems are not listed; the file was still checked, reading it with error recovery"))
        }
        document.bodyStart = bodyStart ?? firstContent ?? 0
        return document
    }

    // MARK: Helpers

    private mutating func flushPending() {
        guard !pending.isEmpty else { return }
        let span = min(lastOffset, pendingEnd)..<pendingEnd
        aligner.align(pending, in: source, span: span, into: &aligned)
        pending.removeAll(keepingCapacity: true)
        lastOffset = max(lastOffset, pendingEnd)
        emit(aligned)
    }

    private mutating func emit(_ aligned: HTMLAlignedText) {
        if firstContent == nil, !builder.isInsideSkipped, !builder.isInsideHead,
           let piece = aligned.pieces.first(where: { aligned.bytes[$0.text].contains { !HTMLTextAligner.isSpace($0) } }) {
            firstContent = piece.source.lowerBound
        }
        builder.text(aligned)
    }

    /// Whether the span ends with a reference decoding to `<` (`&lt;`), which libxml2 reports as text
    /// after consuming it, unlike a literal `<`.
    private mutating func spanEndsWithLessThanReference(_ span: Range<Int>) -> Bool {
        var index = span.upperBound - 1
        while index >= span.lowerBound, span.upperBound - index <= 12 {
            if source[index] == UInt8(ascii: "&") {
                guard let reference = references.decode(source, at: index, limit: span.upperBound) else { return false }
                return reference.end == span.upperBound && reference.bytes == [UInt8(ascii: "<")]
            }
            index -= 1
        }
        return false
    }

    /// Where the first numeric reference that decodes to nothing starts in an attribute value, if any.
    private mutating func truncation(in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if source[index] == UInt8(ascii: "&"), source[index + 1] == UInt8(ascii: "#"),
               let reference = references.decode(source, at: index, limit: range.upperBound), reference.bytes.isEmpty {
                return index
            }
            index += 1
        }
        return nil
    }

    private func alreadyReported(after offset: Int) -> Bool {
        problems.contains { ($0.byteOffset ?? -1) >= offset }
    }

    private mutating func report(_ what: String, at offset: Int) {
        guard problems.count < Self.maximumProblems else {
            unlistedProblems += 1
            return
        }
        problems.append(ReadProblem(
            severity: .error,
            message: "malformed HTML: \(what); the file was still checked, reading it with error recovery",
            byteOffset: offset))
    }

    /// Pairs libxml2's attributes (the truth about names and decoded values) with the scanned ones
    /// (the truth about positions). A value that does not line up keeps libxml2's text mapped as a whole.
    private mutating func resolve(_ attributes: [(String, [UInt8]?)], scanned: [HTMLTagScanner.ScannedAttribute],
                         tagRange: Range<Int>) -> [HTMLDocumentBuilder.ResolvedAttribute] {
        var used = [Bool](repeating: false, count: scanned.count)
        // The scanned attributes of each name, in order, when there are many (linear for a hostile tag).
        var byName: [String: [Int]] = [:]
        if scanned.count > 16 {
            for index in scanned.indices.reversed() { byName[scanned[index].name, default: []].append(index) }
        }
        func firstUnused(_ name: String) -> Int? {
            guard scanned.count > 16 else { return scanned.indices.first { !used[$0] && scanned[$0].name == name } }
            while let last = byName[name]?.last, used[last] { byName[name]!.removeLast() }
            return byName[name]?.last
        }
        return attributes.map { name, value in
            let decoded = value ?? []
            guard let index = firstUnused(name) else {
                var aligned = HTMLAlignedText()
                aligned.appendReplaced(decoded, source: tagRange)
                return .init(name: name, value: aligned, valueRange: tagRange)
            }
            used[index] = true
            let found = scanned[index]
            guard let range = found.valueRange else {
                let at = found.nameRange.upperBound
                var aligned = HTMLAlignedText()
                aligned.appendReplaced(decoded, source: at..<at)
                return .init(name: name, value: aligned, valueRange: at..<at)
            }
            // libxml2 writes an invalid numeric reference in a value as a NUL byte, which ends the C
            // string: its value then stops there.
            let end = truncation(in: range) ?? range.upperBound
            var aligned = HTMLAlignedText()
            if aligner.forward(decoded, in: source, from: range.lowerBound, to: end, into: &aligned) {
                return .init(name: name, value: aligned, valueRange: range.lowerBound..<end)
            }
            aligner.align(decoded, in: source, span: range, into: &aligned)
            return .init(name: name, value: aligned, valueRange: range)
        }
    }
}
