import Testing
@testable import PostLint

@Suite("HTMLReader")
struct HTMLReaderTests {
    private func read(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Document {
        HTMLMappingCheck.read(html, sourceLocation: sourceLocation)
    }

    // MARK: Text and character references

    @Test func entityMapsBackToItsSource() throws {
        let document = read("<p>Fish &amp; Chips</p>")
        #expect(document.format == .html)
        let block = try #require(document.blocks.first)
        #expect(document.texts == ["Fish & Chips"])
        #expect(block.kind == .paragraph)
        #expect(document.sourceText(of: block) == "Fish &amp; Chips")
        #expect(document.sourceText(of: block, matching: "&") == "&amp;")
        #expect(document.sourceText(of: block, matching: "Chips") == "Chips")
    }

    @Test func numericAndNamedReferences() throws {
        let document = read("<p>Oliver&#8217;s and Zoe&#x2019;s&nbsp;day &copy 2024 &eacute;t&eacute; &#8217s &foo; &#0;x</p>")
        let block = try #require(document.blocks.first)
        #expect(block.string == "Oliver’s and Zoe’s\u{A0}day &copy 2024 été ’s &foo; x")
        #expect(document.sourceText(of: block, matching: "Oliver’s") == "Oliver&#8217;s")
        #expect(document.sourceText(of: block, matching: "Zoe’s") == "Zoe&#x2019;s")
        #expect(document.sourceText(of: block, matching: "été") == "&eacute;t&eacute;")
        // libxml2 2.9 leaves a named reference without `;` as it is: the text is then verbatim.
        #expect(document.sourceText(of: block, matching: "&copy 2024") == "&copy 2024")
        #expect(document.sourceText(of: block, matching: "’s &foo") == "&#8217s &foo")
    }

    @Test func multiByteText() throws {
        let document = read("<h1>Zoë 👩‍🏫 teaches 中文 at Ysgol Gymraeg</h1>")
        let block = try #require(document.blocks.first)
        #expect(block.kind == .heading)
        #expect(document.sourceText(of: block, matching: "👩‍🏫") == "👩‍🏫")
        #expect(document.sourceText(of: block, matching: "中文") == "中文")
    }

    @Test func crlfAndTextSpanningLines() throws {
        let html = "<html>\r\n<body>\r\n<p>First line\r\nsecond &amp; third\r\n  line</p>\r\n</body></html>\r\n"
        let document = read(html)
        let block = try #require(document.blocks.first { $0.kind == .paragraph && $0.string.contains("First") })
        #expect(block.string == "First line\r\nsecond & third\r\n  line")
        let range = try #require(block.range(of: "line\r\nsecond &"))
        #expect(document.sourceText(of: block, range) == "line\r\nsecond &amp;")
        #expect(document.bodyStart == 8)
    }

    @Test func lessThanAsText() throws {
        let document = read("<p>a < b &lt;< c <3 and x<?y</p>")
        let block = try #require(document.blocks.first)
        #expect(block.string.hasPrefix("a < b << c <3"))
        #expect(document.sourceText(of: block, matching: "<<") == "&lt;<")
    }

    @Test func declaredCharsetIsIgnored() throws {
        let document = read("<meta charset=\"iso-8859-1\"><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"><p>Zoë &amp; 中文</p>")
        #expect(document.blocks(.paragraph).map(\.string) == ["Zoë & 中文"])
    }

    @Test func preKeepsItsText() throws {
        let document = read("<pre>\n  let x = 1\n</pre>")
        let block = try #require(document.blocks.first)
        #expect(block.kind == .code)
        #expect(block.string.hasSuffix("  let x = 1\n"))
    }

    // MARK: Blocks and contexts

    @Test func inlineElementsDoNotSplitBlocks() throws {
        let document = read("<p><b>Oliver</b> Smith met <a href=\"/staff\">Ms <em>Jones</em></a> and <code>x</code>.</p>")
        let block = try #require(document.blocks.first { $0.kind == .paragraph })
        #expect(block.string == "Oliver Smith met Ms Jones and x.")
        #expect(block.contexts(at: 0).contains(.emphasis))
        #expect(!block.contexts(at: 7).contains(.emphasis))
        let jones = try #require(block.range(of: "Jones"))
        #expect(block.contexts(at: jones.lowerBound).isSuperset(of: [.link, .emphasis]))
        #expect(block.contexts(matching: "x.").contains(.code))
    }

    @Test func nestedBlocksStartNewBlocks() {
        let document = read("<ul><li>Before<p>Inside</p>After</li></ul><div>Outer<div>Inner</div>Tail</div>")
        #expect(document.blocks.map { "\($0.kind):\($0.string)" } == [
            "listItem:Before", "paragraph:Inside", "listItem:After",
            "paragraph:Outer", "paragraph:Inner", "paragraph:Tail",
        ])
    }

