/// Character classes the tokenizer needs, with ASCII answered by comparisons and only other scalars
/// asking Unicode's properties.
enum CharacterClass {
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0xA0 || value == 0x85 || (value >= 0x2000 && value <= 0x200B) || value == 0x202F || value == 0x205F
            || value == 0x3000 || value == 0xFEFF || value == 0x2028 || value == 0x2029 || value == 0x1680
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value == 0xAA || value == 0xBA { return true }
        if value < 0xC0 || value == 0xD7 || value == 0xF7 { return false }
        // Latin-1 Supplement and Latin Extended-A/B are letters from 0xC0 on (× and ÷ aside), and
        // General Punctuation (’ “ ” – — … and the spaces) has none: the common cases in school posts
        // are answered without Unicode's property tables.
        if value < 0x250 { return true }
        if value >= 0x2000 && value <= 0x206F { return false }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always)
    static func isMark(_ value: UInt32) -> Bool {
        (value >= 0x0300 && value <= 0x036F) || (value >= 0x1AB0 && value <= 0x1AFF) || (value >= 0x20D0 && value <= 0x20FF)
    }

    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 || value == 0x02BC }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return scalar.properties.isUppercase
    }

    static func isSymbol(_ value: UInt32) -> Bool {
        switch value {
        case 0x23, 0x24, 0x25, 0x26, 0x2A, 0x2B, 0x3C, 0x3D, 0x3E, 0x40, 0x5C, 0x5E, 0x60, 0x7C, 0x7E, 0xA3, 0x20AC: true
        default: value >= 0x2100
        }
    }
}
