import CLibXML2

/// One XML element's attribute as the Word part reader needs it: local name, namespace and value.
struct DocxXMLAttribute: Sendable {
    var localName: String
    var namespace: String?
    var value: String
}

/// What `DocxXMLParser` reports: SAX events with namespaces resolved.
protocol DocxXMLHandler: AnyObject {
    func startElement(_ localName: String, namespace: String?, attributes: [DocxXMLAttribute])
    func endElement(_ localName: String, namespace: String?)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Parses one XML part of a Word document with libxml2's SAX2 interface, for `DocxReader`.
///
/// Office parts come from whoever sent the draft, so the parser is locked down: nothing is fetched
/// (`XML_PARSE_NONET`), entities are never substituted (`XML_PARSE_NOENT` is off), and a document type
/// declaration stops the parse at once: WordprocessingML never has one, and a DTD is how entity
/// expansion ("billion laughs") and external-entity attacks get in. libxml2's own limits on depth and
/// text size stay on (no `XML_PARSE_HUGE`).
enum DocxXMLParser {
    private static let libxmlReady: Void = { xmlInitParser() }()

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    enum Failure: Error, Equatable {
        /// The part has a `<!DOCTYPE …>`.
        case documentType
        /// Not well-formed XML: libxml2's message and line.
        case malformed(message: String, line: Int)
    }

    /// Parses `bytes`, sending events to `handler`. Events already delivered stay delivered when it fails.
    static func parse(_ bytes: [UInt8], handler: some DocxXMLHandler) -> Failure? {
        _ = libxmlReady
        guard !bytes.isEmpty else { return .malformed(message: "the part is empty", line: 1) }
        guard bytes.count < Int(Int32.max) else { return .malformed(message: "the part is larger than 2 GB", line: 1) }
        let session = Session(handler: handler)
        return bytes.withUnsafeBufferPointer { buffer -> Failure? in
            let created = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
            guard let context = created else { return .malformed(message: "libxml2 could not start a parser", line: 1) }
            defer { xmlFreeParserCtxt(context) }
            session.context = context
            install(on: context, session: session)
            _ = xmlCtxtUseOptions(context, options)
            context.pointee.replaceEntities = 0
            _ = withExtendedLifetime(session) { xmlParseDocument(context) }
            session.context = nil
            if session.sawDocumentType { return .documentType }
            if let error = session.firstError { return error }
            if context.pointee.wellFormed == 0 {
                return .malformed(message: "not well-formed", line: Int(context.pointee.input?.pointee.line ?? 1))
            }
            return nil
        }
    }

    final class Session {
        let handler: any DocxXMLHandler
        var context: xmlParserCtxtPtr?
        var sawDocumentType = false
        var firstError: Failure?

        init(handler: any DocxXMLHandler) { self.handler = handler }

        func refuseDocumentType() {
            sawDocumentType = true
            if let context { xmlStopParser(context) }
        }
    }

    /// A SAX2 handler with only the callbacks the reader needs. Every DTD-related callback refuses the
    /// part; `getEntity` is left out so no entity can ever be looked up, let alone loaded.
    private static func install(on context: xmlParserCtxtPtr, session: Session) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee = xmlSAXHandler()
        context.pointee.userData = Unmanaged.passUnretained(session).toOpaque()
        sax.pointee.initialized = XML_SAX2_MAGIC
        sax.pointee.internalSubset = { user, _, _, _ in
            guard let user else { return }
            xmlSession(user).refuseDocumentType()
        }
        sax.pointee.externalSubset = sax.pointee.internalSubset
        sax.pointee.entityDecl = { user, _, _, _, _, _ in
            guard let user else { return }
            xmlSession(user).refuseDocumentType()
        }
        sax.pointee.startElementNs = { user, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            let session = xmlSession(user)
            guard !session.sawDocumentType else { return }
            var list: [DocxXMLAttribute] = []
            if let attributes, attributeCount > 0 {
                list.reserveCapacity(Int(attributeCount))
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                    let length = end - start
                    let value = start.withMemoryRebound(to: UInt8.self, capacity: max(length, 0)) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: max(length, 0)), as: UTF8.self)
                    }
                    list.append(DocxXMLAttribute(localName: String(cString: name),
                                                 namespace: attributes[base + 2].map { String(cString: $0) },
                                                 value: value))
                }
            }
            session.handler.startElement(String(cString: localName), namespace: uri.map { String(cString: $0) },
                                         attributes: list)
        }
        sax.pointee.endElementNs = { user, localName, _, uri in
            guard let user, let localName else { return }
            let session = xmlSession(user)
            guard !session.sawDocumentType else { return }
            session.handler.endElement(String(cString: localName), namespace: uri.map { String(cString: $0) })
        }
        sax.pointee.characters = { user, bytes, length in
            guard let user, let bytes, length > 0 else { return }
            let session = xmlSession(user)
            guard !session.sawDocumentType else { return }
            session.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.pointee.cdataBlock = sax.pointee.characters
        sax.pointee.ignorableWhitespace = sax.pointee.characters
        sax.pointee.serror = { user, error in
            guard let user, let error else { return }
            let session = xmlSession(user)
            let value = error.pointee
            guard value.level.rawValue >= XML_ERR_ERROR.rawValue, session.firstError == nil, !session.sawDocumentType else { return }
            let message = (value.message.map { String(cString: $0) } ?? "not well-formed")
                .trimmingTrailingNewlines()
            session.firstError = .malformed(message: message, line: Int(value.line))
        }
    }
}

private func xmlSession(_ user: UnsafeMutableRawPointer) -> DocxXMLParser.Session {
    Unmanaged<DocxXMLParser.Session>.fromOpaque(user).takeUnretainedValue()
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last.isNewline || last == " " { result.removeLast() }
        return result
    }
}
