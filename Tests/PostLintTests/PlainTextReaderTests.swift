import Testing
@testable import PostLint

@Suite struct PlainTextReaderTests {
    @Test func paragraphsAreSplitOnBlankLines() {
        let text = "  \n\nDear parents,\nZoë and O’Brien 👩‍🏫 won.\n\n \nSecond paragraph.\n"
        let document = PlainTextReader.read(SourceText(path: "a.txt", text: text))
        #expect(document.blocks.map(\.string) == ["Dear parents,\nZoë and O’Brien 👩‍🏫 won.", "Second paragraph."])
        #expect(document.blocks.allSatisfy { $0.kind == .paragraph && $0.map.runs.count == 1 })
        #expect(document.bodyStart == 4)
        ReaderMapping.checkWords(document)
    }

    @Test func crlfStaysVerbatim() {
        let text = "One line\r\nnext line\r\n\r\nThird\r\n"
        let document = PlainTextReader.read(SourceText(path: "a.txt", text: text))
        #expect(document.blocks.map(\.string) == ["One line\r\nnext line", "Third"])
        let block = document.blocks[0]
        #expect(document.source.text(block.sourceRange(0..<block.text.count)) == "One line\r\nnext line")
        ReaderMapping.checkWords(document)
    }

    @Test func commentLinesAreSuppressionsNotProse() {
        let text = "Intro text.\n  <!-- postlint-disable no-names -->\nMore text.\n\n<!-- a --> trailing\n"
        let document = PlainTextReader.read(SourceText(path: "a.txt", text: text))
        #expect(document.comments.map(\.text) == ["postlint-disable no-names"])
        #expect(document.source.text(document.comments[0].range) == "<!-- postlint-disable no-names -->")
        #expect(document.blocks.map(\.string) == ["Intro text.", "More text.", "<!-- a --> trailing"])
        ReaderMapping.checkWords(document)
    }

    @Test func emptyFileHasNoBlocks() {
        let document = PlainTextReader.read(SourceText(path: "a.txt", text: ""))
        #expect(document.blocks.isEmpty)
        #expect(document.bodyStart == 0)
    }
}
