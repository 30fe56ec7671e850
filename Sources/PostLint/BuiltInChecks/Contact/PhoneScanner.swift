/// Finds telephone numbers in a block's UTF-8 text in one pass over the bytes.
///
/// A candidate is a run of digit groups joined by one separator each (a space, a no-break space, a
/// hyphen or a full stop, optionally with spaces around it), optionally starting with `+` and with one
/// pair of brackets around a group: `07700 900123`, `(01625) 000000`, `+44 (0)7700 900123`,
/// `+1 (555) 010-9999`. Each run is validated by the real structure of the number:
/// - UK numbers (a leading 0, or +44 / 0044): 10 digits after the 0 for 01, 02, 03, 05, 07, 08 and 09
///   numbers (with the second digit the plan allows), 9 for the few mixed area codes of
///   `Rules/uk-short-area-codes.yml`; each group of a national number has at least two digits;
/// - international numbers (`+` or 00 and a country code other than 44): 8 to 15 digits in all, and
///   North American ones (+1) exactly 11 with valid area and exchange codes.
/// A run that is not valid as a whole may still hold a valid number ending at a space (“07700 900123
/// 5 children”). Dates, times, prices, years, ranges and most reference numbers never validate (their
/// digits are joined by / : , or start with a digit other than 0); a number labelled as an order,
/// reference, invoice… number (`Rules/number-labels.yml`) is not a phone number.
struct PhoneScanner: Sendable {
    struct Match: Sendable, Equatable {
        /// The number as written: from the `+` or opening bracket to the last digit.
        var range: Range<Int>
        /// Canonical digits: national form for UK numbers ("07700900123"), "+" and digits otherwise.
        var canonical: String
        var isUK: Bool
    }

    let shortAreaCodes: Set<String>
    let labels: Set<String>

    init(shortAreaCodes: [String] = RulePack.embedded.list(.ukShortAreaCodes),
         labels: [String] = RulePack.embedded.list(.numberLabels)) {
        self.shortAreaCodes = Set(shortAreaCodes)
        self.labels = Set(labels.map { $0.lowercased() })
    }

    /// A group of digits inside a run, with what surrounds it.
    private struct Group {
        var start: Int
        var end: Int
        /// An opening bracket right before the group (its offset).
        var bracketOpen: Int?
        var bracketClosed = false
        /// The separator before this group contains white space (a place a number may start or end).
        var spaceBefore = false
        /// The separator after this group contains white space.
        var spaceAfter = false
    }

    func scan(_ text: [UInt8]) -> [Match] {
        var matches: [Match] = []
        let count = text.count
        var index = 0
        while index < count {
            // A number starts at a digit or at a "+" or "(" right before one: jump to the next digit.
            let digit = ByteSearch.firstDigit(in: text, from: index)
            guard digit < count else { break }
            index = digit > index && (text[digit - 1] == UInt8(ascii: "+") || text[digit - 1] == UInt8(ascii: "(")) ? digit - 1 : digit
            let byte = text[index]
            let startsNumber = ASCII.isDigit(byte)
                || (byte == UInt8(ascii: "+") && index + 1 < count && ASCII.isDigit(text[index + 1]))
                || (byte == UInt8(ascii: "(") && index + 1 < count && (ASCII.isDigit(text[index + 1]) || text[index + 1] == UInt8(ascii: "+")))
            guard startsNumber else {
                index += 1
                continue
            }
            let (groups, plusAt, runEnd) = readRun(text, from: index)
            if groups.isEmpty {
                index += 1
                continue
            }
            let first = plusAt ?? groups[0].bracketOpen ?? groups[0].start
            if canStart(text, at: first) {
                matches += validMatches(text, groups: groups, plusAt: plusAt, runEnd: runEnd)
            }
            index = max(runEnd, index + 1)
            // Never restart inside a word or number that the run stopped in.
            while index < count, ASCII.isAlnum(text[index]) { index += 1 }
        }
        return matches
    }

