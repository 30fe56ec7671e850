import CLibXML2
import Foundation
import Testing
@_spi(Fuzzing) @testable import PostLint

/// `HTMLDirectScanner` reads well-formed markup without libxml2: every document it accepts must come out
/// exactly as libxml2's reading of it, and it must decline what it does not copy.
@Suite struct HTMLDirectScannerTests {
    /// Nil when the scanner declines `html`; else whether its document and libxml2's are the same
    /// (every field, compared by `dump`).
    private func agree(_ html: String) -> Bool? {
        htmlReadingsAgree(Array(html.utf8))
    }

    static let accepted = [
        "<p>Year 3 visited the museum.</p>",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>News</title>\n"
            + "<style>p > a { color: red }</style>\n</head>\n<body class=\"post\">\n<h1>Sports day</h1>\n"
            + "<p>Well done <b>everyone</b>!</p>\n<script>if (a < b) { x() }</script>\n</body>\n</html>\n",
        "<!-- generated -->\n<!DOCTYPE html>\n<!-- a comment -->\n<title>First</title><p>Then the body</p>",
        "<!doctype html>\n<html><head><title>Lower case</title></head><body><p>x</p></body></html>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html><body><p>x</p></body></html>",
        "<p>Fish &amp; chips &nbsp;&copy; 2024 &#8217;quoted&#x2019; &copy 2024 &foo; AT&T</p>",
        "<a href=\"/news?a=1&b=2&amp;c=3\" title='It&#39;s here'>link</a> <img src=a.jpg alt=Logo>",
        "<div id=\"x\" ID=\"y\" class=main data-x=\"1\"><br/><div/>after</div>",
        "<p>Open paragraph<div>closes it</div><p>and <b>bold<p>closes bold</p>",
        "<table><tr><th>Name</th><th>Award</th></tr><tr><td><span>Ava</span></td><td>Star</td></tr></table>",
        "<ul>\n  <li>One</li>\n  <li>Two</li>\n</ul>\r\n<P CLASS=\"x\">Upper case</P>\r\n",
        "<html><body><p>Text</p></body></html>\n\n<!-- after -->\n",
        "<html><head></head><body><p>A</p></body></html><script>late()</script>",
        "<svg viewBox=\"0 0 10 10\"><title>Logo</title><path d=\"M0 0\"/></svg><p>Caf\u{E9} cr\u{E8}me</p>",
        "<p>Signed,<br>Mrs Ada Lovelace<br>\nHead of Computing</p><footer class=\"site-footer\">Contact</footer>",
        "<main><article><header><p class=\"byline\">By J. Smith</p></header><p>x</p></article></main>",
        "<p>Line one\r\nline two &amp; three\r\n</p>\r\n<p title=\"a\r\nb\">x</p>",
        "<p>Open <b>bold<p>closes bold</p><ul><li>one<li>two</li></ul>",
        "", "   \n ", "<!-- only a comment -->",
    ]

    @Test(arguments: accepted)
    func readsWellFormedMarkupAsLibxml2Does(_ html: String) {
        #expect(agree(html) == true, "declined or read differently: \(html)")
    }

    static let declined = [
        "Plain text with no markup",  // libxml2 implies a paragraph
        "<p>1 < 2</p>",  // a lone `<`
        "<?php echo 1 ?><p>x</p>",
        "<p>an unclosed <!-- comment",
        "<div><p>mismatched</div>",
        "<ul><li>one<li>two</ul>",  // an open li closed by another
        "<p>&#0; nothing</p>", "<p>&#65 no semicolon</p>",
        "<p>bell \u{7} control</p>",
        "\u{FEFF}<p>byte order mark</p>",
        "<p>abrupt <!--> comment</p>",
        "<a href=\"unclosed>text</a>",
        "<p>cut off <b",
        "<body><p>x</p><body><p>y</p></body>",
        "<p>ok</p></p>",
        "<p>&\u{E9}t\u{E9};</p>",
    ]

    @Test(arguments: declined)
    func leavesOtherMarkupToLibxml2(_ html: String) {
        #expect(agree(html) == nil)
    }

