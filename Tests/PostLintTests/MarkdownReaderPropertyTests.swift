import PropertyBased
import Testing
@testable import PostLint

/// Random Markdown from a small grammar (prefixes, inline constructs, code, tables, front matter,
/// CR LF or LF line ends): every word of every block must cut exactly out of the file.
@Suite struct MarkdownReaderPropertyTests {
    static let tokens = [
        "Zoë", "O’Brien", "👩‍🏫", "café", "school", "*Oliver*", "**Smith**", "_day_", "`let x`",
        "[the letter](https://school.example/letter.pdf \"Letter home\")", "![Zoë on stage](photos/2024/stage-zoe.jpg)",
        "\\*not\\*", "caf&eacute;", "&amp;", "<https://school.example/a>", "<office@school.example>",
        "<!-- postlint-disable -->", "<b>bold</b>", "Zo*ë*", "[menu link][menu]", "O&#8217;Brien", "snake_case",
        "2*3*4", "~~strike~~", "***both***", "[*Zoë*](<a b.html>)", "a|b",
    ]
    static let prefixes = ["> ", "> > ", "- ", "1. ", "# ", "  ", "* ", ">- "]
    static let blocks = [
        "```\ncode *not* prose\n```", "| Name | Class |\n|---|---|\n| Zoë | 3B |", "[menu]: https://school.example/menu",
        "    indented code", "Setext\n---", "<div>\nHTML *block* Zoë\n</div>", "***",
    ]

    static func markdown(from choices: [Int]) -> String {
        let lineEnd = choices.first.map { $0 % 2 == 0 } == true ? "\r\n" : "\n"
        var lines: [String] = []
        var line = ""
        if let first = choices.first, first % 3 == 0 {
            lines += ["---", "title: Zoë’s day", "quote: \"say \\\"hi\\\" now\"", "tags:", "  - sports day", "---"]
        }
        for choice in choices.dropFirst() {
            switch choice % 12 {
            case 0:
                lines.append(line)
                line = ""
            case 1:
                lines += [line, ""]
                line = ""
            case 2 where line.isEmpty:
                line = prefixes[(choice / 12) % prefixes.count]
            case 3 where line.isEmpty:
                lines += blocks[(choice / 12) % blocks.count].split(separator: "\n", omittingEmptySubsequences: false)
                    .map(String.init)
            default:
                let token = tokens[(choice / 12) % tokens.count]
                line += line.isEmpty || line.hasSuffix(" ") ? token : " " + token
            }
        }
        lines.append(line)
        return lines.joined(separator: lineEnd) + lineEnd
    }

    @Test func everyWordMapsBackToTheSource() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...10_000).array(of: 1...60)) { choices in
            let text = Self.markdown(from: choices)
            let document = MarkdownReader.read(SourceText(path: "random.md", text: text))
            for block in document.blocks {
                let whole = block.sourceRange(0..<block.text.count)
                #expect(whole.lowerBound >= 0 && whole.upperBound <= document.source.utf8.count)
            }
            ReaderMapping.checkWords(document)
            for link in document.links {
                #expect(link.range.upperBound <= document.source.utf8.count)
                #expect(!document.source.text(link.targetRange).isEmpty || link.target.isEmpty)
            }
            for image in document.images {
                #expect(document.source.text(image.range).hasPrefix("![") || document.source.text(image.range).hasPrefix("<img"))
            }
            #expect(document.problems.isEmpty, "\(text)")
        }
    }

    @Test func grammarCoversTheConstructs() {
        let text = Self.markdown(from: [0] + (0..<Self.tokens.count).map { $0 * 12 + 4 } + [1]
            + (0..<Self.prefixes.count).flatMap { [$0 * 12 + 2, 4, 0] } + (0..<Self.blocks.count).flatMap { [1, $0 * 12 + 3, 1] })
        let document = MarkdownReader.read(SourceText(path: "all.md", text: text))
        #expect(document.links.count >= 4)
        #expect(document.images.count == 1)
        #expect(!document.comments.isEmpty)
        #expect(document.blocks.contains { $0.kind == .code })
        #expect(document.blocks.contains { $0.kind == .tableCell })
        #expect(document.blocks.contains { $0.kind == .title })
        ReaderMapping.checkWords(document)
    }

    static let alphabet: [String] = [
        "*", "_", "`", "[", "]", "(", ")", "!", "<", ">", "&", "#", ";", "\\", " ", "\n", "\r\n", "-", "|", ":",
        "~", "=", "\"", "'", "a", "Zoë", "’", "👩‍🏫", "1.", "   ", "\t", "<!--", "-->", "<a href=", "<img ", "&amp;",
        "---\n", "http://", "@", "/", "\u{0}",
    ]

    /// Arbitrary sequences of Markdown-significant pieces: neither reader may trap, and whatever
    /// they produce must still map exactly.
    @Test func arbitraryInputNeverTraps() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...150)) { choices in
            let text = choices.map { Self.alphabet[$0] }.joined()
            let document = MarkdownReader.read(SourceText(path: "fuzz.md", text: text))
            for block in document.blocks { ReaderMapping.checkRuns(block, document.source) }
            #expect(document.bodyStart <= document.source.utf8.count)
            // Plain text is read verbatim: every block is the source's bytes, so every run maps exactly.
            let plain = PlainTextReader.read(SourceText(path: "fuzz.txt", text: text))
            for block in plain.blocks {
                ReaderMapping.checkRuns(block, plain.source)
                let verbatim = block.map.runs.allSatisfy { $0.isVerbatim }
                #expect(verbatim, "plain text is never rewritten: \(block.string)")
            }
        }
    }
}
