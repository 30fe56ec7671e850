/// HTML character references in Markdown: `&amp;`, `&#8217;`, `&#x2019;`. Decoded text stands for
/// the whole reference in the source map, so a finding on it cuts out the reference as written.
enum MarkdownEntity {
    /// Named references common in school posts; an unknown name stays literal text, as in CommonMark.
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2,
        "sect": 0xA7, "para": 0xB6, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "micro": 0xB5,
        "middot": 0xB7, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sup2": 0xB2, "sup3": 0xB3,
        "laquo": 0xAB, "raquo": 0xBB, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
        "rdquo": 0x201D, "bdquo": 0x201E, "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "bull": 0x2022,
        "dagger": 0x2020, "Dagger": 0x2021, "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "larr": 0x2190,
        "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "hearts": 0x2665, "check": 0x2713, "iexcl": 0xA1,
        "iquest": 0xBF, "ordf": 0xAA, "ordm": 0xBA, "not": 0xAC, "macr": 0xAF, "acute": 0xB4, "cedil": 0xB8,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5, "AElig": 0xC6,
        "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB, "Igrave": 0xCC,
        "Iacute": 0xCD, "Icirc": 0xCE, "Iuml": 0xCF, "Ntilde": 0xD1, "Ograve": 0xD2, "Oacute": 0xD3,
        "Ocirc": 0xD4, "Otilde": 0xD5, "Ouml": 0xD6, "Oslash": 0xD8, "Ugrave": 0xD9, "Uacute": 0xDA,
        "Ucirc": 0xDB, "Uuml": 0xDC, "Yacute": 0xDD, "szlig": 0xDF, "agrave": 0xE0, "aacute": 0xE1,
        "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6, "ccedil": 0xE7,
        "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED,
        "icirc": 0xEE, "iuml": 0xEF, "ntilde": 0xF1, "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4,
        "otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8, "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB,
        "uuml": 0xFC, "yacute": 0xFD, "yuml": 0xFF, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160,
        "scaron": 0x161, "Yuml": 0x178, "Zcaron": 0x17D, "zcaron": 0x17E,
    ]

    /// The decoded UTF-8 and the end of a reference starting at `start` (which holds `&`), or nil.
    static func decode(_ bytes: [UInt8], at start: Int, end: Int) -> (utf8: [UInt8], end: Int)? {
        var index = start + 1
        guard index < end else { return nil }
        var scalar: UInt32
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < end && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < end, index - digitsStart < (hex ? 6 : 7), let digit = digitValue(bytes[index], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
            scalar = value
            if scalar == 0 || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { scalar = 0xFFFD }
        } else {
            let nameStart = index
            while index < end, index - nameStart < 32,
                  MarkdownHTMLTag.isLetter(bytes[index]) || MarkdownHTMLTag.isDigit(bytes[index]) { index += 1 }
            guard index > nameStart, index < end, bytes[index] == UInt8(ascii: ";"),
                  let value = named[String(decoding: bytes[nameStart..<index], as: UTF8.self)]
            else { return nil }
            scalar = value
        }
        var utf8: [UInt8] = []
        SourceDecoder.appendUTF8(scalar, to: &utf8)
        return (utf8, index + 1)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte >= 0x30, byte <= 0x39 { return UInt32(byte - 0x30) }
        guard hex else { return nil }
        let lower = byte | 0x20
        if lower >= 0x61, lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }
}