    /// The closing table against libxml2's own (`htmlAutoCloseTag` asks the same question of a lone
    /// element named like the new tag), for every HTML 4 element (libxml2's table names no others) and
    /// the common HTML 5 ones.
    @Test func closesWhatLibxml2Closes() {
        let names = HTMLAutoClose.names.union([
            "html", "body", "head", "title", "meta", "link", "script", "style", "div", "span", "section", "article", "nav",
            "aside", "header", "footer", "main", "figure", "figcaption", "img", "picture", "source", "video", "audio", "iframe",
            "form", "input", "button", "label", "select", "option", "optgroup", "textarea", "table", "caption", "thead",
            "tbody", "tfoot", "tr", "th", "td", "col", "colgroup", "ul", "ol", "li", "dl", "dt", "dd", "p", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "small", "big", "sub", "sup",
            "br", "hr", "wbr", "a", "abbr", "acronym", "cite", "q", "mark", "time", "address", "details", "summary",
            "template", "noscript", "svg", "path", "object", "embed", "param", "center", "font", "legend", "fieldset",
            "map", "area", "bdo", "tt", "strike", "kbd", "samp", "var", "dfn", "frameset", "frame", "noframes", "menu",
            "dir", "listing", "xmp", "plaintext", "track", "base", "basefont", "isindex", "applet", "ins", "del",
        ])
        var disagreements: [String] = []
        for new in names {
            for old in names where old != new {
                let libxml2 = new.withCString { newName in
                    old.withCString { oldName -> Bool in
                        var node = xmlNode()
                        node.name = UnsafeRawPointer(newName).assumingMemoryBound(to: xmlChar.self)
                        return htmlAutoCloseTag(nil, UnsafeRawPointer(oldName).assumingMemoryBound(to: xmlChar.self), &node) == 1
                    }
                }
                if libxml2 != (HTMLAutoClose.closed(by: new)?.contains(old) ?? false) { disagreements.append("<\(new)> closing <\(old)>: libxml2 \(libxml2)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.sorted())")
    }

    /// Random markup from the pieces both readers treat specially (implied and closing elements, void
    /// and raw-text elements, references, comments, quotes, line ends): whatever the scanner accepts
    /// must read as libxml2 reads it.
    @Test func randomMarkupReadsAsLibxml2Does() {
        let pieces = [
            "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<span class=x>", "</span>", "<a href=\"/n?a=1&b=2\">",
            "</a>", "<li>", "</li>", "<ul>", "</ul>", "<table>", "<tr>", "<td>", "</td>", "<th>", "</tr>", "</table>", "<br>",
            "<br/>", "<img src=a.jpg alt='Ava &amp; Ben'>", "<hr>", "<h2>", "</h2>", "<html>", "</html>", "<head>", "</head>",
            "<body>", "</body>", "<title>", "</title>", "<meta name=author content=\"Mr Lee\">", "<script>", "</script>",
            "<style>", "</style>", "<!-- c -->", "<!---->", "&amp;", "&nbsp;", "&#8217;", "&#x41;", "&copy", "&zz;", "&",
            " ", "\n", "\r\n", "\t", "Oliver", "Whitfield", "x", "<", ">", "\"", "'", "=", "/", "<!DOCTYPE html>", "<!doctype html>",
            "<section>", "</section>", "<nav>", "</nav>", "<option>", "<dl>", "<dt>", "<dd>", "<font>", "</font>", "<form>",
            "</form>", "<noscript>", "<P>", "</P>", "<DIV CLASS=\"Y\">", "<svg><path d=\"M0\"/></svg>", "<textarea>",
        ]
        var seed: UInt64 = 0x5EED
        func next() -> Int {  // deterministic: the same documents every run
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var accepted = 0
        var different: [String] = []
        for _ in 0..<10_000 {
            let html = (0..<(1 + next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            guard let same = agree(html) else { continue }
            accepted += 1
            if !same, different.count < 5 { different.append(html) }
        }
        #expect(different.isEmpty, "\(different)")
        #expect(accepted >= 200, "accepted \(accepted) of 10,000")
    }

    /// Every HTML post of the development corpus the scanner accepts reads as libxml2 reads it, and it
    /// accepts most of them (else the fast path would be dead weight).
    @Test func readsTheDevelopmentCorpusAsLibxml2Does() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus")
        let files = try #require(FileManager.default.enumerator(atPath: corpus.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
        #expect(files.count > 1_000)
        var accepted = 0
        var different: [String] = []
        // Every third post: the whole corpus takes a minute in a debug build, a third of it covers every school.
        for file in files.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(file)))
            guard let same = agree(String(decoding: bytes, as: UTF8.self)) else { continue }
            accepted += 1
            if !same { different.append(file) }
        }
        #expect(different.isEmpty, "\(different.prefix(10))")
        #expect(accepted * 100 >= (files.count / 3) * 95, "accepted \(accepted) of \(files.count / 3)")
    }
}
