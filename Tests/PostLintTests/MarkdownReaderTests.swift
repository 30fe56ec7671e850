import Testing
@testable import PostLint

@Suite struct MarkdownReaderTests {
    private func read(_ text: String) -> Document {
        MarkdownReader.read(SourceText(path: "post.md", text: text))
    }

    @Test func headingsAndParagraphs() {
        let document = read("# Sports *day* #\n\nSetext title\n===\n\nA paragraph\nover two lines.  \n")
        #expect(ReaderMapping.blocks(document, .heading) == ["Sports day", "Setext title"])
        #expect(ReaderMapping.blocks(document, .paragraph) == ["A paragraph\nover two lines."])
        ReaderMapping.checkWords(document)
    }

    @Test func emphasisInsideAWord() {
        let document = read("Zo*ë* and **O’Brien** and __bold__ but snake_case_name and 2*3*4 and * lone *\n")
        let block = document.blocks[0]
        #expect(block.string == "Zoë and O’Brien and bold but snake_case_name and 234 and * lone *")
        #expect(ReaderMapping.cut(document, block, "Zoë") == "Zo*ë")
        #expect(ReaderMapping.cut(document, block, "O’Brien") == "O’Brien")
        let emphasis = block.contexts.filter { $0.context.contains(.emphasis) }.map { block.text[$0.range] }
        #expect(emphasis.map { String(decoding: $0, as: UTF8.self) } == ["ë", "O’Brien", "bold", "3"])
        // One marker is italic (where titles and boats' names are set), two are bold.
        let italic = block.contexts.filter { $0.context.contains(.italic) }.map { block.text[$0.range] }
        #expect(italic.map { String(decoding: $0, as: UTF8.self) } == ["ë", "3"])
        ReaderMapping.checkWords(document)
    }

    @Test func nestedEmphasis() {
        let document = read("***all*** and *a **b** c*\n")
        #expect(document.blocks[0].string == "all and a b c")
        ReaderMapping.checkWords(document)
    }

    @Test func inlineLinks() {
        let source = "Read [the *letter*](https://school.example/letter.pdf \"Letter to parents\") today.\n"
        let document = read(source)
        let paragraph = document.blocks.first { $0.kind == .paragraph }!
        #expect(paragraph.string == "Read the letter today.")
        #expect(paragraph.contexts(at: 5).contains(.link))
        #expect(!paragraph.contexts(at: 0).contains(.link))
        #expect(ReaderMapping.blocks(document, .linkTarget) == ["https://school.example/letter.pdf"])
        #expect(ReaderMapping.blocks(document, .titleAttribute) == ["Letter to parents"])
        let link = try! #require(document.links.first)
        #expect(link.target == "https://school.example/letter.pdf")
        #expect(link.text == "the letter")
        #expect(document.source.text(link.targetRange) == "https://school.example/letter.pdf")
        #expect(document.source.text(link.range).hasPrefix("[the *letter*]("))
        #expect(document.source.text(link.range).hasSuffix("parents\")"))
        #expect(document.blocks.first { $0.kind == .linkTarget }?.label == "href")
        ReaderMapping.checkWords(document)
    }

    @Test func referenceLinksAndDefinitions() {
        let document = read("""
        See [the menu][Menu], [Menu][] and [menu].

        [menu]: <https://school.example/menu> "Lunch menu"
        Text after definitions.
        """)
        #expect(document.links.count == 3)
        #expect(document.links.allSatisfy { $0.target == "https://school.example/menu" })
        #expect(document.links.allSatisfy { document.source.text($0.targetRange) == "https://school.example/menu" })
        #expect(ReaderMapping.blocks(document, .paragraph) == ["See the menu, Menu and menu.", "Text after definitions."])
        #expect(ReaderMapping.blocks(document, .linkTarget) == ["https://school.example/menu"])
        #expect(ReaderMapping.blocks(document, .titleAttribute) == ["Lunch menu"])
        ReaderMapping.checkWords(document)
    }

    @Test func autolinks() {
        let document = read("Mail <office@school.example> or <https://school.example/a?b=1>, not https://bare.example.\n")
        #expect(document.blocks[0].string == "Mail office@school.example or https://school.example/a?b=1, not https://bare.example.")
        #expect(document.links.map(\.target) == ["mailto:office@school.example", "https://school.example/a?b=1"])
        #expect(document.links.map { document.source.text($0.targetRange) } == ["office@school.example", "https://school.example/a?b=1"])
        ReaderMapping.checkWords(document)
    }