    @Test func blockKinds() {
        let html = """
        <html><head><title>Sports Day</title></head><body>
        <h2>Results</h2><dl><dt>Term</dt><dd>Definition</dd></dl>
        <table><caption>Scores</caption><tr><th>Team</th><td>Red</td></tr></table>
        <figure><img src="a.jpg"><figcaption>Winners</figcaption></figure>
        <pre>let x = 1</pre><p><code>only code</code></p>
        </body></html>
        """
        let document = read(html)
        let kinds = Dictionary(document.blocks.map { ($0.string, $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["Sports Day"] == .title)
        #expect(kinds["Results"] == .heading)
        #expect(kinds["Term"] == .listItem)
        #expect(kinds["Definition"] == .listItem)
        #expect(kinds["Scores"] == .caption)
        #expect(kinds["Team"] == .tableCell)
        #expect(kinds["Red"] == .tableCell)
        #expect(kinds["Winners"] == .caption)
        #expect(kinds["let x = 1"] == .code)
        #expect(kinds["only code"] == .code)
    }

    /// A data cell carries its column's header (from `<th>` in the first row or in `<thead>`), which
    /// pupil-name reads ("Star of the Week"); row headers and header cells carry none.
    @Test func tableCellsCarryTheirColumnHeaders() {
        let document = read("""
        <table><thead><tr><th>Class</th><th colspan="2">Star of the Week</th><th>Points</th></tr></thead>
        <tbody><tr><td>Oak</td><td>Rose</td><td>Ivy</td><td>12</td></tr>
        <tr><th scope="row">Ash</th><td>Skye</td></tr></tbody></table>
        <table><tr><td>Willow</td><td>Hope</td></tr></table>
        """)
        let labels = Dictionary(document.blocks.filter { $0.kind == .tableCell }.map { ($0.string, $0.label ?? "-") },
                                uniquingKeysWith: { first, _ in first })
        #expect(labels == ["Class": "-", "Star of the Week": "-", "Points": "-", "Oak": "Class", "Rose": "Star of the Week",
                           "Ivy": "Star of the Week", "12": "Points", "Ash": "Class", "Skye": "Star of the Week", "Willow": "-", "Hope": "-"])
    }

    @Test func quotesAndCitations() throws {
        let document = read("<blockquote><p>Be kind.</p>Always</blockquote><p>She said <q>hello</q> in <cite>The Times</cite></p>")
        let quote = try #require(document.blocks.first { $0.string == "Be kind." })
        #expect(quote.kind == .quote)
        #expect(quote.enclosing.contains(.quotation))
        let loose = try #require(document.blocks.first { $0.string == "Always" })
        #expect(loose.kind == .quote)
        let said = try #require(document.blocks.first { $0.string.hasPrefix("She said") })
        #expect(said.contexts(matching: "hello").contains(.quotation))
        #expect(said.contexts(matching: "Times").contains(.citation))
        let cite = try #require(document.elements.first { $0.name == "cite" })
        #expect(cite.text == "The Times")
        #expect(document.source.text(cite.range) == "<cite>The Times</cite>")
    }

