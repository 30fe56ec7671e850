/// Reads a sealed roster (format in `SealedRosterWriter`), refusing it whole rather than in part: a
/// wrong key, an edited or cut file or a newer format is an error naming the file, never an empty
/// or partial roster, which would let names through in silence.
enum SealedRosterReader {
    static func read(_ bytes: [UInt8], path: String, key: RosterKey) -> Result<Roster, RosterKeyError> {
        var lines = Lines(bytes: bytes)
        let damaged = { (line: Int) in
            RosterKeyError("the sealed roster \(path) is damaged (line \(line)); seal it again from the MIS export "
                           + "(`postlint roster seal`)")
        }
        let first = lines.next() ?? []
        guard first.starts(with: SealedRosterWriter.magicPrefix),
              let version = Int(String(decoding: first.dropFirst(SealedRosterWriter.magicPrefix.count), as: UTF8.self))
        else { return .failure(damaged(1)) }
        guard version == SealedRosterWriter.version else {
            return .failure(RosterKeyError("the sealed roster \(path) has format \(version), which this PostLint cannot read "
                                           + "(it reads format \(SealedRosterWriter.version)); update PostLint or reseal the roster"))
        }
        guard let salt = lines.next().flatMap(Self.hexBytes), salt.count == 16,
              let check = lines.next().flatMap(Self.hexBytes) else { return .failure(damaged(lines.number)) }
        let sealedKey = SealedRosterKey(key, salt: salt)
        guard check == sealedKey.check else {
            return .failure(RosterKeyError(
                "the sealed roster \(path) was sealed with another key than the one from \(key.origin). After a key "
                + "rotation, seal the MIS export again with the new key (`postlint roster seal`) and commit the new file"))
        }
        // The MAC line is the last; it covers every byte before it.
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        let macStart = (bytes[..<end].lastIndex(of: 0x0A) ?? -1) + 1
        guard let mac = Self.hexBytes(bytes[macStart..<end]), mac == sealedKey.mac(of: bytes[..<macStart]) else {
            return .failure(RosterKeyError("the sealed roster \(path) was edited or cut short (its MAC does not match); "
                                           + "seal it again from the MIS export (`postlint roster seal`)"))
        }
        lines.limit = macStart
        guard let roster = parseBody(&lines, key: sealedKey) else { return .failure(damaged(lines.number)) }
        return .success(roster)
    }

    /// Everything after the key check; nil at the first line that is not as written.
    private static func parseBody(_ lines: inout Lines, key: SealedRosterKey) -> Roster? {
        guard let counts = lines.numbers(), counts.count == 4, let consentLine = lines.next(),
              let formLengths = lines.numbers(), formLengths.allSatisfy({ $0 >= 1 }),
              let longest = formLengths.max(), let formCount = lines.numbers()?.first, formCount <= lines.remaining / 6
        else { return nil }
        var consent: Consent.Counts?
        if consentLine != Array("-".utf8)[...] {
            guard let values = Self.numbers(consentLine), values.count == 3 else { return nil }
            consent = Consent.Counts(given: values[0], refused: values[1], unknown: values[2])
        }
        var forms: [NameAutomaton.Form] = []
        for _ in 0..<formCount {
            guard let values = lines.numbers(), values.count == 3, let kind = NameAutomaton.Form.Kind(rawValue: UInt8(clamping: values[0])),
                  let state = Consent(rawValue: UInt8(clamping: values[2])) else { return nil }
            forms.append(NameAutomaton.Form(kind: kind, forenameTokens: values[1], consent: state))
        }
        guard let starts = tagTable(&lines), let prefixes = tagTable(&lines), let groups = tagTable(&lines),
              let sequenceCount = lines.numbers()?.first, sequenceCount <= lines.remaining / 19
        else { return nil }
        var sequences = SealedTagTable(capacity: sequenceCount)
        var payloads: [Int32] = []
        payloads.reserveCapacity(sequenceCount * 2)
        // Lengths of 64 tokens or more (a cell of a hundred words) are not in the mask: always looked up.
        let lengths = formLengths.reduce(0 as UInt64) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
        for _ in 0..<sequenceCount {
            guard let line = lines.next(), line.count > 17, let tag = Self.tag(line.prefix(16)), line[line.startIndex + 16] == 0x20,
                  let values = Self.numbers(line.dropFirst(17), separator: UInt8(ascii: ",")), !values.isEmpty,
                  values.allSatisfy({ $0 < forms.count }) else { return nil }
            guard sequences.insert(tag, value: Int32(payloads.count)) else { return nil }
            payloads.append(Int32(values.count))
            payloads.append(contentsOf: values.map(Int32.init))
        }
        guard lines.next() == nil else { return nil }
        let names = SealedNames(key: key, forms: forms, longest: longest, lengths: lengths, starts: starts, prefixes: prefixes,
                                groups: groups, sequences: sequences, payloads: payloads)
        let statistics = Roster.Statistics(pupils: counts[0], distinctForenames: counts[1], distinctSurnames: counts[2],
                                           duplicates: counts[3], consent: consent)
        return Roster(sealed: names, statistics: statistics)
    }

    private static func tagTable(_ lines: inout Lines) -> SealedTagTable? {
        guard let count = lines.numbers()?.first, count <= lines.remaining / 17 else { return nil }
        var table = SealedTagTable(capacity: count)
        for _ in 0..<count {
            guard let line = lines.next(), line.count == 16, let tag = Self.tag(line) else { return nil }
            table.insert(tag)
        }
        return table
    }

    /// The lines of the file, one at a time, up to `limit`.
    private struct Lines {
        let bytes: [UInt8]
        var position = 0
        var limit: Int
        /// The 1-based number of the line last read.
        private(set) var number = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            limit = bytes.count
        }

        mutating func next() -> ArraySlice<UInt8>? {
            guard position < limit else { return nil }
            let end = bytes[position..<limit].firstIndex(of: 0x0A) ?? limit
            defer { position = end + 1 }
            number += 1
            return bytes[position..<end]
        }

        mutating func numbers() -> [Int]? { next().flatMap { SealedRosterReader.numbers($0) } }

        /// Bytes left to read: a count larger than the lines that could follow is damage, not a table to allocate.
        var remaining: Int { max(0, limit - position) }
    }

    /// Decimal numbers separated by `separator`; nil unless the line is only that.
    private static func numbers(_ line: ArraySlice<UInt8>, separator: UInt8 = 0x20) -> [Int]? {
        var values: [Int] = []
        var current: Int?
        for byte in line {
            if byte == separator {
                guard let value = current else { return nil }
                values.append(value)
                current = nil
            } else if byte &- 0x30 < 10 {
                let value = (current ?? 0) * 10 + Int(byte &- 0x30)
                guard value < 1 << 31 else { return nil }
                current = value
            } else {
                return nil
            }
        }
        guard let value = current else { return nil }
        values.append(value)
        return values
    }

    private static func tag(_ hex: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for byte in hex {
            guard let digit = Self.digit(byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value == 0 ? nil : value
    }

    private static func hexBytes(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        guard hex.count % 2 == 0, !hex.isEmpty else { return nil }
        var output: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            guard let high = digit(hex[index]), let low = digit(hex[index + 1]) else { return nil }
            output.append(high << 4 | low)
            index += 2
        }
        return output
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> UInt8? {
        if byte &- 0x30 < 10 { return byte &- 0x30 }
        if byte &- 0x61 < 6 { return byte &- 0x61 + 10 }
        return nil
    }
}