    @Test func images() {
        let document = read("Look: ![Zoë at the *fair*](photos/2024/IMG_0042.JPG?size=2 \"Fair\") and <img src=\"a/b/Oliver-Smith.png\" alt=\"Oliver &amp; friends\">.\n")
        #expect(document.blocks[0].string == "Look:  and .")
        #expect(ReaderMapping.blocks(document, .imageAlt) == ["Zoë at the fair", "Oliver & friends"])
        #expect(ReaderMapping.blocks(document, .imageFileName) == ["IMG_0042.JPG", "Oliver-Smith.png"])
        #expect(document.images.count == 2)
        let image = document.images[0]
        #expect(image.source == "photos/2024/IMG_0042.JPG?size=2")
        #expect(image.alt == "Zoë at the fair")
        #expect(document.source.text(image.range).hasPrefix("![Zoë"))
        #expect(document.source.text(image.range).hasSuffix("\"Fair\")"))
        let src = image.attributes.first { $0.name == "src" }!
        #expect(document.source.text(src.valueRange) == "photos/2024/IMG_0042.JPG?size=2")
        let alt = image.attributes.first { $0.name == "alt" }!
        #expect(document.source.text(alt.valueRange) == "Zoë at the *fair*")
        let html = document.images[1]
        #expect(html.alt == "Oliver & friends")
        #expect(document.source.text(html.attributes.first { $0.name == "alt" }!.valueRange) == "Oliver &amp; friends")
        ReaderMapping.checkWords(document)
    }

    @Test func imageInsideLinkAndTrimmedHTMLBlock() {
        let document = read("[![Logo of *Zoë’s* school](img/logo.svg)](https://school.example \"Home\") ![ spaced ](a.png)\n\n<div>\nHTML *kept* Zoë\n</div>\n")
        #expect(document.links.first?.target == "https://school.example")
        #expect(ReaderMapping.blocks(document, .imageAlt) == ["Logo of Zoë’s school", "spaced"])
        #expect(ReaderMapping.blocks(document, .imageFileName) == ["logo.svg", "a.png"])
        #expect(ReaderMapping.blocks(document, .paragraph) == ["HTML *kept* Zoë"])
        #expect(document.images.first?.alt == "Logo of Zoë’s school")
        ReaderMapping.checkWords(document)
    }

    @Test func pathologicalEmphasisStaysFast() {
        let document = read(String(repeating: "*a _b ", count: 20_000) + "\n")
        #expect(document.blocks.count == 1)
        var ticks = ""
        for length in 1...200 { ticks += String(repeating: "`", count: length) + " x " }
        let code = read(String(repeating: ticks, count: 5) + "\n")
        #expect(code.blocks.count == 1)
        ReaderMapping.checkWords(code)
    }

    @Test func codeSpansAndFences() {
        let document = read("""
        Run `make  test` now and ``a ` b``.

        ```swift
        let x = "not prose"
        ```

        ~~~
        tilde
        ~~~

            indented code

        After.
        """)
        let paragraph = document.blocks[0]
        #expect(paragraph.string == "Run make  test now and a ` b.")
        #expect(paragraph.contexts(at: 4).contains(.code))
        #expect(ReaderMapping.blocks(document, .code) == ["let x = \"not prose\"", "tilde", "indented code"])
        #expect(ReaderMapping.blocks(document, .paragraph).last == "After.")
        ReaderMapping.checkWords(document)
    }

    @Test func nestedQuotes() {
        let document = read("> Quoted *line* one\n> line two\n>\n> > Inner quote\n> > continues\nlazy line\n\nOutside.\n")
        let quotes = document.blocks.filter { $0.kind == .quote }
        #expect(quotes.map(\.string) == ["Quoted line one\nline two", "Inner quote\ncontinues\nlazy line"])
        #expect(quotes.allSatisfy { $0.enclosing.contains(.quotation) })
        #expect(quotes[0].map.runs.filter(\.isVerbatim).count >= 3)
        #expect(ReaderMapping.cut(document, quotes[0], "one\nline") == "one\n> line")
        #expect(ReaderMapping.blocks(document, .paragraph) == ["Outside."])
        ReaderMapping.checkWords(document)
    }