    @Test func lineBreakIsASeparator() throws {
        let document = read("<p>Line one<br>Line two<br/>three</p>")
        let block = try #require(document.blocks.first)
        #expect(block.string == "Line one\nLine two\nthree")
    }

    @Test func scriptsAndStylesAreSkipped() {
        let document = read("<p>Visible</p><script>var s = \"<p>hidden</p>\";</script><style>p { color: red }</style><noscript><p>No</p></noscript><template><p>T</p></template><p>After</p>")
        #expect(document.texts == ["Visible", "After"])
    }

    @Test func commentsAreRecorded() throws {
        let html = "<p>a</p><!--  TODO: check names  --><p>b</p>"
        let document = read(html)
        let comment = try #require(document.comments.first)
        #expect(comment.text == "TODO: check names")
        #expect(document.source.text(comment.range) == "<!--  TODO: check names  -->")
        #expect(document.texts == ["a", "b"])
    }

    // MARK: Attributes

    @Test func imageAttributes() throws {
        let html = "<p>x<img class=photo src=\"/media/Sports%20Day_2024.JPG?w=300#top\" alt='Zo&euml; &amp; friends' title=Big&amp;Small></p>"
        let document = read(html)
        let image = try #require(document.images.first)
        #expect(image.source == "/media/Sports%20Day_2024.JPG?w=300#top")
        #expect(image.alt == "Zoë & friends")
        #expect(document.source.text(image.range).hasPrefix("<img class=photo"))
        #expect(document.source.text(image.range).hasSuffix("Small>"))
        let altAttribute = try #require(image.attributes.first { $0.name == "alt" })
        #expect(document.source.text(altAttribute.valueRange) == "Zo&euml; &amp; friends")
        let alt = try #require(document.blocks.first { $0.kind == .imageAlt })
        #expect(alt.label == "alt")
        #expect(alt.string == "Zoë & friends")
        #expect(document.sourceText(of: alt) == "Zo&euml; &amp; friends")
        let file = try #require(document.blocks.first { $0.kind == .imageFileName })
        #expect(file.string == "Sports%20Day_2024.JPG")
        #expect(file.label == "src")
        #expect(document.sourceText(of: file) == "Sports%20Day_2024.JPG")
        let title = try #require(document.blocks.first { $0.kind == .titleAttribute })
        #expect(title.string == "Big&Small")
        #expect(document.sourceText(of: title) == "Big&amp;Small")
        #expect(document.elements.contains { $0.name == "img" && $0.attribute("class") == "photo" })
    }

    @Test func linksAndTargets() throws {
        let html = "<p>Call <a href=\"tel:+44 1632 960000\" title=\"Office &amp; reception\">the office</a> or <a href='mailto:head@school.example?subject=Hi&amp;x=1'>mail</a></p>"
        let document = read(html)
        #expect(document.links.count == 2)
        let office = document.links[0]
        #expect(office.target == "tel:+44 1632 960000")
        #expect(document.source.text(office.targetRange) == "tel:+44 1632 960000")
        #expect(office.text == "the office")
        #expect(document.source.text(office.range).hasPrefix("<a href=\"tel:"))
        #expect(document.source.text(office.range).hasSuffix("the office</a>"))
        let mail = document.links[1]
        #expect(mail.target == "mailto:head@school.example?subject=Hi&x=1")
        let targets = document.blocks(.linkTarget)
        #expect(targets.map(\.string) == ["tel:+44 1632 960000", "mailto:head@school.example?subject=Hi&x=1"])
        #expect(targets.allSatisfy { $0.label == "href" })
        #expect(document.blocks(.titleAttribute).map(\.string) == ["Office & reception"])
    }