    /// Reads a run of digit groups starting at `start` (a digit, `+` or `(`).
    private func readRun(_ text: [UInt8], from start: Int) -> ([Group], Int?, Int) {
        let count = text.count
        var position = start
        var groups: [Group] = []
        var plusAt: Int?
        var bracketUsed = false
        var pendingSpaceBefore = false
        if text[position] == UInt8(ascii: "(") , position + 1 < count, text[position + 1] == UInt8(ascii: "+") {
            return ([], nil, start + 1)  // "(+44)" is too unusual to read reliably
        }
        if text[position] == UInt8(ascii: "+") {
            plusAt = position
            position += 1
        }
        while position < count, groups.count < 10 {
            var group = Group(start: position, end: position)
            group.spaceBefore = pendingSpaceBefore
            if text[position] == UInt8(ascii: "(") {
                guard !bracketUsed, position + 1 < count, ASCII.isDigit(text[position + 1]) else { break }
                group.bracketOpen = position
                bracketUsed = true
                position += 1
            }
            let digitsStart = position
            while position < count, ASCII.isDigit(text[position]) { position += 1 }
            guard position > digitsStart else { break }
            group.start = digitsStart
            group.end = position
            if group.bracketOpen != nil {
                guard position < count, text[position] == UInt8(ascii: ")") else {
                    // An unclosed bracket: the number (if any) ends before it.
                    break
                }
                group.bracketClosed = true
                position += 1
            }
            groups.append(group)
            // The separator to the next group.
            guard position < count else { break }
            if group.bracketClosed, ASCII.isDigit(text[position]) || text[position] == UInt8(ascii: "(") {
                pendingSpaceBefore = false
                continue  // "(0)7700", "(01625)000000"
            }
            if text[position] == UInt8(ascii: "("), groups.count == 1, plusAt != nil {
                pendingSpaceBefore = false
                continue  // "+44(0)7700"
            }
            var next = position
            var spaces = 0
            var marks = 0
            func skipSpace() {
                if next < count, text[next] == 0x20 || text[next] == 0x09 {
                    next += 1
                    spaces += 1
                } else if ASCII.isNoBreakSpace(text, next) {
                    next += 2
                    spaces += 1
                }
            }
            skipSpace()
            if next < count, text[next] == UInt8(ascii: "-") || text[next] == UInt8(ascii: ".") {
                next += 1
                marks += 1
                skipSpace()
            }
            guard spaces + marks > 0, next < count else { break }
            guard ASCII.isDigit(text[next]) || (text[next] == UInt8(ascii: "(") && next + 1 < count && ASCII.isDigit(text[next + 1])) else { break }
            groups[groups.count - 1].spaceAfter = spaces > 0
            pendingSpaceBefore = spaces > 0
            position = next
        }
        let end = groups.last.map { $0.bracketClosed ? $0.end + 1 : $0.end } ?? start + 1
        return (groups, plusAt, end)
    }

    /// The valid numbers among a run's groups: from each possible start, the longest valid number.
    private func validMatches(_ text: [UInt8], groups: [Group], plusAt: Int?, runEnd: Int) -> [Match] {
        var result: [Match] = []
        var first = 0
        while first < groups.count {
            if first > 0, !groups[first].spaceBefore {
                first += 1
                continue
            }
            var found: (Match, Int)?
            var last = groups.count - 1
            while last >= first {
                // A number ends at the end of the run or where white space follows it.
                if last == groups.count - 1 || groups[last].spaceAfter,
                   let match = validate(text, groups: groups[first...last], plus: first == 0 ? plusAt : nil,
                                        isRunEnd: last == groups.count - 1) {
                    found = (match, last)
                    break
                }
                last -= 1
            }
            if let (match, last) = found {
                if !isLabelled(text, before: match.range.lowerBound) { result.append(match) }
                first = last + 1
            } else {
                first += 1
            }
        }
        return result
    }

