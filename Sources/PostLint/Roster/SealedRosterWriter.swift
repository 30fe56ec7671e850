/// Writes a sealed roster: the clear automaton's every name form as a keyed tag, so that matching
/// on the tags gives exactly the clear roster's findings (`SealedNames.matches`).
///
/// The file is text: a magic line, then only numbers and lower-case hex, one item a line — so no
/// byte sequence of it can be a name, in any case or encoding a reader would try (a binary file
/// of random bytes holds every three-letter name somewhere). In order:
///
///     postlint-sealed-roster 1
///     salt (32 hex digits: 16 random bytes)
///     key check (64 hex digits)
///     pupils  distinct-forenames  distinct-surnames  duplicates-merged
///     consent given  refused  unknown    (or "-": no consent column)
///     the lengths of the forms, in tokens (ascending; lengths no form has are never hashed)
///     count of forms, then one line each: kind  forename-tokens  consent
///     count of start tags, then one tag a line (16 hex digits)
///     count of prefix tags (sequences a longer form goes on from), then one a line
///     count of group tags, then one tag a line
///     count of form tags, then one a line: tag  payload[,payload…]  (payloads index the forms)
///     MAC (64 hex digits) of every byte above
///
/// Tags are sorted, so the file keeps nothing of the roster's row order.
enum SealedRosterWriter {
    static let magicPrefix = Array("postlint-sealed-roster ".utf8)
    static let version = 1

    /// Whether `bytes` are a sealed roster (by its first line, whatever the file is called).
    static func isSealed(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magicPrefix) }

    /// Seals `pupils` under `key`, with `salt` (16 random bytes; fixed only in tests).
    static func seal(pupils: [Pupil], hasConsentData: Bool, key: RosterKey,
                     salt: [UInt8] = (0..<16).map { _ in UInt8.random(in: 0...255) })
        -> (bytes: [UInt8], statistics: Roster.Statistics) {
        var builder = NameAutomaton.Builder(capacity: pupils.count, recordingSpellings: true)
        for pupil in pupils { builder.add(pupil) }
        let automaton = builder.finish()
        let spellings = builder.spellings ?? [:]
        let sealedKey = SealedRosterKey(key, salt: salt)
        var digests: [UInt64: SealedRosterKey.TokenDigest] = [:]
        func digest(_ tokenKey: UInt64) -> SealedRosterKey.TokenDigest {
            if let known = digests[tokenKey] { return known }
            // Every key inserted has its spelling; a key without one would be a form the sealed
            // roster could never match, which must not pass in silence.
            guard let text = spellings[tokenKey], FNV.hash(text[...]) == tokenKey else {
                preconditionFailure("sealing: a name token without its spelling")
            }
            let made = sealedKey.digest(of: text)
            digests[tokenKey] = made
            return made
        }
        var starts: Set<UInt64> = []
        var prefixes: Set<UInt64> = []
        var sequences: [UInt64: [Int32]] = [:]
        var lengths: Set<Int> = []
        automaton.trie.forEachSequence { keys, accepts in
            let first = digest(keys[0])
            starts.insert(first.start)
            var formTag = first.single
            var hmac = sealedKey.sequenceBase
            SealedRosterKey.append(first, to: &hmac)
            for (index, tokenKey) in keys.enumerated().dropFirst() {
                SealedRosterKey.append(digest(tokenKey), to: &hmac)
                let tags = SealedRosterKey.tags(of: hmac)
                if index + 1 < keys.count { prefixes.insert(tags.prefix) } else { formTag = tags.form }
            }
            // Two forms with one tag (about one chance in 10^8 for 50,000 pupils) share a line.
            sequences[formTag, default: []].append(contentsOf: accepts)
            lengths.insert(keys.count)
        }
        var groupTags: Set<UInt64> = []
        for group in Set(pupils.flatMap(\.groups)) {
            for word in TokenizedBlock.words(group) { groupTags.insert(sealedKey.digest(of: word.normalized).group) }
        }

        var output = Array("postlint-sealed-roster \(version)\n".utf8)
        output.reserveCapacity(64 + (starts.count + prefixes.count + groupTags.count) * 17 + sequences.count * 22)
        func line(_ text: String) { output.append(contentsOf: Array(text.utf8)); output.append(0x0A) }
        appendHex(salt, to: &output)
        appendHex(sealedKey.check, to: &output)
        let statistics = builder.statistics(hasConsentData: hasConsentData)
        line("\(statistics.pupils) \(statistics.distinctForenames) \(statistics.distinctSurnames) \(statistics.duplicates)")
        line(statistics.consent.map { "\($0.given) \($0.refused) \($0.unknown)" } ?? "-")
        line(lengths.sorted().map(String.init).joined(separator: " "))
        line("\(automaton.forms.count)")
        for form in automaton.forms { line("\(form.kind.rawValue) \(form.forenameTokens) \(form.consent.rawValue)") }
        line("\(starts.count)")
        for tag in starts.sorted() { appendTag(tag, to: &output); output.append(0x0A) }
        line("\(prefixes.count)")
        for tag in prefixes.sorted() { appendTag(tag, to: &output); output.append(0x0A) }
        line("\(groupTags.count)")
        for tag in groupTags.sorted() { appendTag(tag, to: &output); output.append(0x0A) }
        line("\(sequences.count)")
        for (tag, payloads) in sequences.sorted(by: { $0.key < $1.key }) {
            appendTag(tag, to: &output)
            output.append(0x20)
            output.append(contentsOf: Array(payloads.map(String.init).joined(separator: ",").utf8))
            output.append(0x0A)
        }
        appendHex(sealedKey.mac(of: output[...]), to: &output)
        return (output, statistics)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// A tag as 16 hex digits.
    private static func appendTag(_ tag: UInt64, to output: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) { output.append(digits[Int((tag >> UInt64(shift)) & 0xF)]) }
    }

    /// Bytes as hex digits, then a line end.
    private static func appendHex(_ bytes: [UInt8], to output: inout [UInt8]) {
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        output.append(0x0A)
    }
}