    @Test func metaTags() throws {
        let html = "<html><head><meta charset=utf-8><meta name=\"description\" content=\"Year 6 &amp; parents\"><meta property=\"og:title\" content='Trip'></head><body><p>x</p></body></html>"
        let document = read(html)
        #expect(document.metas.map(\.name) == ["description", "og:title"])
        let description = document.metas[0]
        #expect(description.content == "Year 6 & parents")
        #expect(document.source.text(description.contentRange) == "Year 6 &amp; parents")
        let blocks = document.blocks(.meta)
        #expect(blocks.map(\.label) == ["description", "og:title"])
        #expect(document.sourceText(of: blocks[0]) == "Year 6 &amp; parents")
    }

    @Test func markedElementsForBylinesAndLogos() throws {
        let html = "<body><header><svg role=img aria-label=\"School crest\" viewBox=\"0 0 1 1\"><title>Crest</title><desc>A shield</desc></svg></header><p class=\"author byline\">By <b>Ann Lee</b></p><span itemprop=name>Ann</span></body>"
        let document = read(html)
        let svg = try #require(document.elements.first { $0.name == "svg" })
        #expect(svg.attribute("aria-label") == "School crest")
        #expect(svg.text.contains("Crest"))
        #expect(document.source.text(svg.range).hasPrefix("<svg role=img"))
        #expect(document.source.text(svg.range).hasSuffix("</svg>"))
        let author = try #require(document.elements.first { $0.attribute("class") == "author byline" })
        #expect(author.name == "p")
        #expect(author.text == "By Ann Lee")
        #expect(document.elements.contains { $0.name == "span" && $0.attribute("itemprop") == "name" && $0.text == "Ann" })
        // Text inside <svg> is not running prose.
        #expect(document.blocks.first { $0.string == "Crest" }?.kind == .other)
        #expect(document.blocks.contains { $0.kind == .titleAttribute && $0.string == "School crest" && $0.label == "aria-label" })
    }

    @Test func attributeQuotingStyles() throws {
        let html = "<p><abbr title=\"double &quot;q&quot;\">a</abbr><abbr title='single &#39;q&#39;'>b</abbr><abbr title=bare&amp;more>c</abbr><abbr TITLE = \"spaced\">d</abbr><abbr title=\"line\r\nbreak\">e</abbr></p>"
        let document = read(html)
        let titles = document.blocks(.titleAttribute)
        #expect(titles.map(\.string) == ["double \"q\"", "single 'q'", "bare&more", "spaced", "line\r\nbreak"])
        #expect(titles.map { document.sourceText(of: $0) } == ["double &quot;q&quot;", "single &#39;q&#39;", "bare&amp;more", "spaced", "line\r\nbreak"])
    }

    // MARK: Body start

    @Test func bodyStartFallsBackToFirstContent() {
        #expect(read("<!DOCTYPE html><title>t</title><p>Hi</p>").bodyStart == 31)
        #expect(read("Hello").bodyStart == 0)
        #expect(read("<html><head></head>\n<BODY class=x><p>Hi</p></BODY></html>").bodyStart == 20)
    }
}

/// The site's template around a post (navigation, site header and footer, share buttons) is marked,
/// so checks can tell the post's own links from the template's.
@Suite struct HTMLPageChromeTests {
    @Test func templateLinksAreMarkedAndThePostsAreNot() {
        let html = """
        <body><header class="site-header"><nav><a href="/">Home</a></nav></header>
        <article><header class="post-header"><h1>News</h1></header><p>See <a href="https://example.org/a">this</a>.</p>
        <div class="share-bar"><a href="https://facebook.com/sharer">Share</a></div></article>
        <footer><a href="https://cms.example.com">CMS</a></footer></body>
        """
        let document = HTMLReader.read(SourceText(path: "post.html", text: html))
        #expect(document.links.map(\.isInPageChrome) == [true, false, true, true])
        let heading = document.blocks.first { $0.kind == .heading }
        #expect(heading?.enclosing.contains(.pageChrome) == false, "an article's own header is content")
    }
}
