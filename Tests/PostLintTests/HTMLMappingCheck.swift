import Testing
@testable import PostLint

/// Checks the linter's central promise on a read document: every block's text maps back to the source
/// so that cutting a word's range out of the file yields that word as written (entities and all).
enum HTMLMappingCheck {
    /// A test-side decoder, independent of the reader: numeric references with or without `;`, the
    /// few named ones the tests use (only with `;`, as libxml2 2.9 decodes them), NUL read as a space.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "nbsp": "\u{A0}", "copy": "©", "eacute": "é",
            "mdash": "—", "euml": "ë", "Eacute": "É", "rsquo": "’", "hellip": "…",
        ]
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0 { output.append(0x20); index += 1; continue }
            guard byte == UInt8(ascii: "&") else { output.append(byte); index += 1; continue }
            var end = index + 1
            if end < bytes.endIndex, bytes[end] == UInt8(ascii: "#") {
                end += 1
                let hex = end < bytes.endIndex && (bytes[end] | 0x20) == UInt8(ascii: "x")
                if hex { end += 1 }
                let digitsStart = end
                while end < bytes.endIndex, (hex ? Character(Unicode.Scalar(bytes[end])).isHexDigit
                                                  : Character(Unicode.Scalar(bytes[end])).isWholeNumber) { end += 1 }
                let digits = String(decoding: bytes[digitsStart..<end], as: UTF8.self)
                if let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                    output.append(contentsOf: String(Character(scalar)).utf8)
                }
                if end < bytes.endIndex, bytes[end] == UInt8(ascii: ";") { end += 1 }
                index = end
                continue
            }
            while end < bytes.endIndex, Character(Unicode.Scalar(bytes[end])).isLetter, bytes[end] < 0x80 { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            if end < bytes.endIndex, bytes[end] == UInt8(ascii: ";"), let value = named[name] {
                output.append(contentsOf: value.utf8)
                index = end + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Word ranges of a block's text: split on ASCII white space and punctuation, never inside a
    /// multi-byte character.
    static func words(_ text: [UInt8], map: SourceMap? = nil) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        // A word glued from separate source pieces (`<b>Ol</b>iver`) cannot map to one contiguous span:
        // split it where the source jumps.
        var jumps = Set<Int>()
        if let runs = map?.runs {
            for (previous, run) in zip(runs, runs.dropFirst())
            where previous.sourceStart + previous.sourceLength != run.sourceStart {
                jumps.insert(run.textStart)
            }
        }
        for (index, byte) in text.enumerated() {
            if jumps.contains(index), let begin = start {
                result.append(begin..<index)
                start = nil
            }
            let isWordByte = byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            if isWordByte {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(begin..<index)
                start = nil
            }
        }
        if let begin = start { result.append(begin..<text.count) }
        return result
    }

    /// Every word, and every block as a whole, maps to source bytes that decode to exactly its text.
    static func expectExactMapping(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let source = document.source.utf8
        for block in document.blocks {
            for word in words(block.text, map: block.map) {
                let range = block.sourceRange(word)
                let cut = source[range]
                let expected = Array(block.text[word])
                let ok = !cut.contains(UInt8(ascii: "&")) && !cut.contains(0)
                    ? Array(cut) == expected
                    : decode(cut) == expected
                #expect(ok, "word \(String(reflecting: String(decoding: expected, as: UTF8.self))) of \(block.kind) block maps to \(String(reflecting: String(decoding: cut, as: UTF8.self))) at \(range)", sourceLocation: sourceLocation)
                if !ok { return }
            }
            for run in block.map.runs where run.isVerbatim {
                let text = block.text[run.textStart..<(run.textStart + run.textLength)]
                let cut = source[run.sourceStart..<(run.sourceStart + run.sourceLength)]
                #expect(text.elementsEqual(cut), "verbatim run differs from source at \(run.sourceStart)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// Structural records point at what they describe: attribute values and link targets decode to
    /// their values, comments and elements start where their tags do.
    static func expectExactRecords(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let source = document.source.utf8
        func check(_ value: String, _ range: Range<Int>, _ what: String) {
            guard !value.isEmpty else { return }
            let cut = source[range]
            #expect(decode(cut) == Array(value.utf8),
                    "\(what) \(String(reflecting: value)) has range \(String(reflecting: String(decoding: cut, as: UTF8.self)))",
                    sourceLocation: sourceLocation)
        }
        for image in document.images {
            for attribute in image.attributes { check(attribute.value, attribute.valueRange, "image attribute") }
            #expect(source[image.range].first == UInt8(ascii: "<"), sourceLocation: sourceLocation)
        }
        for link in document.links {
            check(link.target, link.targetRange, "link target")
            #expect(source[link.range].first == UInt8(ascii: "<"), sourceLocation: sourceLocation)
        }
        for meta in document.metas { check(meta.content, meta.contentRange, "meta content") }
        for element in document.elements {
            for attribute in element.attributes { check(attribute.value, attribute.valueRange, "attribute") }
            #expect(source[element.range].first == UInt8(ascii: "<"), sourceLocation: sourceLocation)
        }
        for comment in document.comments {
            let text = document.source.text(comment.range)
            #expect(text.hasPrefix("<!--") && text.hasSuffix("-->"), "comment range \(String(reflecting: text))",
                    sourceLocation: sourceLocation)
        }
    }

    static func read(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Document {
        read(bytes: Array(html.utf8), sourceLocation: sourceLocation)
    }

    static func read(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Document {
        let (document, fallbacks) = HTMLReader.readCountingFallbacks(SourceText(path: "post.html", utf8: bytes))
        #expect(fallbacks == 0, "text spans fell back to a whole-span mapping in \(String(reflecting: String(decoding: bytes, as: UTF8.self)))",
                sourceLocation: sourceLocation)
        expectExactMapping(document, sourceLocation: sourceLocation)
        expectExactRecords(document, sourceLocation: sourceLocation)
        return document
    }
}

extension Document {
    /// Block texts, for compact expectations.
    var texts: [String] { blocks.map(\.string) }

    func blocks(_ kind: ProseKind) -> [TextBlock] { blocks.filter { $0.kind == kind } }

    /// The source text of a block's text range.
    func sourceText(of block: TextBlock, _ range: Range<Int>? = nil) -> String {
        source.text(block.sourceRange(range ?? 0..<block.text.count))
    }
}

extension Document {
    /// The source text of the first occurrence of `needle` in a block's text.
    func sourceText(of block: TextBlock, matching needle: String) -> String? {
        block.range(of: needle).map { sourceText(of: block, $0) }
    }
}

extension TextBlock {
    /// The contexts at the start of the first occurrence of `needle`.
    func contexts(matching needle: String) -> InlineContext {
        range(of: needle).map { contexts(at: $0.lowerBound) } ?? []
    }

    /// The text range of the first occurrence of `needle`.
    func range(of needle: String) -> Range<Int>? {
        let bytes = Array(needle.utf8)
        guard bytes.count <= text.count else { return nil }
        for start in 0...(text.count - bytes.count) where text[start..<(start + bytes.count)].elementsEqual(bytes) {
            return start..<(start + bytes.count)
        }
        return nil
    }
}
