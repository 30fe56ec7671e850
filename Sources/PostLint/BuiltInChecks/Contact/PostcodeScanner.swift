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
        // Every postcode has a digit (the inward code starts with one): only the alphanumeric runs
        // around digits are read, and the text between them is skipped eight bytes at a time.
        var matches: [Match] = []
        let count = text.count
        var index = 0
        while true {
            let digit = ByteSearch.firstDigit(in: text, from: index)
            guard digit < count else { break }
            var start = digit
            while start > index, ASCII.isAlnum(text[start - 1]) { start -= 1 }
            var runEnd = digit
            while runEnd < count, ASCII.isAlnum(text[runEnd]) { runEnd += 1 }
            if ASCII.isLetter(text[start]) {
                index = max(runEnd, candidate(text, at: start, into: &matches))
                continue
            }
            // A run starting with a digit is an inward code at most: of "GIR 0AA", whose outward code has none.
            if let gir = girStart(text, before: start, after: index) {
                index = max(runEnd, candidate(text, at: gir, into: &matches))
            } else {
                index = runEnd
            }
        }
        return matches
    }

    /// Where "GIR" starts when it stands (as a whole run) one space or no-break space before `start`.
    private static func girStart(_ text: [UInt8], before start: Int, after floor: Int) -> Int? {
        let spaceLength = start >= 1 && text[start - 1] == 0x20 ? 1 : (start >= 2 && ASCII.isNoBreakSpace(text, start - 2) ? 2 : 0)
        guard spaceLength > 0 else { return nil }
        let gir = start - spaceLength - 3
        guard gir >= floor, ASCII.upper(text[gir]) == UInt8(ascii: "G"), ASCII.upper(text[gir + 1]) == UInt8(ascii: "I"),
              ASCII.upper(text[gir + 2]) == UInt8(ascii: "R"), gir == 0 || !ASCII.isAlnum(text[gir - 1]) else { return nil }
        return gir
    }

    /// Reads the alphanumeric run at `start` (a letter starting a run) as an outward code, joined to or
    /// followed by an inward one; returns where scanning goes on.
    private static func candidate(_ text: [UInt8], at start: Int, into matches: inout [Match]) -> Int {
        let count = text.count
        var end = start
        while end < count, ASCII.isAlnum(text[end]) { end += 1 }
        guard canStart(text, at: start), end >= count || !ASCII.isWordCharacter(at: end, in: text) else {
            // A word going on in non-ASCII letters is skipped whole.
            if end < count, text[end] >= 0x80 {
                while end < count, ASCII.isWordCharacter(at: end, in: text) { end += ASCII.decode(text, at: end).1 }
            }
            return end
        }
        let run = text[start..<end]
        let length = run.count
        // Joined: "SK104AB" (upper case only).
        if length >= 5, length <= 7, run.allSatisfy({ !ASCII.isLower($0) }), endsCleanly(text, at: end),
           isOutward(text[start..<(end - 3)]), isInward(text[(end - 3)..<end]) {
            matches.append(Match(range: start..<end, normalized: String(decoding: run, as: UTF8.self)))
            return end
        }
        // Spaced: "SK10 4AB", "sk10 4ab".
        guard length >= 2, length <= 4, end < count else { return end }
        var inwardStart = end
        if text[end] == 0x20 {
            inwardStart = end + 1
        } else if ASCII.isNoBreakSpace(text, end) {
            inwardStart = end + 2
        } else {
            return end
        }
        let inwardEnd = inwardStart + 3
        guard inwardEnd <= count, text[inwardStart..<inwardEnd].allSatisfy(ASCII.isAlnum),
              inwardEnd == count || !ASCII.isWordCharacter(at: inwardEnd, in: text), endsCleanly(text, at: inwardEnd) else { return end }
        let outward = text[start..<end]
        let inward = text[inwardStart..<inwardEnd]
        guard isOutward(outward), isInward(inward) else { return end }
        let hasLower = outward.contains(where: ASCII.isLower) || inward.contains(where: ASCII.isLower)
        if hasLower, isOrdinal(inward) { return end }
        matches.append(Match(range: start..<inwardEnd,
                             normalized: String(decoding: (outward + inward).map(ASCII.upper), as: UTF8.self)))
        return inwardEnd
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
