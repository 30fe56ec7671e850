/// Lays a Word document's paragraphs out as the plain-text rendering `DocxReader` describes, building
/// the `Document` over it: blocks, links, images, and a logical location for every line.
enum DocxRendering {
    static func document(path: String, paragraphs: [DocxParagraph]) -> Document {
        var bytes: [UInt8] = []
        var labels: [String] = []
        var blocks: [TextBlock] = []
        var links: [LinkElement] = []
        var images: [ImageElement] = []

        /// Appends one line and returns where its text starts.
        func line(_ text: [UInt8], _ label: String) -> Int {
            let start = bytes.count
            bytes += text
            bytes.append(0x0A)
            labels.append(label)
            return start
        }

        func block(_ kind: ProseKind, _ text: [UInt8], at start: Int, contexts: [ContextSpan] = [],
                   enclosing: InlineContext = [], label: String? = nil) {
            guard !text.isEmpty else { return }
            var builder = TextBlockBuilder(kind: kind, enclosing: enclosing, label: label)
            builder.appendVerbatim(text, sourceStart: start)
            var finished = builder.finish()
            finished.contexts = contexts
            blocks.append(finished)
        }

        // The paragraphs, numbered within the body and within each header, footer or note.
        var counts: [String: Int] = [:]
        var placed: [(paragraph: DocxParagraph, label: String, start: Int)] = []
        for paragraph in paragraphs {
            let key = paragraph.group ?? ""
            let number = counts[key, default: 0] + 1
            counts[key] = number
            let label = paragraph.group.map { "\($0), paragraph \(number)" } ?? "paragraph \(number)"
            let start = line(paragraph.text, label)
            block(paragraph.kind, paragraph.text, at: start, contexts: paragraph.contexts, enclosing: paragraph.enclosing)
            placed.append((paragraph, label, start))
        }

        // What stands beside the text in Word: image descriptions and link targets.
        for (paragraph, label, start) in placed {
            for image in paragraph.images {
                let position = start + min(image.offset, paragraph.text.count)
                var attributes: [Attribute] = []
                for (name, value, kind, suffix) in [("alt", image.description, ProseKind.imageAlt, "image alt text"),
                                                    ("title", image.title, .titleAttribute, "image title"),
                                                    ("name", image.name, .imageFileName, "image name")] {
                    guard let value else { continue }
                    if name == "title", value == image.description { continue }
                    // "Picture 3" says nothing; a file name ("jack-smith.jpg") may.
                    if name == "name", !value.contains(".") { continue }
                    let text = Self.oneLine(value)
                    let lineStart = line(text, "\(label), \(suffix)")
                    block(kind, text, at: lineStart, label: name)
                    attributes.append(Attribute(name: name, value: value, valueRange: lineStart..<(lineStart + text.count)))
                }
                // A name that says nothing as text ("School Logo", "Picture 3") still names the picture:
                // the logo check reads it. It has no line of its own, so its place is the picture's.
                if let name = image.name, !attributes.contains(where: { $0.name == "name" }) {
                    attributes.append(Attribute(name: "name", value: name, valueRange: position..<position))
                }
                images.append(ImageElement(source: image.source, alt: image.description, attributes: attributes,
                                           range: position..<position))
            }
            for link in paragraph.links {
                guard let target = link.target else { continue }
                let text = Self.oneLine(target)
                let lineStart = line(text, "\(label), link target")
                block(.linkTarget, text, at: lineStart, label: "href")
                let range = (start + link.range.lowerBound)..<(start + link.range.upperBound)
                links.append(LinkElement(target: target, targetRange: lineStart..<(lineStart + text.count),
                                         text: String(decoding: paragraph.text[link.range], as: UTF8.self), range: range))
            }
        }

        var document = Document(source: SourceText(path: path, utf8: bytes), format: .docx)
        document.blocks = blocks
        document.links = links
        document.images = images
        document.lineLocations = labels
        document.bodyStart = 0
        return document
    }

    /// An attribute value as one line of the rendering: line ends and control characters as spaces.
    static func oneLine(_ value: String) -> [UInt8] {
        value.utf8.map { $0 < 0x20 || $0 == 0x7F ? 0x20 : $0 }
    }
}