    @Test func lists() {
        let document = read("- First *item*\n- Second\n  continued\n\n1. One\n2) Two\n   - nested\n\n* > quoted in list\n")
        #expect(ReaderMapping.blocks(document, .listItem) == ["First item", "Second\ncontinued", "One", "Two", "nested"])
        #expect(ReaderMapping.blocks(document, .quote) == ["quoted in list"])
        ReaderMapping.checkWords(document)
    }

    @Test func thematicBreaksAndTables() {
        let document = read("Intro\n\n---\n\n| Name | Class |\n|:-----|------:|\n| Zoë | 3*B* |\n| O\\|Brien | `x` |\n\nEnd\n")
        #expect(ReaderMapping.blocks(document, .tableCell) == ["Name", "Class", "Zoë", "3B", "O|Brien", "x"])
        #expect(ReaderMapping.blocks(document, .paragraph) == ["Intro", "End"])
        ReaderMapping.checkWords(document)
    }

    @Test func tableCellsCarryTheirColumnHeaders() {
        let document = read("| Class | | Star of the Week |\n|---|---|---|\n| Oak | x | **Rose** |\n| Ash |\n")
        let labels = document.blocks.filter { $0.kind == .tableCell }.map { "\($0.string)=\($0.label ?? "-")" }
        #expect(labels == ["Class=-", "Star of the Week=-", "Oak=Class", "x=-", "Rose=Star of the Week", "Ash=Class"])
    }

    @Test func commentsAreSuppressionsNotText() {
        let document = read("""
        <!-- postlint-disable names -->

        Hello <!-- postlint-disable-line --> Zoë.

        <!--
        multi
        -->
        <div class="note">Some <b>bold</b> words</div>
        """)
        #expect(document.comments.map(\.text) == ["postlint-disable names", "postlint-disable-line", "multi"])
        #expect(document.source.text(document.comments[1].range) == "<!-- postlint-disable-line -->")
        #expect(ReaderMapping.blocks(document, .paragraph) == ["Hello  Zoë.", "Some bold words"])
        ReaderMapping.checkWords(document)
    }

    @Test func htmlLinksInMarkdown() {
        let document = read("Visit <a href=\"https://school.example/?a=1&amp;b=2\" title=\"Home\">our *site*</a>.\n")
        #expect(document.blocks[0].string == "Visit our site.")
        #expect(document.links.first?.target == "https://school.example/?a=1&b=2")
        #expect(document.links.first?.text == "our site")
        #expect(ReaderMapping.blocks(document, .linkTarget) == ["https://school.example/?a=1&b=2"])
        ReaderMapping.checkWords(document)
    }

    @Test func escapesAndEntities() {
        let document = read("Not \\*emphasis\\*, caf&eacute; &amp; O&#8217;Brien &#x1F469; &bogus; \\q\n")
        let block = document.blocks[0]
        #expect(block.string == "Not *emphasis*, café & O’Brien 👩 &bogus; \\q")
        #expect(ReaderMapping.cut(document, block, "café") == "caf&eacute;")
        #expect(ReaderMapping.cut(document, block, "O’Brien") == "O&#8217;Brien")
        #expect(ReaderMapping.cut(document, block, "*") == "\\*")
        ReaderMapping.checkWords(document)
    }

    @Test func crlfFile() {
        let document = read("---\r\ntitle: Zoë’s day\r\n---\r\n# Head\r\n\r\n> quote one\r\n> quote two\r\n\r\nPara *one*\r\ntwo\r\n")
        #expect(ReaderMapping.blocks(document, .title) == ["Zoë’s day"])
        #expect(ReaderMapping.blocks(document, .heading) == ["Head"])
        #expect(ReaderMapping.blocks(document, .quote) == ["quote one\r\nquote two"])
        #expect(ReaderMapping.blocks(document, .paragraph) == ["Para one\r\ntwo"])
        #expect(document.source.text(document.bodyStart..<document.bodyStart + 6) == "# Head")
        ReaderMapping.checkWords(document)
    }

