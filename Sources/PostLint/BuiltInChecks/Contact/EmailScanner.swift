/// Finds email addresses in UTF-8 text in one pass over the bytes: plain ones (`jane.smith+pta@gmail.com`,
/// also inside `mailto:` targets) and lightly obfuscated ones (`jane at gmail dot com`,
/// `jane [at] gmail [dot] com`, `jane(at)example.com`, `jane @ example . com`).
///
/// A plain address needs a name part, an `@` and a domain of at least two labels whose last label is
/// 2–24 letters (and not an image or document extension: `logo@2x.png` is a file). An obfuscated one
/// must end in a known top-level domain (`Rules/email-tlds.yml`), so "meet at school dot 3pm" is not an
/// address; and when the only sign is the word "at" before a dotted name ("find out more at nhs.uk"),
/// the name part must look like one (., _, +, - or a digit in it) or the domain must be a personal
/// email provider (`Rules/personal-email-domains.yml`).
struct EmailScanner: Sendable {
    struct Match: Sendable, Equatable {
        /// From the first character of the name part to the end of the domain.
        var range: Range<Int>
        /// The domain in lower case with real dots: "gmail.com".
        var domain: String
        var isObfuscated: Bool
    }

    let topLevelDomains: Set<String>
    let personalDomains: Set<String>

    init(topLevelDomains: [String] = RulePack.embedded.list(.emailTlds),
         personalDomains: [String] = RulePack.embedded.list(.personalEmailDomains)) {
        self.topLevelDomains = Set(topLevelDomains.map { $0.lowercased() })
        self.personalDomains = Set(personalDomains.map { $0.lowercased() })
    }

