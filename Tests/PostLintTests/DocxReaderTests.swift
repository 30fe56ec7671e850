import Foundation
@testable import PostLint
@testable import PostLintReporters
import PostLintTestSupport
import Testing

@Suite("DocxReader")
struct DocxReaderTests {
    typealias F = DocxFixture

    static func read(_ bytes: [UInt8]) throws -> Document {
        try DocxReader.read(bytes: bytes, path: "post.docx")
    }

    static func lines(_ document: Document) -> [String] {
        (0..<document.source.lines.lineCount).map { document.source.text(document.source.lines.lineRange($0)) }
    }

    static func failure(_ bytes: [UInt8]) -> String? {
        do {
            _ = try DocxReader.read(bytes: bytes, path: "post.docx")
            return nil
        } catch {
            return error.message
        }
    }

    // MARK: Text

    @Test func paragraphsBecomeLinesNumberedAsParagraphs() throws {
        let document = try Self.read(try F.docx(F.p("First.") + "<w:p/>" + F.p("Third.")))
        #expect(document.format == .docx)
        #expect(document.source.text(0..<document.source.utf8.count) == "First.\n\nThird.\n")
        #expect(Array(document.lineLocations.prefix(3)) == ["paragraph 1", "paragraph 2", "paragraph 3"])
        #expect(document.blocks.map(\.string) == ["First.", "Third."])
        #expect(document.blocks.allSatisfy { $0.kind == .paragraph })
        // Every block maps byte for byte onto its line of the rendering.
        for block in document.blocks {
            #expect(document.source.text(block.sourceRange(0..<block.text.count)) == block.string)
        }
    }

    @Test func runsAreJoinedAsWordShowsThem() throws {
        let body = "<w:p><w:r><w:t>Oli</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ver Smith</w:t></w:r></w:p>"
        let document = try Self.read(try F.docx(body))
        #expect(document.blocks.map(\.string) == ["Oliver Smith"])
        #expect(document.blocks[0].contexts.contains { $0.context == .emphasis && $0.range == 3..<12 })
    }

    @Test func tabsBreaksAndLineEndsStayOnOneLine() throws {
        let body = "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d\ne</w:t>"
            + "<w:noBreakHyphen/><w:t>f</w:t></w:r></w:p>"
        let document = try Self.read(try F.docx(body))
        #expect(document.blocks.map(\.string) == ["a\tb c d e-f"])
        #expect(document.source.lines.lineCount == 2)  // the paragraph and the empty line after the final LF
    }

    @Test func deletedTextFieldCodesAndFallbacksAreLeftOut() throws {
        let body = "<w:p><w:r><w:t>Kept </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
            + "<w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom>"
            + "<w:r><w:instrText> PAGE </w:instrText></w:r>"
            + "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>once</w:t></w:r></mc:Choice>"
            + "<mc:Fallback><w:r><w:t>twice</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
        let document = try Self.read(try F.docx(body))
        #expect(document.blocks.map(\.string) == ["Kept once"])
    }

