import CLibXML2

/// Decodes one character reference exactly as libxml2 2.9's HTML parser does, so that the reader can
/// line the parser's decoded text up with the source: numeric references with or without `;` (invalid
/// code points decode to nothing), named references only with `;` and only when libxml2 knows the name
/// (`&copy 2024` and `&foo;` stay literal text, as libxml2 leaves them).
struct HTMLCharacterReference {
    /// Named-entity look-ups, cached: a post may repeat `&amp;` thousands of times.
    private var cache: [[UInt8]: [UInt8]?] = [:]

    /// The reference starting at `start` (which must hold `&`), read no further than `limit`: where it
    /// ends and what it decodes to, or nil when libxml2 would keep the `&` as literal text.
    mutating func decode(_ source: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (end: Int, bytes: [UInt8])? {
        guard start + 1 < limit, source[start] == UInt8(ascii: "&") else { return nil }
        if source[start + 1] == UInt8(ascii: "#") {
            return decodeNumeric(source, at: start, limit: limit)
        }
        var end = start + 1
        while end < limit, Self.isNameByte(source[end]) { end += 1 }
        guard end > start + 1, end < limit, source[end] == UInt8(ascii: ";") else { return nil }
        let name = Array(source[(start + 1)..<end])
        let decoded: [UInt8]?
        if let cached = cache[name] {
            decoded = cached
        } else {
            decoded = Self.lookup(name)
            if cache.count < 512 { cache[name] = decoded }
        }
        guard let decoded else { return nil }
        return (end + 1, decoded)
    }

    private func decodeNumeric(_ source: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (end: Int, bytes: [UInt8]) {
        var index = start + 2
        var isHex = false
        if index < limit, source[index] | 0x20 == UInt8(ascii: "x") {
            isHex = true
            index += 1
        }
        var value: UInt32 = 0
        while index < limit, source[index] != UInt8(ascii: ";") {
            let byte = source[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where isHex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where isHex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: digit = 99
            }
            if digit == 99 { break }
            if value < 0x110000 { value = value * (isHex ? 16 : 10) + digit }
            index += 1
        }
        if index < limit, source[index] == UInt8(ascii: ";") { index += 1 }
        return (index, Self.isXMLChar(value) ? Self.utf8(value) : [])
    }

    /// Bytes libxml2's `htmlParseName` takes after the first (ASCII subset; entity names are ASCII).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
             UInt8(ascii: "_"), UInt8(ascii: ":"):
            true
        default: false
        }
    }

    private static func lookup(_ name: [UInt8]) -> [UInt8]? {
        let entity = (name + [0]).withUnsafeBufferPointer { htmlEntityLookup($0.baseAddress) }
        guard let entity, entity.pointee.value > 0 else { return nil }
        return utf8(entity.pointee.value)
    }

    /// libxml2's IS_CHAR: what a numeric reference may decode to.
    static func isXMLChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func utf8(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return Array(String(Character(scalar)).utf8)
    }
}
