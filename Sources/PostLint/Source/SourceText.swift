/// A draft's text after decoding: UTF-8 bytes (any byte-order mark removed) plus the line index that
/// turns byte offsets into the line and column a person, an editor or GitHub sees in the original file.
///
/// Every offset PostLint passes around is a byte offset into `utf8`; positions are computed only when a
/// diagnostic is reported. Decoding never changes the sequence of code points, so a column counted in
/// code points here is the same column in the file as saved, whatever its encoding.
public struct SourceText: Sendable {
    /// The path as the user named it (relative paths stay relative), or the `--stdin-filename`.
    public let path: String
    public let utf8: [UInt8]
    public let encoding: TextEncoding
    package let lines: LineIndex

    public init(path: String, utf8: [UInt8], encoding: TextEncoding = .utf8) {
        self.path = path
        self.utf8 = utf8
        self.encoding = encoding
        self.lines = LineIndex(utf8)
    }

    public init(path: String, text: String) {
        self.init(path: path, utf8: Array(text.utf8))
    }

    /// The text of a byte range, with CR LF line ends shown as LF (as SARIF snippets expect).
    public func snippet(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<utf8.count)
        var bytes = [UInt8]()
        bytes.reserveCapacity(clamped.count)
        var index = clamped.lowerBound
        while index < clamped.upperBound {
            let byte = utf8[index]
            if byte == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A {
                index += 1
                continue
            }
            bytes.append(byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of a byte range exactly as stored.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[range.clamped(to: 0..<utf8.count)], as: UTF8.self)
    }
}

/// The encoding a draft was stored in before PostLint decoded it to UTF-8.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
    case latin1 = "ISO-8859-1"
}
