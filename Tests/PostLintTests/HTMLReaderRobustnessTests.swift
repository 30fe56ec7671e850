import Testing
@testable import PostLint

/// Hostile and huge input must neither crash nor hang, and mapping must stay exact at scale.
@Suite("HTMLReader robustness")
struct HTMLReaderRobustnessTests {
    @Test func hundredThousandNestedElements() {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div class=x><b>", count: depth) + "x"
            + String(repeating: "</b></div>", count: depth)
        let document = HTMLReader.read(SourceText(path: "deep.html", text: html))
        #expect(document.texts == ["x"])
        #expect(document.problems.count == 1)
    }

    /// libxml2 compares each attribute's name with every earlier one in its tag: in a draft it must
    /// repair (the lone `<` here), attributes past the limit are not read, and that is reported.
    @Test func aRepairedTagWithThousandsOfAttributes() {
        let attributes = (0..<3_000).map { "a\($0)=\"1\" " }.joined()
        let html = "<p title=\"Oliver Whitfield\" " + attributes + ">1 < 2</p>"
        let document = HTMLReader.read(SourceText(path: "hostile.html", text: html))
        #expect(document.texts.contains("Oliver Whitfield"))
        #expect(document.texts.contains("1 < 2"))
        let problem = document.problems.first
        #expect(problem?.severity == .error)
        #expect(problem?.message.contains("more than \(HTMLReader.attributeLimit) attributes") == true)
        // It points at the first attribute past the limit: title and a0…a254 are the first 256.
        let firstCut = html.range(of: " a255=")!.lowerBound.utf16Offset(in: html) + 1
        #expect(problem?.byteOffset == firstCut)
        // Well-formed, the same tag is read whole by the direct scanner: nothing is reported.
        let wellFormed = HTMLReader.read(SourceText(path: "post.html", text: "<p " + attributes + ">Oliver</p>"))
        #expect(wellFormed.problems.isEmpty)
    }

    @Test func unclosedNestingAtEndOfInput() {
        let html = "<p>" + String(repeating: "<span><i>", count: 100_000) + "end"
        let document = HTMLReader.read(SourceText(path: "deep.html", text: html))
        #expect(document.texts == ["end"])
    }

    @Test func fiveMegabyteSingleLineWithManyReferences() {
        let unit = "Fish &amp; Chips &#8217;s caf&eacute; 👩‍🏫 "
        let html = "<p>" + String(repeating: unit, count: 5_000_000 / unit.utf8.count) + "</p>"
        let (document, fallbacks) = HTMLReader.readCountingFallbacks(SourceText(path: "big.html", text: html))
        #expect(fallbacks == 0)
        #expect(document.blocks.count == 1)
        let block = document.blocks[0]
        let last = block.text.count
        #expect(document.source.text(block.sourceRange((last - 15)..<last)) == "&eacute; 👩‍🏫 ")
    }

    /// Input that ends inside a construct: what is read as text (mapped exactly, by HTMLMappingCheck)
    /// and which endings are reported as a problem. libxml2 reads a lone `<`, `&`, a processing
    /// instruction's name and an unclosed CDATA section at the top level as text: checked, not hidden.
    @Test(arguments: [
        ("<!--", [], true), ("<p>a<!-- x", ["a"], true), ("<", ["<"], false), ("</", [], false), ("<p", [], true),
        ("<p a='", [], true), ("&", ["&"], false), ("&#", [], false), ("&#x", [], false), ("&amp", ["&amp"], false),
        ("<!DOCTYPE", [], false), ("<?xml", ["xml"], false), ("<![CDATA[x", ["<", "![CDATA[x"], false),
    ] as [(String, [String], Bool)])
    func unclosedCommentAndTagsAtEnd(html: String, texts: [String], reported: Bool) {
        let document = HTMLMappingCheck.read(html)
        #expect(document.texts == texts)
        #expect(document.problems.isEmpty != reported, "\(document.problems.map(\.message))")
    }

    /// Found by the property test: libxml2 skips leading white space and stray end tags without a
    /// callback, and a NUL keeps the text from being a verbatim suffix of its span.
    @Test func skippedMarkupBeforeTextWithNUL() {
        for html in [" Oliver\u{0}", "</p></p></p></p></br>Oliver\u{0}", "\u{1A}\n<?x?>Zoë\u{0}",
                     // The head is closed by the text, after a skipped `</head>`: an implied end, not that tag.
                     "<head><html lang=en></head>Oliver",
                     // An invalid reference ends libxml2's attribute value (it writes a NUL).
                     "<p title='Oliver&#0;<p title='x'>Oliver"] {
            let document = HTMLMappingCheck.read(html)
            #expect(document.blocks.first?.string.hasPrefix(html.contains("Zoë") ? "Zoë" : "Oliver") == true)
        }
    }

    @Test func emptyAndWhitespaceInput() {
        #expect(HTMLReader.read(SourceText(path: "e.html", text: "")).blocks.isEmpty)
        #expect(HTMLReader.read(SourceText(path: "e.html", text: " \r\n ")).blocks.isEmpty)
    }

    @Test func concurrentReads() async {
        let html = "<p>Fish &amp; Chips <b>Zoë</b></p><img alt='a &amp; b' src=x.png><!-- c --><p>x</b>"
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    let document = HTMLReader.read(SourceText(path: "c.html", text: html))
                    return document.texts == ["Fish & Chips Zoë", "a & b", "x.png", "x"] && document.problems.count == 1
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    /// When libxml2's text cannot be lined up with its span, the whole span becomes one replaced run:
    /// coarse, but never pointing at the wrong bytes.
    @Test func alignmentFallsBackToTheWholeSpan() {
        let source: [UInt8] = Array("<p>abc</p>".utf8)
        var aligner = HTMLTextAligner()
        var aligned = HTMLAlignedText()
        source.withUnsafeBufferPointer { aligner.align(Array("xyz".utf8), in: $0, span: 3..<6, into: &aligned) }
        #expect(aligner.fallbackCount == 1)
        #expect(aligned.pieces == [.init(text: 0..<3, source: 3..<6, isVerbatim: false)])
        // Skipped markup before the text (a stray `</x>`) is not a failure: the text is a suffix.
        let skipped: [UInt8] = Array("</x>Fish &amp; Chips".utf8)
        var second = HTMLTextAligner()
        var suffix = HTMLAlignedText()
        skipped.withUnsafeBufferPointer { second.align(Array("Fish & Chips".utf8), in: $0, span: 0..<skipped.count, into: &suffix) }
        #expect(second.fallbackCount == 0)
        #expect(suffix.sourceSpan == 4..<skipped.count)
    }
}
