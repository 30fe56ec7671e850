/// Finds UK postcodes in UTF-8 text in one pass over the bytes, validated by structure.
///
/// Outward code: A9, A99, A9A, AA9, AA99 or AA9A, where the first letter is not Q, V or X, a second
/// letter is not I, J or Z, a letter after one letter and a digit is one of ABCDEFGHJKPSTUW and a
/// letter after two letters and a digit is one of ABEHMNPRVWXY. Inward code: a digit and two letters
/// from ABDEFGHJLNPQRSTUWXYZ (never C, I, K, M, O or V). GIR 0AA is the one exception.
///
/// Case (a deliberate choice): a postcode in upper case is recognised with or without the space
/// ("SK10 4AB", "SK104AB"); one with lower-case letters only with the space ("sk10 4ab"), and then not
/// when the inward part is an ordinal ("B2 1st", "M6 2nd"). Joined lower-case strings such as
/// "sk104ab" read as user names and codes far more often than as postcodes.
enum PostcodeScanner {
    struct Match: Sendable, Equatable {
        var range: Range<Int>
        /// Upper case without the space: "SK104AB".
        var normalized: String
    }

    static func scan(_ text: [UInt8]) -> [Match] {
        var matches: [Match] = []
        let count = text.count
        var index = 0
        while index < count {
            guard ASCII.isLetter(text[index]) else {
                index += 1
                continue
            }
            let start = index
            var end = index
            while end < count, ASCII.isAlnum(text[end]) { end += 1 }
            defer { index = max(end, index + 1) }
            // Every outward code has a digit, except GIR (GIR 0AA): most words stop here. (A word
            // going on in non-ASCII letters is skipped whole by the guard below.)
            if end >= count || text[end] < 0x80, !text[start..<end].contains(where: ASCII.isDigit),
               !(end - start == 3 && ASCII.upper(text[start]) == UInt8(ascii: "G") && ASCII.upper(text[start + 1]) == UInt8(ascii: "I")
                 && ASCII.upper(text[start + 2]) == UInt8(ascii: "R")) { continue }
            guard canStart(text, at: start), end >= count || !ASCII.isWordCharacter(at: end, in: text) else {
                if end < count, text[end] >= 0x80 {
                    while end < count, ASCII.isWordCharacter(at: end, in: text) { end += ASCII.decode(text, at: end).1 }
                }
                continue
            }
            let run = text[start..<end]
            let length = run.count
            // Joined: "SK104AB" (upper case only).
            if length >= 5, length <= 7, run.allSatisfy({ !ASCII.isLower($0) }), endsCleanly(text, at: end),
               isOutward(text[start..<(end - 3)]), isInward(text[(end - 3)..<end]) {
                matches.append(Match(range: start..<end, normalized: String(decoding: run, as: UTF8.self)))
                continue
            }
            // Spaced: "SK10 4AB", "sk10 4ab".
            guard length >= 2, length <= 4, end < count else { continue }
            var inwardStart = end
            if text[end] == 0x20 {
                inwardStart = end + 1
            } else if ASCII.isNoBreakSpace(text, end) {
                inwardStart = end + 2
            } else {
                continue
            }
            let inwardEnd = inwardStart + 3
            guard inwardEnd <= count, text[inwardStart..<inwardEnd].allSatisfy(ASCII.isAlnum),
                  inwardEnd == count || !ASCII.isWordCharacter(at: inwardEnd, in: text), endsCleanly(text, at: inwardEnd) else { continue }
            let outward = text[start..<end]
            let inward = text[inwardStart..<inwardEnd]
            guard isOutward(outward), isInward(inward) else { continue }
            let hasLower = outward.contains(where: ASCII.isLower) || inward.contains(where: ASCII.isLower)
            if hasLower, isOrdinal(inward) { continue }
            matches.append(Match(range: start..<inwardEnd,
                                 normalized: String(decoding: (outward + inward).map(ASCII.upper), as: UTF8.self)))
            end = inwardEnd
        }
        return matches
    }

    private static func canStart(_ text: [UInt8], at start: Int) -> Bool {
        guard start > 0 else { return true }
        if ASCII.isWordCharacter(before: start, in: text) { return false }
        let byte = text[start - 1]
        // Not inside a URL, an email address, a file name or a hyphenated code.
        return !(byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "&"))
    }

    private static func endsCleanly(_ text: [UInt8], at end: Int) -> Bool {
        guard end < text.count else { return true }
        let byte = text[end]
        if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "=") { return false }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."), end + 1 < text.count, ASCII.isAlnum(text[end + 1]) { return false }
        return true
    }

    private static let inwardLetters = Set("ABDEFGHJLNPQRSTUWXYZ".utf8)
    private static let thirdLetters = Set("ABCDEFGHJKPSTUW".utf8)
    private static let fourthLetters = Set("ABEHMNPRVWXY".utf8)

    static func isInward(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 3 else { return false }
        let b = Array(bytes)
        return ASCII.isDigit(b[0]) && inwardLetters.contains(ASCII.upper(b[1])) && inwardLetters.contains(ASCII.upper(b[2]))
    }

    static func isOutward(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = bytes.map(ASCII.upper)
        if b == Array("GIR".utf8) { return true }
        guard b.count >= 2, b.count <= 4, ASCII.isUpper(b[0]), !"QVX".utf8.contains(b[0]) else { return false }
        if ASCII.isDigit(b[1]) {
            // A9, A99, A9A
            switch b.count {
            case 2: return true
            case 3: return ASCII.isDigit(b[2]) || thirdLetters.contains(b[2])
            default: return false
            }
        }
        // AA9, AA99, AA9A
        guard !"IJZ".utf8.contains(b[1]), ASCII.isUpper(b[1]), b.count >= 3, ASCII.isDigit(b[2]) else { return false }
        switch b.count {
        case 3: return true
        case 4: return ASCII.isDigit(b[3]) || fourthLetters.contains(b[3])
        default: return false
        }
    }

    /// "1st", "2nd", "3rd", "4th" in lower case.
    private static func isOrdinal(_ inward: ArraySlice<UInt8>) -> Bool {
        let suffix = String(decoding: inward.dropFirst().map(ASCII.lower), as: UTF8.self)
        return ["st", "nd", "rd", "th"].contains(suffix)
    }
}