    private func validate(_ text: [UInt8], groups: ArraySlice<Group>, plus: Int?, isRunEnd: Bool) -> Match? {
        guard let head = groups.first, let tail = groups.last else { return nil }
        let start = plus ?? head.bracketOpen ?? head.start
        // A bracket opened inside the number must close inside it.
        if let open = groups.first(where: { $0.bracketOpen != nil }), !open.bracketClosed { return nil }
        if head.bracketOpen != nil, plus != nil, head.start > start + 1 { return nil }
        let end = tail.bracketClosed ? tail.end + 1 : tail.end
        if tail.bracketClosed, groups.count == 1 { return nil }
        guard endsCleanly(text, at: end) else { return nil }
        var digits: [UInt8] = []
        var trunkZero = false
        for (offset, group) in groups.enumerated() {
            let slice = text[group.start..<group.end]
            if offset > 0, group.bracketOpen != nil, slice.count == 1, slice.first == UInt8(ascii: "0") {
                trunkZero = true  // "+44 (0)7700": the (0) is not dialled from abroad
                continue
            }
            digits += slice
        }
        // A three-digit service number after a word that dials it: "call NHS 24 on 111", "ring 101".
        if plus == nil, groups.count == 1, digits.count == 3, PhoneScanner.serviceNumbers.contains(digits),
           isDialled(text, before: start) {
            return Match(range: start..<end, canonical: String(decoding: digits, as: UTF8.self), isUK: true)
        }
        // The harmonised helplines, six digits in two groups: "116 123" (Samaritans), "116 111" (Childline).
        if plus == nil, digits.count == 6, groups.count == 2, digits.starts(with: Array("116".utf8)), text[groups[1].start..<groups[1].end].count == 3 {
            return Match(range: start..<end, canonical: String(decoding: digits, as: UTF8.self), isUK: true)
        }
        guard digits.count >= 7, digits.count <= 17 else { return nil }
        let isInternational = plus != nil || (digits.count > 2 && digits[0] == 0x30 && digits[1] == 0x30)
        if isInternational {
            let number = plus != nil ? Array(digits) : Array(digits.dropFirst(2))
            guard let leading = number.first, leading != 0x30 else { return nil }
            if number.count > 2, number[0] == UInt8(ascii: "4"), number[1] == UInt8(ascii: "4") {
                var nsn = Array(number.dropFirst(2))
                if nsn.first == 0x30 { nsn.removeFirst() }  // "+44 07700…", a common slip
                guard isValidUKNational(nsn) else { return nil }
                return Match(range: start..<end, canonical: "0" + String(decoding: nsn, as: UTF8.self), isUK: true)
            }
            if trunkZero { return nil }
            if leading == UInt8(ascii: "1") {
                guard number.count == 11, number[1] >= UInt8(ascii: "2"), number[4] >= UInt8(ascii: "2") else { return nil }
            } else if leading == UInt8(ascii: "7") {
                guard number.count == 11 else { return nil }
            } else {
                guard number.count >= 8, number.count <= 15 else { return nil }
                // Grouped numbers with a + are common in prose for counts ("+250 000"): a number
                // written with groups needs at least three of them, or a country code group of 1–3 digits.
                let firstGroupLength = (plus != nil ? head.end - head.start : head.end - head.start - 2)
                if groups.count > 1, firstGroupLength > 3 { return nil }
            }
            if plus == nil, groups.count == 1, number.count < 10 { return nil }
            return Match(range: start..<end, canonical: "+" + String(decoding: number, as: UTF8.self), isUK: false)
        }
        guard digits[0] == 0x30, !trunkZero else { return nil }
        // Every group of a national number has at least two digits ("0 7 7 0 0…" is not written).
        guard groups.allSatisfy({ $0.end - $0.start >= 2 }) else { return nil }
        let nsn = Array(digits.dropFirst())
        guard isValidUKNational(nsn) else { return nil }
        return Match(range: start..<end, canonical: String(decoding: digits, as: UTF8.self), isUK: true)
    }

