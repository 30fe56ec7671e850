import Testing
@testable import PostLint

@Suite struct SourceDecoderTests {
    static let sample = "Zoë O’Brien 👩‍🏫 said “hi” – café\nsecond line"

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test func plainUTF8() throws {
        let source = try SourceDecoder.decode(Array(Self.sample.utf8), path: "a.md", format: .markdown)
        #expect(source.utf8 == Array(Self.sample.utf8))
        #expect(source.encoding == .utf8)
    }

    @Test func utf8BOMIsStripped() throws {
        let source = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8), path: "a.txt", format: .text)
        #expect(source.utf8 == Array("Hi".utf8))
        #expect(source.encoding == .utf8WithBOM)
    }

    @Test(arguments: [false, true]) func utf16WithBOM(bigEndian: Bool) throws {
        let source = try SourceDecoder.decode(utf16(Self.sample, bigEndian: bigEndian), path: "a.txt", format: .text)
        #expect(source.utf8 == Array(Self.sample.utf8))
        #expect(source.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    }

    @Test func loneSurrogateIsAnErrorWithOffset() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x41, 0x00]
        #expect(throws: SourceDecodingError(path: "bad.txt", message: "unpaired UTF-16 surrogate", byteOffset: 4)) {
            try SourceDecoder.decode(bytes, path: "bad.txt", format: .text)
        }
        do {
            _ = try SourceDecoder.decode(bytes, path: "bad.txt", format: .text)
        } catch {
            #expect(error.description.hasPrefix("bad.txt: "))
        }
    }

    @Test func utf32IsUnsupported() {
        for bom: [UInt8] in [[0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF]] {
            do {
                _ = try SourceDecoder.decode(bom + [0x41, 0, 0, 0], path: "x.md", format: .markdown)
                Issue.record("UTF-32 accepted")
            } catch {
                #expect(error.message.contains("UTF-32 is not supported"))
                #expect(error.description.contains("x.md"))
            }
        }
    }

    @Test func invalidUTF8IsWindows1252() throws {
        let bytes: [UInt8] = [0x93] + Array("Hi".utf8) + [0x94, 0x20, 0x80, 0x96, 0x81, 0x20, 0xE9, 0x9F]
        let source = try SourceDecoder.decode(bytes, path: "a.txt", format: .text)
        #expect(source.encoding == .windows1252)
        #expect(String(decoding: source.utf8, as: UTF8.self) == "“Hi” €–\u{81} éŸ")
    }

    @Test func utf8Validation() {
        #expect(SourceDecoder.firstInvalidUTF8(Array("Zoë 👩‍🏫".utf8)) == nil)
        #expect(SourceDecoder.firstInvalidUTF8([0x41, 0xC0, 0x80]) == 1)        // overlong
        #expect(SourceDecoder.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)        // surrogate
        #expect(SourceDecoder.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(SourceDecoder.firstInvalidUTF8([0x41, 0x42, 0xE2, 0x82]) == 2)  // truncated
    }

    @Test func htmlDeclaredCharsets() throws {
        let meta = Array("<html><head><meta charset=\"windows-1252\"></head><body>caf".utf8) + [0xC3, 0xA9]
        let first = try SourceDecoder.decode(meta, path: "a.html", format: .html)
        #expect(first.encoding == .windows1252)
        #expect(String(decoding: first.utf8, as: UTF8.self).hasSuffix("cafÃ©"))

        let equiv = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">caf".utf8) + [0xE9]
        #expect(String(decoding: try SourceDecoder.decode(equiv, path: "b.html", format: .html).utf8, as: UTF8.self)
            .hasSuffix("café"))

        let xml = Array("<?xml version=\"1.0\" encoding='latin1'?><p>".utf8) + [0x92]
        #expect(String(decoding: try SourceDecoder.decode(xml, path: "c.xhtml", format: .html).utf8, as: UTF8.self)
            .hasSuffix("’"))

        let utf8 = Array("<meta charset=utf-8><p>Zoë".utf8)
        #expect(try SourceDecoder.decode(utf8, path: "d.html", format: .html).utf8 == utf8)
    }

    @Test func unknownCharsetIsReported() throws {
        let bytes = Array("<meta charset=\"klingon-8\"><p>Zoë".utf8)
        let result = try SourceDecoder.decodeReporting(bytes, path: "a.html", format: .html)
        #expect(result.source.utf8 == bytes)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.contains("unknown charset \"klingon-8\"") == true)
        let latin = Array("<meta charset=\"klingon-8\"><p>caf".utf8) + [0xE9]
        let fallback = try SourceDecoder.decodeReporting(latin, path: "a.html", format: .html)
        #expect(fallback.source.encoding == .windows1252)
        #expect(fallback.warnings.first?.message.contains("Windows-1252") == true)
    }

    @Test func nulBytesAreAWarning() throws {
        let result = try SourceDecoder.decodeReporting([0x41, 0x00, 0x42], path: "a.txt", format: .text)
        #expect(result.source.utf8 == [0x41, 0x00, 0x42])
        #expect(result.warnings == [ReadProblem(severity: .warning, message: "contains NUL bytes (binary data?)",
                                                byteOffset: 1)])
    }

    @Test func binaryFilesAreRejected() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
        #expect(throws: SourceDecodingError(path: "p.md", message: "not a text file (PNG image)")) {
            try SourceDecoder.decode(png, path: "p.md", format: .markdown)
        }
        #expect(throws: SourceDecodingError(path: "d.txt", message: "not a text file (PDF document)")) {
            try SourceDecoder.decode(Array("%PDF-1.7\n".utf8), path: "d.txt", format: .text)
        }
        #expect(throws: SourceDecodingError.self) {
            try SourceDecoder.decode([0x50, 0x4B, 0x03, 0x04, 0x14], path: "z.md", format: .markdown)
        }
    }

    /// Positions in code points are the same whatever encoding the file was saved in.
    @Test func positionsMatchUTF8ThroughReaders() throws {
        let text = "# Zoë’s class\n\nZoë O’Brien said “well done” – *Caf&eacute;* trip\n"
        let reference = MarkdownReader.read(SourceText(path: "a.md", text: text))
        var windows: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "’": windows.append(0x92)
            case "“": windows.append(0x93)
            case "”": windows.append(0x94)
            case "–": windows.append(0x96)
            default: windows.append(UInt8(scalar.value))
            }
        }
        for bytes in [windows, utf16(text, bigEndian: false), utf16(text, bigEndian: true)] {
            let source = try SourceDecoder.decode(bytes, path: "a.md", format: .markdown)
            let document = MarkdownReader.read(source)
            #expect(document.blocks.map(\.string) == reference.blocks.map(\.string))
            for (block, expected) in zip(document.blocks, reference.blocks) {
                for word in ReaderMapping.words(block.text) {
                    let region = source.lines.region(of: block.sourceRange(word))
                    let referenceRegion = reference.source.lines.region(of: expected.sourceRange(word))
                    #expect(region.start == referenceRegion.start)
                    #expect(region.end == referenceRegion.end)
                }
            }
            ReaderMapping.checkWords(document)
        }
        let plain = try SourceDecoder.decode(utf16("Zoë 👩‍🏫 wins\n", bigEndian: false), path: "a.txt", format: .text)
        let block = PlainTextReader.read(plain).blocks[0]
        let position = plain.lines.position(of: block.sourceRange(17..<21).lowerBound)
        #expect(block.string.utf8.dropFirst(17).starts(with: "wins".utf8))
        #expect(position.column == 9)
        #expect(position.utf16Column == 11)
    }

    /// Columns on a long line come from the checkpoints of `CodePointPrefix`: every range's code points
    /// and UTF-16 units agree with Swift's own counts, across one-, two-, three- and four-byte characters.
    @Test func longLinesCountCodePointsAndUTF16Units() {
        let pieces = ["a", "é", "’", "👩‍🏫", "😀", " ", "Zoë", "ŵ", "𝔘"]
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let text = (0..<3_000).map { _ in pieces[next() % pieces.count] }.joined()
        let source = SourceText(path: "long.txt", text: text)
        let bytes = Array(text.utf8)
        // Scalar boundaries (byte offsets), to cut ranges where characters start.
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        for _ in 0..<500 {
            let a = starts[next() % starts.count], b = starts[next() % starts.count]
            let (lower, upper) = (min(a, b), max(a, b))
            let piece = String(decoding: bytes[lower..<upper], as: UTF8.self)
            let counts = source.lines.counts(from: lower, to: upper)
            #expect(counts.codePoints == piece.unicodeScalars.count)
            #expect(counts.utf16 == piece.utf16.count)
        }
    }
}
