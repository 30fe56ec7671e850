import PropertyBased
import Testing
@testable import PostLint

/// Random documents from a small grammar of HTML pieces (paragraphs, inline tags, entities, emoji,
/// CR LF, attributes, comments), glued in any order so tags are often unbalanced: whatever libxml2
/// makes of them, every word must map back exactly and no span may fall back to a coarse mapping.
@Suite("HTMLReader properties")
struct HTMLReaderPropertyTests {
    static let pieces: [String] = [
        "Oliver", "Smith", "Year", "6", " ", "  ", "\r\n", "\n", "\t", "Zoë", "👩‍🏫", "中文", "café",
        "&amp;", "&#8217;", "&#x2019;", "&nbsp;", "&copy", "&copy;", "&lt;", "&gt;", "&quot;", "&foo;", "&",
        "&#0;", "&eacute;", "&#8217s", " < ", "<3", "> ", ";",
        "<p>", "</p>", "<b>", "</b>", "<em>", "</em>", "<i>", "</i>", "<a href=\"/x?a=1&amp;b=2\">", "</a>",
        "<br>", "<br/>", "<div class='author'>", "</div>", "<li>", "</li>", "<blockquote>", "</blockquote>",
        "<q>", "</q>", "<cite>", "</cite>", "<h2>", "</h2>", "<code>", "</code>", "<td>", "<section>",
        "</section>", "<img src='/p/Zo&euml;.jpg?w=1' alt=\"Fish &amp; Chips\">", "<abbr title=Big&amp;Small>",
        "</abbr>", "<span title=\"a\r\nb &#8217;c\" aria-label='Zoë &amp; 👩‍🏫'>", "</span>", "<!-- note -->",
        "<script>if (a<b) x()</script>", "<style>p{}</style>", "</x>", "<svg aria-label=Crest><title>",
        "</title></svg>", "<meta name=description content='Trip &amp; more'>",
        // Hostile corners: things libxml2 drops, skips or reads specially.
        "<pre>\n", "</pre>", "<ul>", "</ul>", "<!DOCTYPE html>", "<?pi ?>", "<!bogus>", "\u{0}", "\u{1A}",
        "<meta charset=iso-8859-1>", "</p >", "<P CLASS=x>", "<br />", "&#x1F600;", "&#128512;", "&#xD800;",
        "&#1114112;", "<textarea>", "</textarea>", "<title>", "<noscript>", "</noscript>", "<table>", "<tr>",
        "<a href=mailto:a@b.example title='Zoë'>", "<img alt=Fish&amp;Chips src=a/b/c.png>", "</br>",
        "<body class=x>", "<html lang=en>", "<head>", "</head>", "</body>", "</html>", "<p title='unclosed",
        "<!-- open", "-->", "<![CDATA[x]]>", "<a href=\"x\" href=y>", "<p =x>", "<p \"q\">", "<b/>", "&#x;",
        "<img src=x alt=a>b>", "<a href='x'title=y>", "<p class=a/b>", "<p a=\"x\"b='y'>", "<p\tclass=x\r\nid=y>",
        "&AMP;", "&Eacute;", "&#X41;", "<img alt=&lt;&#8217;&gt; src=&quot;>", "<img\nsrc=\"a b.png\"\nalt>",
    ]

    static let documents = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...60).map { indexes in
        indexes.map { HTMLReaderPropertyTests.pieces[$0] }.joined()
    }

    @Test func everyWordMapsBackExactly() async {
        await propertyCheck(count: 200, input: Self.documents) { html in
            let document = HTMLMappingCheck.read(html)
            for block in document.blocks {
                #expect(block.map.textLength == block.text.count)
            }
        }
    }

    @Test func everyWordMapsBackInAFullDocument() async {
        await propertyCheck(count: 100, input: Self.documents) { body in
            let document = HTMLMappingCheck.read("<!DOCTYPE html>\r\n<html><head><title>T &amp; t</title></head>\r\n<body>\r\n\(body)\r\n</body></html>\r\n")
            #expect(document.blocks(.title).first?.string == "T & t", "whatever the body, the head is read first")
        }
    }
}
