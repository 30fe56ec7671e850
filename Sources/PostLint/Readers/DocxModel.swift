/// The pieces of a Word document that `DocxReader` reads, before they are laid out as text.

/// One `w:p`: its text with tabs kept and breaks as spaces, the inline contexts over it, and the
/// hyperlinks and images it holds.
struct DocxParagraph: Sendable {
    var kind: ProseKind = .paragraph
    var enclosing: InlineContext = []
    var text: [UInt8] = []
    var contexts: [ContextSpan] = []
    var links: [DocxLink] = []
    var images: [DocxImage] = []
    /// What the paragraph belongs to when not the body: "header 1", "footer 2", "footnote 3".
    var group: String?
}

struct DocxLink: Sendable, Equatable {
    /// The link text's range in the paragraph's text.
    var range: Range<Int>
    /// The address (an external target from the relationships) or `#bookmark`; nil when unknown.
    var target: String?
}

struct DocxImage: Sendable, Equatable {
    /// Where in the paragraph's text the image stands.
    var offset: Int
    /// The image part the relationships name, e.g. "media/image1.png".
    var source: String?
    /// `wp:docPr descr` (VML `alt`): the alternative text.
    var description: String?
    /// `wp:docPr title` (VML `o:title`).
    var title: String?
    /// `wp:docPr name`, e.g. "Picture 1" or the inserted file's name.
    var name: String?
}

/// The namespaces of the elements and attributes the reader looks at, transitional and strict.
enum DocxNamespace {
    case wordprocessing, relationships, drawingWordprocessing, drawing, compatibility, vml, office, other

    init(_ uri: String?) {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            self = .wordprocessing
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            self = .relationships
        case "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
             "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":
            self = .drawingWordprocessing
        case "http://schemas.openxmlformats.org/drawingml/2006/main",
             "http://purl.oclc.org/ooxml/drawingml/main":
            self = .drawing
        case "http://schemas.openxmlformats.org/markup-compatibility/2006":
            self = .compatibility
        case "urn:schemas-microsoft-com:vml":
            self = .vml
        case "urn:schemas-microsoft-com:office:office":
            self = .office
        default:
            self = .other
        }
    }
}

extension Array where Element == DocxXMLAttribute {
    /// The value of the attribute with this local name in this namespace (`.other` matches none).
    func value(_ localName: String, _ namespace: DocxNamespace? = nil) -> String? {
        first { attribute in
            attribute.localName == localName
                && (namespace == nil ? attribute.namespace == nil : DocxNamespace(attribute.namespace) == namespace)
        }?.value
    }
}

/// A part's relationships (`word/_rels/document.xml.rels`): id → target, for hyperlinks and images.
struct DocxRelationships: Sendable {
    struct Relationship: Sendable, Equatable {
        var target: String
        var isExternal: Bool
        var type: String
    }

    var byID: [String: Relationship] = [:]

    subscript(id: String) -> Relationship? { byID[id] }

    /// Reads a `.rels` part; a part that is not well formed gives what was read before the error.
    static func read(_ bytes: [UInt8]) -> (relationships: DocxRelationships, failure: DocxXMLParser.Failure?) {
        final class Handler: DocxXMLHandler {
            var relationships = DocxRelationships()
            func startElement(_ localName: String, namespace: String?, attributes: [DocxXMLAttribute]) {
                guard localName == "Relationship", let id = attributes.value("Id"), let target = attributes.value("Target") else { return }
                relationships.byID[id] = Relationship(
                    target: target,
                    isExternal: attributes.value("TargetMode") == "External",
                    type: attributes.value("Type") ?? "")
            }
            func endElement(_ localName: String, namespace: String?) {}
            func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
        }
        let handler = Handler()
        let failure = DocxXMLParser.parse(bytes, handler: handler)
        return (handler.relationships, failure)
    }
}