    @Test func headersFootersAndFootnotesFollowTheBody() throws {
        let bytes = try F.docx(F.p("Body one.") + F.p("Body two."), parts: [
            ("word/header1.xml", F.header(F.p("Beechwood Primary School"))),
            ("word/header2.xml", F.header(F.p("First page header"))),
            ("word/footer1.xml", F.footer(F.p("Page footer") + F.p("Second footer line"))),
            ("word/footnotes.xml", "<w:footnotes \(F.namespaces)><w:footnote w:type=\"separator\" w:id=\"-1\">"
                + F.p("----") + "</w:footnote><w:footnote w:id=\"1\">" + F.p("A footnote.") + "</w:footnote></w:footnotes>"),
        ])
        let document = try Self.read(bytes)
        #expect(Array(Self.lines(document).prefix(7)) == ["Body one.", "Body two.", "Beechwood Primary School",
                                                           "First page header", "Page footer", "Second footer line",
                                                           "A footnote."])
        #expect(document.lineLocations == ["paragraph 1", "paragraph 2", "header 1, paragraph 1", "header 2, paragraph 1",
                                           "footer 1, paragraph 1", "footer 1, paragraph 2", "footnote 1, paragraph 1"])
    }

    // MARK: Links and images

    @Test func hyperlinkTextIsLinkContextAndItsTargetComesFromTheRelationships() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r><w:hyperlink r:id=\"rId5\">"
            + "<w:r><w:t>the report</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"
        let document = try Self.read(try F.docx(body, rels: [("rId5", "hyperlink", "https://example.com/report", true)]))
        let paragraph = try #require(document.blocks.first)
        #expect(paragraph.string == "See the report.")
        #expect(paragraph.contexts.contains(ContextSpan(context: .link, range: 4..<14)))
        let link = try #require(document.links.first)
        #expect(link.target == "https://example.com/report")
        #expect(link.text == "the report")
        #expect(document.source.text(link.range) == "the report")
        #expect(document.source.text(link.targetRange) == "https://example.com/report")
        #expect(document.blocks.contains { $0.kind == .linkTarget && $0.string == "https://example.com/report" })
        #expect(document.lineLocations.last == "paragraph 1, link target")
    }

    @Test func hyperlinkFieldsAndAnchorsAreLinksToo() throws {
        let body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://news.example.org/a\" \\o \"tip\" </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>field link</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> and </w:t></w:r>"
            + "<w:hyperlink w:anchor=\"results\"><w:r><w:t>the results</w:t></w:r></w:hyperlink></w:p>"
        let document = try Self.read(try F.docx(body))
        #expect(document.links.map(\.target) == ["https://news.example.org/a", "#results"])
        #expect(document.links.map(\.text) == ["field link", "the results"])
        #expect(DocxPartReader.hyperlinkTarget("HYPERLINK \\l \"top\"") == "#top")
    }

    @Test func imagesCarryTheirAltTextAndPartName() throws {
        let body = F.p("Before") + "<w:p>" + F.image(id: "rId7", descr: "Children on the field", title: "Sports day",
                                                       name: "sports.jpg") + "</w:p>"
        let document = try Self.read(try F.docx(body, rels: [("rId7", "image", "media/image1.jpeg", false)]))
        let image = try #require(document.images.first)
        #expect(image.source == "media/image1.jpeg")
        #expect(image.alt == "Children on the field")
        #expect(image.attributes.first { $0.name == "title" }?.value == "Sports day")
        let alt = try #require(document.blocks.first { $0.kind == .imageAlt })
        #expect(alt.string == "Children on the field")
        #expect(alt.label == "alt")
        #expect(document.blocks.contains { $0.kind == .titleAttribute && $0.string == "Sports day" })
        #expect(document.blocks.contains { $0.kind == .imageFileName && $0.string == "sports.jpg" })
        let altLine = document.source.lines.lineIndex(of: alt.sourceRange(0..<1).lowerBound)
        #expect(document.lineLocations[altLine] == "paragraph 2, image alt text")
    }

    @Test func theLogoInTheHeaderSatisfiesMissingLogo() throws {
        let crest = F.header("<w:p>" + F.image(id: "rId1", descr: "Beechwood crest") + "</w:p>")
        let crestRels = F.relationships([("rId1", "image", "media/crest.png", false)])
        let withLogo = try F.docx(F.p("News."), parts: [("word/header1.xml", crest), ("word/_rels/header1.xml.rels", crestRels)])
        let without = try F.docx(F.p("News."))
        let linter = Linter()
        let rules: (FileReport) -> [String] = { $0.diagnostics.map(\.ruleID) }
        #expect(!rules(linter.lint(bytes: withLogo, path: "a.docx", format: .docx, configuration: Configuration())).contains("missing-logo"))
        #expect(rules(linter.lint(bytes: without, path: "b.docx", format: .docx, configuration: Configuration())).contains("missing-logo"))
    }

    // MARK: Structure

    @Test func headingsTitlesListsQuotesAndTables() throws {
        let body = F.p("Sports Day", style: "Title") + F.p("Results", style: "Heading2")
            + F.p("Custom", style: "MyHeading") + F.p("Wise words", style: "Quote")
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc>" + F.p("Red") + "</w:tc><w:tc>" + F.p("312") + "</w:tc></w:tr></w:tbl>"
            + F.p("After the table.")
        let styles = "<w:styles \(F.namespaces)><w:style w:type=\"paragraph\" w:styleId=\"MyHeading\">"
            + "<w:name w:val=\"My Heading\"/><w:basedOn w:val=\"Heading1\"/></w:style></w:styles>"
        let document = try Self.read(try F.docx(body, parts: [("word/styles.xml", styles)]))
        #expect(document.blocks.map(\.kind) == [.title, .heading, .heading, .quote, .listItem, .tableCell, .tableCell, .paragraph])
        #expect(document.blocks[3].enclosing.contains(.quotation))
        #expect(document.lineLocations[5] == "paragraph 6")
    }

    // MARK: Reports

    static func report() throws -> FileReport {
        let body = F.p("Sports Day", style: "Title") + F.p("In my opinion it was great.")
        let bytes = try F.docx(body, parts: [("word/header1.xml", F.header(F.p("I think this header is fine.")))])
        return Linter().lint(bytes: bytes, path: "post.docx", format: .docx, configuration: Configuration())
    }

    @Test func diagnosticsNameTheParagraph() throws {
        let report = try Self.report()
        let opinions = report.diagnostics.filter { $0.ruleID == "personal-opinion" }
        #expect(opinions.map(\.logicalLocation) == ["paragraph 2", "header 1, paragraph 1"])
        #expect(opinions.first?.region.start.column == 1)
        #expect(opinions.first?.snippet == "In my opinion")
    }

    @Test func textJSONAndSARIFShowTheLogicalLocation() throws {
        let run = RunReport(rules: Linter().descriptors, files: [try Self.report()], workingDirectory: "/w")
        let text = TextReporter().render(run)
        #expect(text.contains("post.docx: paragraph 2, col 1: warning:"))
        #expect(text.contains("post.docx: header 1, paragraph 1, col 1: warning:"))

        let json = try JSONDecoder().decode(JSONReport.self, from: Data(JSONReporter().render(run).utf8))
        #expect(json.files[0].diagnostics.compactMap(\.logicalLocation).contains("paragraph 2"))

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(run).utf8)) as? [String: Any])
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let names = results.compactMap { result -> String? in
            let location = (result["locations"] as? [[String: Any]])?.first
            return ((location?["logicalLocations"] as? [[String: Any]])?.first?["name"]) as? String
        }
        #expect(names.contains("paragraph 2"))
        #expect(names.contains("header 1, paragraph 1"))
        let kinds = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first?["kind"] as? String }
        #expect(Set(kinds) == ["element"])
    }

    @Test func textFilesHaveNoLogicalLocation() {
        let report = Linter().lint(text: "In my opinion it rained.\n", path: "a.txt", format: .text)
        #expect(report.diagnostics.allSatisfy { $0.logicalLocation == nil })
        let json = JSONReporter().render(RunReport(rules: [], files: [report], workingDirectory: "/w"))
        #expect(!json.contains("logicalLocation"))
    }

    @Test func fixesAreNeverWrittenIntoWordDocuments() throws {
        let folder = try TemporaryFolder()
        let path = folder.absolute("post.docx")
        let bytes = try F.docx(F.p("Hello."))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var report = Linter().lint(bytes: bytes, path: path, format: .docx, configuration: Configuration())
        let region = report.source!.lines.region(of: 0..<5)
        report.diagnostics = [Diagnostic(ruleID: "pupil-name", level: .error, message: "m", region: region, snippet: "Hello",
                                         fix: Fix(description: "d", edits: [Fix.Edit(range: 0..<5, replacement: "Hi")]))]
        #expect(throws: FixApplier.FixError.self) { try FixApplier.apply(report) }
        do {
            _ = try FixApplier.apply(report)
        } catch {
            #expect(error.description == "not fixed: Word documents are not rewritten")
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    // MARK: Hostile input

    @Test func aFileThatIsNotAZipIsRefused() {
        #expect(Self.failure(Array("Just some text.".utf8))?.hasPrefix("not a Word document: a .docx is a zip archive") == true)
        #expect(Self.failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])?.contains("password-protected") == true)
        #expect(Self.failure([])?.hasPrefix("not a Word document") == true)
    }

    @Test func aDamagedZipIsRefused() throws {
        let good = try F.docx(F.p("Hello."))
        // Cut off: the table of contents at the end is gone.
        #expect(Self.failure(Array(good.prefix(good.count / 2)))?.contains("damaged") == true)
        // Garbage in the compressed data: the checksum (or the deflate stream) no longer matches.
        var flipped = good
        for index in 40..<60 { flipped[index] ^= 0x5A }
        let message = Self.failure(flipped)
        #expect(message != nil)
        #expect(message?.contains("damaged") == true || message?.contains("not well-formed") == true)
        // Every byte string either reads or fails with a message a report can show: one line, not
        // empty (a trap in the zip or XML code would end this test process instead).
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var bytes = good
            for _ in 0..<8 { bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            if let message = Self.failure(bytes) {
                #expect(!message.isEmpty && !message.contains("\n"), "\(message)")
            }
        }
    }

    @Test func aZipWithoutTheMainPartIsRefused() throws {
        let bytes = try F.zip([("word/styles.xml", "<w:styles \(F.namespaces)/>")])
        #expect(Self.failure(bytes) == "not a Word document: the zip archive has no word/document.xml (the main text of a .docx)")
    }

    @Test func aPartDeclaringAHugeSizeIsRefusedUnread() throws {
        var bytes = try F.docx(F.p("Hello."))
        F.declareUncompressedSize(3_000_000_000, of: "word/document.xml", in: &bytes)
        let message = try #require(Self.failure(bytes))
        #expect(message.contains("word/document.xml would unpack to 3000000000 bytes"))
        #expect(message.contains("zip bomb"))
    }

    @Test func aZipBombLyingAboutItsSizeIsStoppedAtTheLimit() throws {
        var document = Array(F.document(F.p("Hello.")).utf8)
        document.append(contentsOf: [UInt8](repeating: 0x20, count: DocxArchive.maximumPartSize + 1024))
        var bytes = try F.zip([("word/document.xml", document)])
        #expect(bytes.count < 1_000_000)  // it compresses very well: that is the bomb
        F.declareUncompressedSize(2048, of: "word/document.xml", in: &bytes)
        let message = try #require(Self.failure(bytes))
        #expect(message.contains("unpacking was stopped"))
    }

    @Test func aDeflateStreamThatRunsPastItsEntryEndsAsDamagedNotAHang() throws {
        var bytes = try F.docx(F.p(String(repeating: "Hello. ", count: 40)))
        let data = try #require(ZipLayout.dataRange(of: "word/document.xml", in: bytes))
        // A stored block of 65,535 bytes: more than the entry holds, swallowing the table of contents.
        bytes.replaceSubrange(data.lowerBound..<(data.lowerBound + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        #expect(Self.failure(bytes)?.contains("damaged") == true)
    }

    @Test func aPartWithADocumentTypeIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <w:document \(F.namespaces)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        let message = try #require(Self.failure(try F.zip([("word/document.xml", laughs)])))
        #expect(message.hasPrefix("refused word/document.xml: it has a document type declaration"))

        let external = """
            <?xml version="1.0"?><!DOCTYPE w:hdr SYSTEM "file:///etc/passwd"><w:hdr \(F.namespaces)>\(F.p("x"))</w:hdr>
            """
        let document = try Self.read(try F.docx(F.p("Body."), parts: [("word/header1.xml", external)]))
        #expect(document.blocks.map(\.string) == ["Body."])
        #expect(document.problems.contains { $0.severity == .error && $0.message.hasPrefix("refused word/header1.xml") })
    }

    @Test func malformedXMLIsAnErrorButTheTextBeforeItIsChecked() throws {
        let broken = "<?xml version=\"1.0\"?><w:document \(F.namespaces)><w:body>" + F.p("Read this.") + "<w:p><w:r><w:t>and</w:r>"
        let document = try Self.read(try F.zip([("word/document.xml", broken)]))
        #expect(document.blocks.map(\.string).first == "Read this.")
        let problem = try #require(document.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.message.hasPrefix("word/document.xml is not well-formed XML (line 1:"))
    }

    @Test func unreadableDraftsAreProblemsNamingTheFile() {
        let report = Linter().lint(bytes: Array("not a zip".utf8), path: "drafts/post.docx", format: .docx,
                                   configuration: Configuration())
        #expect(report.diagnostics.isEmpty)
        #expect(report.problems.map(\.path) == ["drafts/post.docx"])
        #expect(report.problems.first?.severity == .error)
        let text = TextReporter().render(RunReport(rules: [], files: [report], workingDirectory: "/w"))
        #expect(text.hasPrefix("drafts/post.docx: error: not a Word document"))
    }

    // MARK: Formats and command line

    @Test func docxIsAKnownFormat() {
        #expect(DocumentFormat(path: "News/Report.DOCX") == .docx)
        #expect(DocumentFormat.knownExtensions.contains("docx"))
    }

    @Test func theSampleDraftReads() throws {
        let path = PostLintProcess.packageRoot + "/Samples/news/sports-day.docx"
        let document = try DocxReader.read(bytes: try FileContents.read(path), path: path)
        #expect(document.problems.isEmpty)
        #expect(document.blocks.contains { $0.string.contains("Oliver Whitfield") })
        #expect(document.images.contains { $0.source == "media/beechwood-crest.png" })
        #expect(document.lineLocations.contains("header 1, paragraph 1"))
    }

    @Test func checkWritesSARIFWithLogicalLocations() throws {
        let folder = try TemporaryFolder()
        let bytes = try F.docx(F.p("Sports Day", style: "Title") + F.p("I think it was the best day."))
        try Data(bytes).write(to: URL(fileURLWithPath: folder.absolute("post.docx")))
        try folder.makeFolder("drafts")
        try Data(bytes).write(to: URL(fileURLWithPath: folder.absolute("drafts/other.docx")))

        let single = try PostLintProcess.run(["check", "post.docx", "--format", "sarif"], in: folder.path)
        #expect(single.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(single.standardOutput.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let opinion = try #require(results.first { $0["ruleId"] as? String == "personal-opinion" })
        let location = try #require((opinion["locations"] as? [[String: Any]])?.first)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["name"] as? String == "paragraph 2")
        #expect(logical["kind"] as? String == "element")

        // Folders are walked for Word drafts too.
        let walked = try PostLintProcess.run(["check", "drafts"], in: folder.path)
        #expect(walked.standardOutput.contains("drafts/other.docx: paragraph 2, col 1: warning:"))

        // --fix leaves a Word draft alone and says so.
        try folder.write("pupils.csv", "Forename,Surname\nOliver,Whitfield\n")
        try folder.write(".postlint.yml", "roster: [pupils.csv]\n")
        let named = try F.docx(F.p("Well done to Oliver Whitfield!"))
        try Data(named).write(to: URL(fileURLWithPath: folder.absolute("named.docx")))
        let fixed = try PostLintProcess.run(["check", "named.docx", "--fix"], in: folder.path)
        #expect(fixed.standardOutput.contains("not fixed: Word documents are not rewritten"))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.absolute("named.docx")))) == named)

        let broken = try folder.write("broken.docx", "PK not really")
        let failed = try PostLintProcess.run(["check", broken], in: folder.path)
        #expect(failed.status == 2)
        #expect(failed.standardOutput.contains("broken.docx: error: not a Word document"))
    }
}
