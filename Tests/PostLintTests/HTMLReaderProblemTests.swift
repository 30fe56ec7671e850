import Testing
@testable import PostLint

/// What the reader reports about broken input, and what it keeps quiet about.
@Suite("HTMLReader problems")
struct HTMLReaderProblemTests {
    private func problems(_ html: String) -> [ReadProblem] {
        HTMLReader.read(SourceText(path: "post.html", text: html)).problems
    }

    @Test func validHTML5IsNotAProblem() {
        let html = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>
        <header><nav><a href=x>x</a></nav></header><main><article><h1>x</h1><p>y</article></main>
        <section><p>a</section><ul><li>a<li><p>b</li></ul><table><tr><td>a<td>b</table>
        <figure><img src=a><figcaption>c</figcaption></figure><p>x<time datetime=2020>t</time> <mark>m</mark>
        <svg aria-label="crest"><title>Crest</title></svg><details><summary>s</summary>d</details>
        <p>Fish &copy 2024 &foo; a < b</p></body></html>
        """
        #expect(problems(html) == [])
    }

    @Test func commonRealWorldMarkupIsNotAProblem() {
        let html = """
        <!DOCTYPE html>
        <html><head><meta charset=utf-8><link rel=stylesheet href=x.css><base href="/"><script src=a.js></script>
        <script>document.write("</div>")</script></head>
        <body onload="a()">
        <p>text<br></p><a href=x><img src=y></a><img src=x /><input type=checkbox checked><hr/>
        <p>x</p ><ul><li><a>x</a></li></ul><dl><dt>a<dd>b</dl><select><option selected>a</select>
        <iframe src=x></iframe><video controls><track src=x></video>a<wbr>b
        <table><colgroup><col span=2></colgroup><tbody><tr><td>x</td></tr></tbody></table>
        <ruby>漢<rt>kan</rt></ruby><label for=x>L</label><input id=x><button type=submit>Go</button>
        <form action=/><fieldset><legend>L</legend></fieldset></form><abbr>a</abbr><small>s</small>
        <math><mi>x</mi></math><blockquote cite=x><p>q</blockquote>
        <picture><source srcset=x><img src=y alt=""></picture><dialog open>d</dialog>
        <ol><li>a<ul><li>b</ul></ol><p>Para<ul><li>x</ul><a href=x><div><p>block link</div></a>
        <h1><a href=x>H</a></h1><p><strong><em>x</em></strong></p><em><p>x</p></em>
        <object data=x><param name=a value=b></object><embed src=x><map name=m><area shape=rect></map>
        <!--[if IE]><p>old</p><![endif]-->
        </body></html>
        """
        let document = HTMLMappingCheck.read(html)
        #expect(document.problems == [])
        #expect(!document.texts.contains { $0.contains("write") })
    }

    @Test func unclosedComment() throws {
        let html = "<p>a</p>\n<!-- unfinished <p>b</p>"
        let problem = try #require(problems(html).first)
        #expect(problem.severity == .error)
        #expect(problem.byteOffset == 9)
        #expect(problem.message.contains("comment"))
        #expect(problem.message.contains("still checked"))
    }

    @Test func unclosedAttributeAndTag() throws {
        let found = problems("<p>x</p><p class=\"a")
        #expect(found.count == 1)
        #expect(found.first?.byteOffset == 17)
        #expect(found.first?.message.contains("attribute value") == true)
        let tag = try #require(problems("<p>x</p><p").first)
        #expect(tag.byteOffset == 8)
        #expect(tag.message.contains("`<p`"))
    }

    @Test func mismatchedEndTags() {
        let stray = problems("<p>x</b></p>")
        #expect(stray.map(\.byteOffset) == [4])
        #expect(stray.first?.message.contains("</b>") == true)
        let unclosed = problems("<div><b>bold</div>")
        #expect(unclosed.map(\.byteOffset) == [5])
        #expect(unclosed.first?.message.contains("`<b>` is not closed before `</div>`") == true)
        #expect(unclosed.allSatisfy { $0.severity == .error })
    }

    @Test func manyProblemsAreSummarised() throws {
        let found = problems("<p>x" + String(repeating: "</i>", count: 500) + "</p>")
        #expect(found.count == 51)
        let summary = try #require(found.last)
        #expect(summary.message.contains("450 more markup problems"))
        #expect(summary.byteOffset == nil)
    }

    @Test func binaryInput() throws {
        var bytes = Array("<p>PNG".utf8)
        bytes += [0, 0, 0x0D, 0x1A, 0xFF, 0x00]
        let (document, _) = HTMLReader.readCountingFallbacks(SourceText(path: "a.html", utf8: bytes.map { $0 == 0xFF ? 0x41 : $0 }))
        let problem = try #require(document.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.message == "not an HTML file: it contains NUL bytes (binary data?)")
        #expect(problem.byteOffset == 6)
        HTMLMappingCheck.expectExactMapping(document)
    }

    @Test func excessiveNestingIsReportedOnce() {
        let html = String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300)
        let found = problems(html)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("nested") == true)
    }
}

