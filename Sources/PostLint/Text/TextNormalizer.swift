import Foundation

/// Folds text for matching: lower case, diacritics removed (Zoë → zoe, Łukasz → lukasz, ß → ss), and
/// the typographic apostrophe ’ read as '. ASCII is folded inline; other scalars go through a table
/// built once, so the per-byte path never touches Foundation.
public enum TextNormalizer {
    /// Appends the folded UTF-8 form of one scalar to `output`. Combining marks fold to nothing.
    @inline(__always)
    public static func appendFolded(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            return
        }
        if value == 0x2019 || value == 0x2018 || value == 0x02BC {
            output.append(UInt8(ascii: "'"))
            return
        }
        if value >= 0x0300 && value <= 0x036F { return }
        if value < UInt32(latinTable.count) {
            output.append(contentsOf: latinTable[Int(value)])
            return
        }
        for lower in scalar.properties.lowercaseMapping.utf8 { output.append(lower) }
    }

    /// The folded form of a whole string (for building automata and comparing configuration values).
    public static func fold(_ text: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { appendFolded(scalar, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Folded UTF-8 for every scalar below U+0250 (Latin-1 Supplement and Latin Extended-A/B).
    private static let latinTable: [[UInt8]] = {
        let special: [UInt32: String] = [
            0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0xD8: "o", 0xF8: "o", 0x141: "l", 0x142: "l",
            0x110: "d", 0x111: "d", 0xDE: "th", 0xFE: "th", 0x152: "oe", 0x153: "oe", 0xD0: "d", 0xF0: "d",
            0x131: "i", 0xA0: " ",
        ]
        return (0..<0x250).map { value -> [UInt8] in
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
            if let replacement = special[UInt32(value)] { return Array(replacement.utf8) }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            let base = decomposed.first.map { String($0) } ?? String(scalar)
            return Array(base.lowercased().utf8)
        }
    }()
}
