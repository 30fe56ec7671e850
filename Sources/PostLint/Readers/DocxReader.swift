/// Reads a Word draft (`.docx`) into a `Document` the checks read like any other.
///
/// A `.docx` is a zip of XML parts, with no line or column a person could open; PostLint's positions
/// are lines and columns in a text. So the reader lays the document out as plain text, the
/// *rendering*, and that text is the document's `SourceText`: every check works unchanged, and every
/// region is exact within the rendering. Its layout, one line per paragraph (`w:p`):
///
/// 1. the body's paragraphs, in order (line N is paragraph N; table cells are paragraphs too);
/// 2. then each header, each footer, each footnote and endnote, paragraph by paragraph;
/// 3. then one line for each image's alternative text (`wp:docPr descr`), title and file name, and for
///    each hyperlink's target, in the order of the paragraphs they belong to.
///
/// `Document.lineLocations` names each line the way a person finds it in Word ("paragraph 12",
/// "header 1, paragraph 2", "paragraph 4, image alt text"), and reporters show that name.
package enum DocxReader: DraftReader {
    package static let format = DocumentFormat.docx
    package static let extensions = ["docx"]

    /// Why a file could not be read at all.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    package static let mainPart = "word/document.xml"

    /// A zip of XML parts, not text: it never goes through the text decoder.
    package static func read(file bytes: [UInt8], path: String) throws(UnreadableDraft) -> Document {
        do {
            return try read(bytes: bytes, path: path)
        } catch {
            throw UnreadableDraft(message: error.message)
        }
    }

    /// Text handed in as `.docx` (an editor showing a rendering) can only be a rendering already, and
    /// is read line by line as plain text.
    package static func read(_ source: SourceText) -> Document {
        var document = PlainTextReader.read(source)
        document.format = .docx
        return document
    }

    package static func read(bytes: [UInt8], path: String) throws(Failure) -> Document {
        var archive: DocxArchive
        do {
            archive = try DocxArchive(bytes: bytes)
        } catch {
            throw Failure(message: describe(error))
        }
        var problems: [ReadProblem] = []

        let mainPart = Self.mainPart(in: &archive, problems: &problems)
        guard archive.contains(mainPart) else {
            throw Failure(message: "not a Word document: the zip archive has no \(mainPart) (the main text of a .docx)")
        }

        let styles = (try? archive.read("word/styles.xml")).flatMap { $0 }.map(DocxStyles.read) ?? DocxStyles()
        var sections: [DocxParagraph] = []
        var importedChunks = 0

        func readPart(_ part: String, group: String?, required: Bool) throws(Failure) {
            let bytes: [UInt8]
            do {
                guard let read = try archive.read(part) else { return }
                bytes = read
            } catch {
                if required { throw Failure(message: describe(error)) }
                problems.append(ReadProblem(severity: .error, message: describe(error) + "; the rest was checked"))
                return
            }
            let relationships = Self.relationships(of: part, in: &archive, problems: &problems)
            let reader = DocxPartReader(relationships: relationships, styles: styles, group: group)
            if let failure = DocxXMLParser.parse(bytes, handler: reader) {
                if failure == .documentType, required { throw Failure(message: describe(failure, part: part)) }
                problems.append(ReadProblem(severity: .error, message: describe(failure, part: part)))
                if failure == .documentType { return }
            }
            reader.finish()
            sections += reader.paragraphs
            importedChunks += reader.importedChunks
        }

        try readPart(mainPart, group: nil, required: true)
        let folder = mainPart.split(separator: "/").dropLast().joined(separator: "/")
        for kind in ["header", "footer"] {
            for (index, part) in numberedParts(kind, in: folder, archive: archive).enumerated() {
                try readPart(part, group: "\(kind) \(index + 1)", required: false)
            }
        }
        for notes in ["footnotes", "endnotes"] {
            try readPart((folder.isEmpty ? "" : folder + "/") + notes + ".xml", group: nil, required: false)
        }
        if importedChunks > 0 {
            problems.append(ReadProblem(
                severity: .warning,
                message: "\(importedChunks) part\(importedChunks == 1 ? " of the document is" : "s of the document are") imported from other files (w:altChunk) and \(importedChunks == 1 ? "was" : "were") not checked"))
        }
        var document = DocxRendering.document(path: path, paragraphs: sections)
        document.problems = problems
        return document
    }

    // MARK: Parts

    /// The main document part named by the package relationships (`_rels/.rels`), else `word/document.xml`.
    private static func mainPart(in archive: inout DocxArchive, problems: inout [ReadProblem]) -> String {
        guard let bytes = try? archive.read("_rels/.rels") else { return Self.mainPart }
        let (relationships, _) = DocxRelationships.read(bytes)
        let office = relationships.byID.values
            .filter { $0.type.hasSuffix("/officeDocument") && !$0.isExternal }
            .map { $0.target.hasPrefix("/") ? String($0.target.dropFirst()) : $0.target }
            .sorted()
        if let part = office.first(where: { archive.contains($0) }) { return part }
        return Self.mainPart
    }

    /// The relationships of a part: `word/_rels/document.xml.rels` for `word/document.xml`.
    private static func relationships(of part: String, in archive: inout DocxArchive,
                                      problems: inout [ReadProblem]) -> DocxRelationships {
        var components = part.split(separator: "/").map(String.init)
        guard let name = components.popLast() else { return DocxRelationships() }
        let relsPart = (components + ["_rels", name + ".rels"]).joined(separator: "/")
        let bytes: [UInt8]
        do {
            guard let read = try archive.read(relsPart) else { return DocxRelationships() }
            bytes = read
        } catch {
            problems.append(ReadProblem(severity: .error, message: describe(error) + "; its links and images were not resolved"))
            return DocxRelationships()
        }
        let (relationships, failure) = DocxRelationships.read(bytes)
        if let failure {
            problems.append(ReadProblem(severity: .error, message: describe(failure, part: relsPart)))
            if failure == .documentType { return DocxRelationships() }
        }
        return relationships
    }

    /// `word/header1.xml`, `word/header2.xml`…: the parts named `kind` followed by a number, in
    /// numeric order.
    static func numberedParts(_ kind: String, in folder: String, archive: DocxArchive) -> [String] {
        let prefix = (folder.isEmpty ? "" : folder + "/") + kind
        return archive.partNames.compactMap { name -> (Int, String)? in
            let lower = name.lowercased()
            guard lower.hasPrefix(prefix.lowercased()), lower.hasSuffix(".xml") else { return nil }
            let middle = lower.dropFirst(prefix.count).dropLast(4)
            guard middle.allSatisfy(\.isNumber) else { return nil }
            return (Int(middle) ?? 0, name)
        }
        .sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        .map(\.1)
    }

    // MARK: Messages

    static func describe(_ failure: DocxArchive.Failure) -> String {
        let megabytes = DocxArchive.maximumPartSize / (1024 * 1024)
        switch failure {
        case .notZip(let why):
            return "not a Word document: \(why)"
        case .tooManyParts:
            return "not read: the zip archive lists more than \(DocxArchive.maximumEntries) parts, which no Word document has"
        case .tooLarge(let part, let size?):
            return "not read: \(part) would unpack to \(size) bytes, over the limit of \(megabytes) MB per part (a damaged file or a zip bomb)"
        case .tooLarge(let part, nil):
            return "not read: \(part) unpacks to more than its limit (\(megabytes) MB per part, \(DocxArchive.maximumTotalSize / (1024 * 1024)) MB per file), so unpacking was stopped (a damaged file or a zip bomb)"
        case .corrupt(let part):
            return "the zip archive is damaged: \(part) cannot be unpacked (its data or checksum is wrong)"
        }
    }

    static func describe(_ failure: DocxXMLParser.Failure, part: String) -> String {
        switch failure {
        case .documentType:
            return "refused \(part): it has a document type declaration (<!DOCTYPE>), which Word never writes and which can expand entities without bound or fetch other files, so the part was not read"
        case .malformed(let message, let line):
            return "\(part) is not well-formed XML (line \(line): \(message)); the text before the error was checked"
        }
    }
}