    @Test func emojiAndDiacritics() {
        let document = read("Ms Zoë O’Brien 👩‍🏫 met **Łukasz** and _José_.\n")
        #expect(document.blocks[0].string == "Ms Zoë O’Brien 👩‍🏫 met Łukasz and José.")
        #expect(ReaderMapping.cut(document, document.blocks[0], "👩‍🏫") == "👩‍🏫")
        ReaderMapping.checkWords(document)
    }

    // MARK: Front matter

    @Test func frontMatterPlainQuotedListsAndBlockScalars() {
        let document = read("""
        ---
        title: Sports day at Zoë's school
        author: "Mr O\\u2019Brien \\"Coach\\""
        motto: 'It''s fun'
        tags:
          - sport
          - "year 5"
        summary: |
          First line of summary.
          Second line.
        folded: >
          Folded text
          continues here.
        nested:
          key: inner value
        empty:
        ---

        Body text.
        """)
        let fields = Dictionary(document.frontMatter.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["title"]?.value == "Sports day at Zoë's school")
        #expect(fields["author"]?.value == "Mr O’Brien \"Coach\"")
        #expect(fields["motto"]?.value == "It's fun")
        #expect(document.frontMatter.filter { $0.key == "tags" }.map(\.value) == ["sport", "year 5"])
        #expect(fields["nested.key"]?.value == "inner value")
        for field in document.frontMatter where field.key != "empty" {
            let cut = document.source.text(field.valueRange)
            #expect(!cut.isEmpty)
        }
        #expect(document.source.text(fields["title"]!.valueRange) == "Sports day at Zoë's school")
        #expect(document.source.text(fields["author"]!.valueRange) == "Mr O\\u2019Brien \\\"Coach\\\"")
        #expect(document.source.text(fields["motto"]!.valueRange) == "It''s fun")
        #expect(ReaderMapping.blocks(document, .title) == ["Sports day at Zoë's school"])
        let summary = document.blocks.first { $0.label == "summary" }!
        #expect(summary.string == "First line of summary.\nSecond line.")
        #expect(ReaderMapping.cut(document, summary, "summary.\nSecond") == "summary.\n  Second")
        let author = document.blocks.first { $0.label == "author" }!
        #expect(ReaderMapping.cut(document, author, "O’Brien") == "O\\u2019Brien")
        #expect(document.blocks.first { $0.label == "folded" }?.string == "Folded text continues here.")
        #expect(ReaderMapping.blocks(document, .paragraph) == ["Body text."])
        #expect(document.source.text(document.bodyStart..<document.bodyStart + 4) == "Body")
        #expect(document.problems.isEmpty)
        for block in document.blocks { ReaderMapping.checkRuns(block, document.source) }
    }

    @Test func brokenFrontMatter() {
        let text = "---\ntitle: ok\nbad: [unclosed\nmore: x\n---\n\nStill *read* as Markdown.\n"
        let document = read(text)
        #expect(document.problems.count == 1)
        let problem = document.problems[0]
        #expect(problem.severity == .error)
        #expect(problem.message.contains("post.md"))
        let offset = try! #require(problem.byteOffset)
        #expect(offset > 4 && offset < 40)
        #expect(document.blocks.map(\.string) == ["Still read as Markdown."])
        ReaderMapping.checkWords(document)
    }

    @Test func unclosedFrontMatterIsMarkdown() {
        let document = read("---\nJust text\n")
        #expect(document.frontMatter.isEmpty)
        #expect(document.blocks.map(\.string) == ["Just text"])
    }
}

@Suite struct UnclosedFrontMatterTests {
    @Test func frontMatterThatNeverClosesIsReportedAndTheFileStillRead() {
        let document = MarkdownReader.read(SourceText(path: "post.md", text: "---\nauthor: Mr Reed\n\n# News\n\nI think so.\n"))
        #expect(document.problems.map(\.severity) == [.warning])
        #expect(document.problems.first?.message.contains("never closed") == true)
        #expect(document.blocks.contains { $0.string == "I think so." })
    }

    @Test func aThematicBreakAtTheTopIsNotFrontMatter() {
        let document = MarkdownReader.read(SourceText(path: "post.md", text: "---\n\nJust a rule above.\n"))
        #expect(document.problems.isEmpty)
    }
}