    /// Whether a UK national significant number (the digits after the trunk 0) is a valid length for its range.
    func isValidUKNational(_ nsn: [UInt8]) -> Bool {
        // The short freephone form "0800 xxxx" (Ofcom keeps it for Childline's 0800 1111).
        if nsn.count == 7 { return nsn.starts(with: Array("800".utf8)) }
        guard nsn.count >= 9, nsn.count <= 10 else { return false }
        let second = nsn[1]
        switch nsn[0] {
        case UInt8(ascii: "1"):
            if nsn.count == 10 { return true }
            let national = "0" + String(decoding: nsn, as: UTF8.self)
            return shortAreaCodes.contains(String(national.prefix(6))) || shortAreaCodes.contains(String(national.prefix(5)))
        case UInt8(ascii: "2"):
            return nsn.count == 10
        case UInt8(ascii: "3"):
            return nsn.count == 10 && [UInt8(ascii: "0"), UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "7")].contains(second)
        case UInt8(ascii: "5"):
            return nsn.count == 10 && (second == UInt8(ascii: "5") || second == UInt8(ascii: "6"))
        case UInt8(ascii: "7"):
            return nsn.count == 10
        case UInt8(ascii: "8"):
            if nsn.count == 9 { return nsn.starts(with: Array("800".utf8)) }
            return second == UInt8(ascii: "0") || second == UInt8(ascii: "4") || second == UInt8(ascii: "7")
        case UInt8(ascii: "9"):
            return nsn.count == 10 && second == UInt8(ascii: "0") || nsn.count == 10 && second == UInt8(ascii: "1") || nsn.count == 10 && second == UInt8(ascii: "8")
        default:
            return false
        }
    }

    /// A number may start after white space, an opening bracket or quote, or a label's colon ("Tel:",
    /// "tel:"), never inside a word, a URL path or query, a price or another number.
    private func canStart(_ text: [UInt8], at start: Int) -> Bool {
        guard let previous = ASCII.previousScalarStart(text, before: start) else { return true }
        let byte = text[previous]
        if byte >= 0x80 {
            if ASCII.isNoBreakSpace(text, previous) { return true }
            let (scalar, _) = ASCII.decode(text, at: previous)
            // “ ‘ « — – and other punctuation are fine; letters, currency signs (£ €) are not.
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return false }
            return !(scalar == "£" || scalar == "€" || scalar == "¥" || scalar == "#" || scalar == "№")
        }
        if ASCII.isSpace(byte) { return true }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: ">"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","):
            // "Tel:07700…", "tel:+44…" — but not "10:30" or "1,200".
            guard previous > 0 else { return true }
            return !ASCII.isDigit(text[previous - 1])
        default:
            return false
        }
    }

    /// A number ends before white space or punctuation that does not continue it: not a letter or
    /// digit, not "/", "@", "%", "_" or "=", and not ",", ":" or "." followed by a digit.
    private func endsCleanly(_ text: [UInt8], at end: Int) -> Bool {
        guard end < text.count else { return true }
        if ASCII.isWordCharacter(at: end, in: text) { return false }
        let byte = text[end]
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "_"), UInt8(ascii: "="),
             UInt8(ascii: "\\"), UInt8(ascii: "+"):
            return false
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return !(end + 1 < text.count && ASCII.isDigit(text[end + 1]))
        default:
            return true
        }
    }

    /// Whether the words right before `start` say the number is something else: "Order no. …",
    /// "Ref: …", "Registered charity number …", "ISBN …".
    /// The UK's three-digit non-emergency lines: NHS 111 (NHS 24 in Scotland), police 101, power cuts 105.
    /// (Not 999 and 112: schools' safety advice gives them, and reviewers do not count them.)
    static let serviceNumbers: Set<[UInt8]> = Set(["111", "101", "105"].map { Array($0.utf8) })
    private static let diallingWords: Set<String> = ["call", "calling", "ring", "ringing", "dial", "dialling", "phone", "contact",
                                                     "ffoniwch"]

    /// Whether a word that dials a number comes at most four words before `start` ("call NHS 24 on 111",
    /// "ring 101"), or "NHS" right before it ("NHS 111"); not "came on 111 buses".
    func isDialled(_ text: [UInt8], before start: Int) -> Bool {
        var position = start
        for index in 0..<4 {
            while position > 0, ASCII.isSpace(text[position - 1]) { position -= 1 }
            let wordEnd = position
            while position > 0, ASCII.isLetter(text[position - 1]) || ASCII.isDigit(text[position - 1]) { position -= 1 }
            guard position < wordEnd else { return false }
            let word = ASCII.lowercased(text[position..<wordEnd])
            if PhoneScanner.diallingWords.contains(word) || (index == 0 && word == "nhs") { return true }
        }
        return false
    }

    func isLabelled(_ text: [UInt8], before start: Int) -> Bool {
        var position = start
        for _ in 0..<3 {
            // Skip spaces and the punctuation between a label and its number.
            while position > 0 {
                let byte = text[position - 1]
                if ASCII.isSpace(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "#")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "/") {
                    position -= 1
                } else if position >= 2, text[position - 2] == 0xC2, byte == 0xA0 || byte == 0xB0 || byte == 0xBA {
                    position -= 2  // no-break space, "N°", "Nº"
                } else {
                    break
                }
            }
            let wordEnd = position
            while position > 0, ASCII.isLetter(text[position - 1]) { position -= 1 }
            guard position < wordEnd else { return false }
            let word = ASCII.lowercased(text[position..<wordEnd])
            if labels.contains(word) { return true }
            guard PhoneScanner.connectors.contains(word) else { return false }
        }
        return false
    }

    /// Words between a label and its number: "order *no.*", "company *registration number*".
    static let connectors: Set<String> = ["no", "nos", "number", "numbers", "num", "nr", "n", "code", "reg", "registration",
                                          "registered", "id", "ref", "reference", "is", "was", "quote", "quoting", "our", "your"]

    /// A phone number as canonical digits, for comparing with the configured official numbers:
    /// "+44 (0)1625 000000" and "01625 000000" → "01625000000"; "+33 1 23 45 67 89" → "+33123456789".
    static func nationalDigits(of text: String) -> String {
        let trimmed = text.trimmingSpaces
        var digits = trimmed.utf8.filter(ASCII.isDigit)
        var international = trimmed.hasPrefix("+")
        if !international, digits.starts(with: [0x30, 0x30]) {
            digits.removeFirst(2)
            international = true
        }
        if international {
            if digits.starts(with: [0x34, 0x34]) {
                digits.removeFirst(2)
                if digits.first == 0x30 { digits.removeFirst() }
                return "0" + String(decoding: digits, as: UTF8.self)
            }
            return "+" + String(decoding: digits, as: UTF8.self)
        }
        return String(decoding: digits, as: UTF8.self)
    }
}
