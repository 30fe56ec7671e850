import Testing
@testable import PostLint

/// Shared checks for readers: the property the whole linter rests on is that a block range, mapped
/// and cut out of the file, is the flagged text as written.
enum ReaderMapping {
    /// Word ranges of a block's text: runs of ASCII letters and digits and non-ASCII bytes.
    static func words(_ text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (index, byte) in text.enumerated() {
            let isWord = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isWord {
                if start == nil { start = index }
            } else if let open = start {
                result.append(open..<index)
                start = nil
            }
        }
        if let open = start { result.append(open..<text.count) }
        return result
    }

    /// The source form of a cut with Markdown inline syntax read: emphasis and code markers dropped,
    /// backslash escapes and character references decoded.
    static func readable(_ cut: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < cut.count {
            let byte = cut[index]
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < cut.count {
                output.append(cut[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "&"), let entity = MarkdownEntity.decode(cut, at: index, end: cut.count) {
                output.append(contentsOf: entity.utf8)
                index = entity.end
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Every verbatim run equals the source bytes it claims to copy.
    static func checkRuns(_ block: TextBlock, _ source: SourceText, sourceLocation: SourceLocation = #_sourceLocation) {
        for run in block.map.runs where run.isVerbatim {
            let text = Array(block.text[run.textStart..<run.textStart + run.textLength])
            let bytes = Array(source.utf8[run.sourceStart..<run.sourceStart + run.sourceLength])
            #expect(text == bytes, "verbatim run of \(block.kind) differs from source", sourceLocation: sourceLocation)
        }
        #expect(block.map.textLength == block.text.count, sourceLocation: sourceLocation)
    }

    /// For every block and every word, the cut source (read as Markdown inline syntax) is the word.
    static func checkWords(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        for block in document.blocks {
            checkRuns(block, document.source, sourceLocation: sourceLocation)
            for word in words(block.text) {
                let cut = Array(document.source.utf8[block.sourceRange(word)])
                let expected = Array(block.text[word])
                if cut == expected { continue }
                #expect(readable(cut) == expected,
                        "\(block.kind) word \"\(String(decoding: expected, as: UTF8.self))\" cuts \"\(String(decoding: cut, as: UTF8.self))\"",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func blocks(_ document: Document, _ kind: ProseKind) -> [String] {
        document.blocks.filter { $0.kind == kind }.map(\.string)
    }

    /// The text a range of a block's text cuts from the file.
    static func cut(_ document: Document, _ block: TextBlock, _ needle: String) -> String? {
        let text = block.text
        let wanted = Array(needle.utf8)
        guard wanted.count <= text.count else { return nil }
        for start in 0...(text.count - wanted.count) where Array(text[start..<start + wanted.count]) == wanted {
            return document.source.text(block.sourceRange(start..<start + wanted.count))
        }
        return nil
    }
}
