/// Turns a file's bytes into `SourceText` (UTF-8), whatever encoding the draft was saved in.
///
/// Decoding keeps the sequence of code points, so a code-point column in the decoded text is the
/// column in the file as saved. Everything runs on bytes: UTF-8 is validated in one pass without
/// creating a `String`, and the other encodings are transcoded unit by unit.
package enum SourceDecoder {
    /// The decoded text plus what is doubtful about the input (an unknown charset, NUL bytes…).
    package struct Result: Sendable {
        package var source: SourceText
        package var warnings: [ReadProblem]
    }

    /// Decodes `bytes`, dropping the warnings; use `decodeReporting` to keep them.
    package static func decode(_ bytes: [UInt8], path: String, format: DocumentFormat) throws(SourceDecodingError)
        -> SourceText
    {
        try decodeReporting(bytes, path: path, format: format).source
    }

    /// Decodes `bytes` and reports warnings (unknown declared charset, NUL bytes) as `ReadProblem`s.
    package static func decodeReporting(_ bytes: [UInt8], path: String, format: DocumentFormat)
        throws(SourceDecodingError) -> Result
    {
        if let kind = binaryKind(bytes) {
            throw SourceDecodingError(path: path, message: "not a text file (\(kind))")
        }
        var warnings: [ReadProblem] = []
        let (utf8, encoding) = try transcode(bytes, path: path, format: format, warnings: &warnings)
        if encoding != .utf16LittleEndian, encoding != .utf16BigEndian,
           let nul = utf8.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: 0, in: $0, range: 0..<$0.count) }) {
            warnings.append(ReadProblem(severity: .warning, message: "contains NUL bytes (binary data?)",
                                        byteOffset: nul))
        }
        return Result(source: SourceText(path: path, utf8: utf8, encoding: encoding), warnings: warnings)
    }

    private static func transcode(_ bytes: [UInt8], path: String, format: DocumentFormat,
                                  warnings: inout [ReadProblem]) throws(SourceDecodingError) -> ([UInt8], TextEncoding)
    {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw SourceDecodingError(path: path, message: "UTF-32 is not supported; save the file as UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes[3...])
            if let bad = firstInvalidUTF8(body) {
                throw SourceDecodingError(path: path, message: "invalid UTF-8 after a UTF-8 byte-order mark",
                                    byteOffset: bad + 3)
            }
            return (body, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try decodeUTF16(bytes, bigEndian: false, path: path), .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try decodeUTF16(bytes, bigEndian: true, path: path), .utf16BigEndian)
        }
        let invalid = firstInvalidUTF8(bytes)
        if format == .html, let declared = CharsetPrescan.declaredCharset(bytes) {
            switch CharsetPrescan.normalize(declared) {
            case .utf8?:
                guard invalid != nil else { return (bytes, .utf8) }
                warnings.append(ReadProblem(
                    severity: .warning,
                    message: "declared charset \"\(declared)\" but the file is not valid UTF-8; read as Windows-1252",
                    byteOffset: invalid))
                return (decodeWindows1252(bytes), .windows1252)
            case .windows1252?:
                return invalid == nil && bytes.allSatisfy({ $0 < 0x80 })
                    ? (bytes, .utf8) : (decodeWindows1252(bytes), .windows1252)
            default:
                let fallback = invalid == nil ? "UTF-8" : "Windows-1252"
                warnings.append(ReadProblem(severity: .warning,
                                            message: "unknown charset \"\(declared)\" declared; read as \(fallback)"))
            }
        }
        guard let invalid else { return (bytes, .utf8) }
        // A guess, so say so, at the first byte that is not UTF-8 (its offset in the decoded text:
        // Windows-1252 decodes byte by byte, so the prefix's decoded length is that offset).
        warnings.append(ReadProblem(severity: .warning,
                                    message: "not valid UTF-8; read as Windows-1252 (save the file as UTF-8 to be sure)",
                                    byteOffset: decodeWindows1252(Array(bytes[..<invalid])).count))
        return (decodeWindows1252(bytes), .windows1252)
    }

    // MARK: Binary files

    /// Names the kind of binary file `bytes` starts like (checked before anything is decoded).
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
            (Array("%PDF-".utf8), "PDF document"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP archive or Office document"),
            ([0x50, 0x4B, 0x05, 0x06], "ZIP archive"),
            ([0xFF, 0xD8, 0xFF], "JPEG image"),
            (Array("GIF87a".utf8), "GIF image"),
            (Array("GIF89a".utf8), "GIF image"),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }

    // MARK: UTF-8

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil when all is valid.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                // ASCII, nearly all of a draft, eight bytes at a time while no high bit is set.
                while index + 8 <= count, UnsafeRawPointer(buffer.baseAddress! + index)
                        .loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                guard second >= low, second <= high else { return index }
                var next = index + 2
                while next < index + length {
                    guard buffer[next] & 0xC0 == 0x80 else { return index }
                    next += 1
                }
                index += length
            }
            return nil
        }
    }

    // MARK: UTF-16

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, path: String) throws(SourceDecodingError)
        -> [UInt8]
    {
        guard bytes.count % 2 == 0 else {
            throw SourceDecodingError(path: path, message: "UTF-16 file has an odd number of bytes",
                                byteOffset: bytes.count - 1)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var failure: Int?
        bytes.withUnsafeBufferPointer { buffer in
            func unit(_ at: Int) -> UInt32 {
                bigEndian ? UInt32(buffer[at]) << 8 | UInt32(buffer[at + 1])
                    : UInt32(buffer[at + 1]) << 8 | UInt32(buffer[at])
            }
            var index = 2
            while index < buffer.count {
                var scalar = unit(index)
                if scalar >= 0xDC00, scalar <= 0xDFFF { failure = index; return }
                if scalar >= 0xD800, scalar <= 0xDBFF {
                    guard index + 4 <= buffer.count else { failure = index; return }
                    let low = unit(index + 2)
                    guard low >= 0xDC00, low <= 0xDFFF else { failure = index; return }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 2
                }
                index += 2
                appendUTF8(scalar, to: &output)
            }
        }
        if let failure {
            throw SourceDecodingError(path: path, message: "unpaired UTF-16 surrogate", byteOffset: failure)
        }
        return output
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Windows-1252

    /// Code points of 0x80–0x9F in Windows-1252. The five undefined bytes map to their C1 controls,
    /// as the WHATWG Encoding Standard does, so every byte stays exactly one code point.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Windows-1252 (and ISO-8859-1, read as browsers do) to UTF-8.
    package static func decodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                if byte < 0x80 {
                    output.append(byte)
                } else if byte < 0xA0 {
                    appendUTF8(windows1252High[Int(byte) - 0x80], to: &output)
                } else {
                    appendUTF8(UInt32(byte), to: &output)
                }
            }
        }
        return output
    }
}

/// Why a file could not be decoded; the message names the file.
package struct SourceDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    package var path: String
    package var message: String
    package var byteOffset: Int?

    package init(path: String, message: String, byteOffset: Int? = nil) {
        self.path = path
        self.message = message
        self.byteOffset = byteOffset
    }

    package var description: String {
        if let byteOffset { return "\(path): \(message) (at byte \(byteOffset))" }
        return "\(path): \(message)"
    }

    /// The same failure as a read problem of error severity.
    package var problem: ReadProblem {
        ReadProblem(severity: .error, message: description, byteOffset: byteOffset)
    }
}