    static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "heic",
                                              "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "html",
                                              "htm", "js", "css", "json", "xml", "mp3", "mp4", "mov", "avi", "wav"]

    private enum AtMarker {
        case symbol        // jane@gmail.com
        case spacedSymbol  // jane @ gmail.com
        case bracketed     // jane[at]gmail.com, jane (at) gmail.com
        case word          // jane at gmail dot com
    }

    func scan(_ text: [UInt8]) -> [Match] {
        var matches: [Match] = []
        let count = text.count
        var index = 0
        var lastEnd = 0
        while index < count {
            // A marker is an "@" or has "at" in it ("jane at …", "[at]"): jump to the next "@" or "t" and
            // start from the "a" (or the bracket before it). Positions in between start no marker.
            let found = ByteSearch.firstIndex(in: text, from: index, of: UInt8(ascii: "@"), or: UInt8(ascii: "t"), foldingCase: true)
            guard found < count else { break }
            if text[found] != UInt8(ascii: "@") {
                guard found - 1 >= index, ASCII.lower(text[found - 1]) == UInt8(ascii: "a") else {
                    index = found + 1
                    continue
                }
                index = found - 2 >= index && EmailScanner.opensBracket(text[found - 2]) ? found - 2 : found - 1
            } else {
                index = found
            }
            let byte = text[index]
            var marker: AtMarker?
            var markerEnd = index
            if byte == UInt8(ascii: "@") {
                let spacedBefore = index > 0 && text[index - 1] == 0x20
                let spacedAfter = index + 1 < count && text[index + 1] == 0x20
                if spacedBefore && spacedAfter {
                    marker = .spacedSymbol
                } else if !spacedBefore && !spacedAfter {
                    marker = .symbol
                }
                markerEnd = index + 1
            } else if EmailScanner.opensBracket(byte),
                      index + 3 < count, ASCII.lower(text[index + 1]) == UInt8(ascii: "a"), ASCII.lower(text[index + 2]) == UInt8(ascii: "t"),
                      EmailScanner.closes(byte, text[index + 3]) {
                marker = .bracketed
                markerEnd = index + 4
            } else if ASCII.lower(byte) == UInt8(ascii: "a"), index > 0, text[index - 1] == 0x20, index + 2 < count,
                      ASCII.lower(text[index + 1]) == UInt8(ascii: "t"), text[index + 2] == 0x20 {
                marker = .word
                markerEnd = index + 2
            }
            guard let found = marker else {
                index += 1
                continue
            }
            if let match = address(text, markerStart: index, markerEnd: markerEnd, marker: found), match.range.lowerBound >= lastEnd {
                matches.append(match)
                lastEnd = match.range.upperBound
                index = match.range.upperBound
            } else {
                index = markerEnd
            }
        }
        return matches
    }

    private static func opensBracket(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "<")
    }

    private static func closes(_ open: UInt8, _ close: UInt8) -> Bool {
        switch open {
        case UInt8(ascii: "["): close == UInt8(ascii: "]")
        case UInt8(ascii: "("): close == UInt8(ascii: ")")
        case UInt8(ascii: "{"): close == UInt8(ascii: "}")
        default: close == UInt8(ascii: ">")
        }
    }

    @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
        ASCII.isAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "%")
    }

    @inline(__always) private static func isLabelByte(_ byte: UInt8) -> Bool {
        ASCII.isAlnum(byte) || byte == UInt8(ascii: "-")
    }

    private func address(_ text: [UInt8], markerStart: Int, markerEnd: Int, marker: AtMarker) -> Match? {
        // The name part, right before the marker (spaces allowed before a spaced or bracketed marker).
        var localEnd = markerStart
        switch marker {
        case .symbol: break
        case .spacedSymbol, .word: localEnd -= 1
        case .bracketed: if localEnd > 0, text[localEnd - 1] == 0x20 { localEnd -= 1 }
        }
        var localStart = localEnd
        while localStart > 0, EmailScanner.isLocalByte(text[localStart - 1]) { localStart -= 1 }
        while localStart < localEnd, !ASCII.isAlnum(text[localStart]) { localStart += 1 }  // ".jane", "-jane"
        guard localStart < localEnd, ASCII.isAlnum(text[localEnd - 1]) else { return nil }
        // Not part of a longer word or path: "x.com/@jane", "ünïcode@…".
        if localStart > 0 {
            let before = text[localStart - 1]
            if before >= 0x80, ASCII.isWordCharacter(before: localStart, in: text) { return nil }
            if before == UInt8(ascii: "/") || before == UInt8(ascii: "@") || before == UInt8(ascii: "\\") { return nil }
        }
        let local = text[localStart..<localEnd]

        // The domain: labels joined by real or spelled-out dots.
        var position = markerEnd
        if marker != .symbol, position < text.count, text[position] == 0x20 { position += 1 }
        var labels: [ArraySlice<UInt8>] = []
        var spelledDot = false
        var end = position
        while true {
            let labelStart = position
            while position < text.count, EmailScanner.isLabelByte(text[position]) { position += 1 }
            guard position > labelStart, ASCII.isAlnum(text[labelStart]), ASCII.isAlnum(text[position - 1]) else { break }
            labels.append(text[labelStart..<position])
            end = position
            guard let (next, spelled) = dot(text, at: position) else { break }
            position = next
            spelledDot = spelledDot || spelled
        }
        guard labels.count >= 2, let last = labels.last else { return nil }
        // The address ends where the domain does: not in the middle of a longer word.
        if end < text.count, ASCII.isWordCharacter(at: end, in: text) || text[end] == UInt8(ascii: "@") { return nil }
        let tld = ASCII.lowercased(last)
        guard tld.count >= 2, tld.count <= 24, last.allSatisfy(ASCII.isLetter), !EmailScanner.fileExtensions.contains(tld) else { return nil }
        let domain = labels.map { ASCII.lowercased($0) }.joined(separator: ".")
        let obfuscated = marker != .symbol || spelledDot
        if obfuscated {
            let lastTwo = labels.count >= 2 ? labels.suffix(2).map { ASCII.lowercased($0) }.joined(separator: ".") : tld
            guard topLevelDomains.contains(tld) || topLevelDomains.contains(lastTwo) else { return nil }
        }
        if marker == .word, !spelledDot {
            // "the code RFS15 at shop.example.com/school": a web address goes on into its path.
            if end < text.count, text[end] == UInt8(ascii: "/") { return nil }
            // "more at nhs.uk" is a web site; "jane.smith at gmail.com" is an address.
            let looksLikeAddress = local.contains { !ASCII.isLetter($0) }
            guard looksLikeAddress || personalDomains.contains(domain) else { return nil }
        }
        if marker == .word, spelledDot, EmailScanner.stopWords.contains(ASCII.lowercased(local)) { return nil }
        return Match(range: localStart..<end, domain: domain, isObfuscated: obfuscated)
    }

    /// Words that come before "at" in prose and are never an address's name part ("look at …").
    static let stopWords: Set<String> = ["look", "looked", "looking", "arrive", "arrived", "arriving", "meet", "met", "be",
                                         "is", "are", "was", "were", "us", "them", "him", "her", "me", "you", "it", "and",
                                         "or", "but", "fun", "time", "day", "home", "school", "work", "play", "stay", "here",
                                         "there", "held", "later", "online", "available", "find", "visit", "see", "found"]

    /// A dot between labels at `position`: "." directly before a label, or " dot ", "[dot]", "(dot)",
    /// " . " and their upper-case forms. Returns where the next label starts and whether it was spelled out.
    private func dot(_ text: [UInt8], at position: Int) -> (Int, Bool)? {
        let count = text.count
        guard position < count else { return nil }
        if text[position] == UInt8(ascii: "."), position + 1 < count, ASCII.isAlnum(text[position + 1]) {
            return (position + 1, false)
        }
        var cursor = position
        let spaced = text[cursor] == 0x20
        if spaced { cursor += 1 }
        guard cursor < count else { return nil }
        // " . "
        if spaced, text[cursor] == UInt8(ascii: "."), cursor + 2 < count, text[cursor + 1] == 0x20, ASCII.isAlnum(text[cursor + 2]) {
            return (cursor + 2, true)
        }
        // "[dot]", "(dot)", "{dot}", "<dot>"
        let open = text[cursor]
        if open == UInt8(ascii: "[") || open == UInt8(ascii: "(") || open == UInt8(ascii: "{") || open == UInt8(ascii: "<"),
           cursor + 4 < count, ASCII.lowercased(text[(cursor + 1)..<(cursor + 4)]) == "dot", EmailScanner.closes(open, text[cursor + 4]) {
            var next = cursor + 5
            if next < count, text[next] == 0x20 { next += 1 }
            return next < count && ASCII.isAlnum(text[next]) ? (next, true) : nil
        }
        // " dot "
        if spaced, cursor + 4 < count, ASCII.lowercased(text[cursor..<(cursor + 3)]) == "dot", text[cursor + 3] == 0x20,
           ASCII.isAlnum(text[cursor + 4]) {
            return (cursor + 4, true)
        }
        return nil
    }
}
