/// What the three contact checks (phone, email, address) share: the kinds of text they read, the
/// code they skip, ASCII byte classes for their one-pass scanners, and the school's own details in
/// comparable form.
enum ContactScope {
    /// Everything a reader sees, plus attribute-like text (alt, title, meta, front matter): not code,
    /// not image file names, not link targets.
    static let prose: Set<ProseKind> = Set(ProseKind.allCases.filter { $0 != .code && $0 != .imageFileName && $0 != .linkTarget })
    /// `prose` plus link targets (`tel:`, `mailto:`).
    static let proseAndLinks: Set<ProseKind> = prose.union([.linkTarget])

    /// Whether a contact check reads a block: in scope, not code as a whole, and with one of `traits`
    /// (what any finding of the check needs), so most blocks are passed over without a byte scan.
    /// A test rather than a filtered copy of the blocks: copying them retains every array they hold.
    static func reads(_ block: TokenizedBlock, in scope: Set<ProseKind>, with traits: BlockTraits) -> Bool {
        !block.traits.isDisjoint(with: traits) && scope.contains(block.block.kind) && !block.block.enclosing.contains(.code)
    }

    /// Whether a text offset lies in inline code (`code`, backticks).
    static func isCode(_ block: TextBlock, at offset: Int) -> Bool {
        guard !block.contexts.isEmpty else { return false }
        return block.contexts(at: offset).contains(.code)
    }

    /// Calls `body` with each match `scan` finds in the blocks a check reads (see `reads`), outside
    /// inline code, and the match as written with its white space collapsed, for the message: the
    /// walk the email and phone checks share.
    static func forEachMatch<Match>(in document: AnalyzedDocument, scope: Set<ProseKind>, with traits: BlockTraits,
                                    scan: ([UInt8]) -> [Match], range: (Match) -> Range<Int>,
                                    _ body: (_ block: TextBlock, _ match: Match, _ written: String) -> Void) {
        for tokenized in document.blocks where reads(tokenized, in: scope, with: traits) {
            let block = tokenized.block
            for match in scan(block.text) where !isCode(block, at: range(match).lowerBound) {
                body(block, match, String(decoding: block.text[range(match)], as: UTF8.self).collapsingWhitespace)
            }
        }
    }
}

/// ASCII byte classes; bytes ≥ 0x80 (the rest of UTF-8) are none of these.
enum ASCII {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }
    @inline(__always) static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte & ~0x20 : byte }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// The lower-case form of some ASCII bytes, as a String (for set look-ups of short words).
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map(lower), as: UTF8.self)
    }

    /// A no-break space (U+00A0, C2 A0) starting at `index`.
    @inline(__always) static func isNoBreakSpace(_ bytes: [UInt8], _ index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
    }

    /// The last scalar's first byte before `index` (so a multi-byte character is seen as one).
    static func previousScalarStart(_ bytes: [UInt8], before index: Int) -> Int? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Whether the scalar before `index` is a letter or digit of any script (é, ß…).
    @inline(__always)
    static func isWordCharacter(before index: Int, in bytes: [UInt8]) -> Bool {
        guard let start = previousScalarStart(bytes, before: index) else { return false }
        let byte = bytes[start]
        if byte < 0x80 { return isAlnum(byte) }
        let (scalar, _) = decode(bytes, at: start)
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the scalar at `index` is a letter or digit of any script.
    @inline(__always)
    static func isWordCharacter(at index: Int, in bytes: [UInt8]) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return isAlnum(byte) }
        let (scalar, _) = decode(bytes, at: index)
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return ("\u{FFFD}", 1)
    }
}

/// The school's own contact details from the configuration, normalised once per configuration.
struct SchoolContacts: Sendable {
    /// Official numbers as national digits ("+44 1625 000000" → "01625000000").
    var phones: Set<String>
    /// Official domains, lower case, without scheme, "www." or path.
    var domains: [String]
    /// Official addresses as lower-case letters and digits only.
    var addresses: [String]
    /// Postcodes found in the official addresses, upper case without spaces.
    var postcodes: Set<String>

    /// The school's contacts, normalised once per distinct `school:` settings.
    static func of(_ school: Configuration.School) -> SchoolContacts {
        cache.value(for: school, make: SchoolContacts.init)
    }
    private static let cache = DerivedValueCache<Configuration.School, SchoolContacts>()

    private init(_ school: Configuration.School) {
        phones = Set(school.phones.map { PhoneScanner.nationalDigits(of: $0) }.filter { !$0.isEmpty })
        domains = school.domains.compactMap(SchoolContacts.domain(of:))
        addresses = school.addresses.map(SchoolContacts.squeezed).filter { !$0.isEmpty }
        var postcodes = Set<String>()
        for address in school.addresses {
            for match in PostcodeScanner.scan(Array(address.utf8)) { postcodes.insert(match.normalized) }
        }
        self.postcodes = postcodes
    }

    /// "https://www.Beechwood.sch.uk/news" → "beechwood.sch.uk"; "@beechwood.sch.uk" → "beechwood.sch.uk".
    static func domain(of text: String) -> String? {
        var value = Substring(text.lowercased().trimmingSpaces)
        if let scheme = value.range(of: "://") { value = value[scheme.upperBound...] }
        if let at = value.lastIndex(of: "@") { value = value[value.index(after: at)...] }
        if let slash = value.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) { value = value[..<slash] }
        if value.hasPrefix("www.") { value = value.dropFirst(4) }
        while value.hasSuffix(".") { value = value.dropLast() }
        return value.isEmpty ? nil : String(value)
    }

    /// Whether `domain` (lower case) is an official domain or a subdomain of one.
    func isSchoolDomain(_ domain: String) -> Bool {
        domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// Lower-case letters and digits only: "12 School Lane, SK10 4AB" → "12schoollanesk104ab".
    static func squeezed(_ text: String) -> String {
        String(decoding: text.utf8.filter(ASCII.isAlnum).map(ASCII.lower), as: UTF8.self)
    }

    /// Whether an address found in a post is (part of) an official address or contains one.
    func isSchoolAddress(_ text: String) -> Bool {
        let found = SchoolContacts.squeezed(text)
        guard !found.isEmpty else { return false }
        return addresses.contains { $0.contains(found) || found.contains($0) }
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
