extension SourceDecoder {
    /// Finds the charset an HTML file declares in its first 1024 bytes, as a browser's prescan does:
    /// an XML declaration's `encoding`, `<meta charset>` or `<meta http-equiv content="…; charset=…">`.
    /// Works on bytes because the encoding is not known yet.
    enum CharsetPrescan {
        enum Charset { case utf8, windows1252 }

        static let limit = 1024

        static func declaredCharset(_ bytes: [UInt8]) -> String? {
            let head = Array(bytes.prefix(limit))
            if head.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: head, from: 0) {
                if let value = attributeValue(named: "encoding", in: head, range: 5..<end) { return value }
            }
            var index = 0
            while let meta = find(Array("<meta".utf8), in: head, from: index) {
                let tagEnd = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
                if let value = attributeValue(named: "charset", in: head, range: meta + 5..<tagEnd) {
                    return value
                }
                index = tagEnd
            }
            return nil
        }

        /// Maps a declared label to what PostLint decodes, or nil when it is not supported.
        static func normalize(_ label: String) -> Charset? {
            switch label.lowercased() {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be":
                // A UTF-16 label in a file without a byte-order mark is read as UTF-8, as browsers do.
                .utf8
            case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                 "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819":
                .windows1252
            default:
                nil
            }
        }

        /// Case-insensitive search for ASCII `needle`.
        private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var index = start
            while index + needle.count <= bytes.count {
                var matched = true
                for offset in 0..<needle.count where lower(bytes[index + offset]) != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
                index += 1
            }
            return nil
        }

        /// The value after `name` `=` inside `range` (quoted or not; stops at a quote, space, `;` or `>`).
        private static func attributeValue(named name: String, in bytes: [UInt8], range: Range<Int>) -> String? {
            let slice = Array(bytes[range])
            var from = 0
            while let at = find(Array(name.utf8), in: slice, from: from) {
                var index = at + name.utf8.count
                from = index
                while index < slice.count, slice[index] == 0x20 || slice[index] == 0x09 { index += 1 }
                guard index < slice.count, slice[index] == UInt8(ascii: "=") else { continue }
                index += 1
                while index < slice.count, slice[index] == 0x20 || slice[index] == 0x09 { index += 1 }
                if index < slice.count, slice[index] == 0x22 || slice[index] == 0x27 { index += 1 }
                let start = index
                while index < slice.count, isLabelByte(slice[index]) { index += 1 }
                guard index > start else { return nil }
                return String(decoding: slice[start..<index], as: UTF8.self)
            }
            return nil
        }

        private static func isLabelByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: ":"):
                true
            default:
                false
            }
        }

        private static func lower(_ byte: UInt8) -> UInt8 {
            byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
    }
}
