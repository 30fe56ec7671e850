/// A name tokenised exactly as document text is, with its spelling variants: "Okonkwo-Hale" is
/// also matched as "Okonkwo Hale" and "Okonkwo Hale" as "Okonkwo-Hale".
struct NameTokens {
    /// The keys of the name's tokens as written in the roster.
    let keys: [UInt64]
    /// Key sequences to insert (as written, without hyphens, with hyphens between words).
    let variants: [[UInt64]]
    /// The folded words run together ("okonkwohale"), for file names.
    let joined: String
    /// The key of the first letter of the name, for "Oliver W.".
    let initialKey: UInt64?
    /// One hash of the whole folded name (its word keys), for merging duplicates.
    let hash: UInt64
    /// The name with its last word in the plural ("Fitzgeralds", "Joneses"), for families.
    let plural: [UInt64]?
    /// When sealing: the normalised text of each key above, which the sealed roster hashes instead.
    private(set) var spellings: [UInt64: [UInt8]]?

    init(_ name: String, recordingSpellings: Bool = false) {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(name.utf8), sourceStart: 0)
        let block = TokenizedBlock(block: builder.finish())
        let tokens = block.tokens
        keys = tokens.map(\.key)
        let words = tokens.filter { $0.kind == .word }
        joined = words.map { block.normalizedText(of: $0) }.joined().filter { $0 != "'" }
        initialKey = joined.first.map { FNV.hash(String($0)) }
        var variants = [keys]
        let wordKeys = words.map(\.key)
        // "O'Brien" is also written "OBrien", and file names drop the apostrophe (`zoe-obrien.jpg`).
        // (Apostrophes are looked for as bytes: String.contains goes through Foundation's range(of:).)
        let apostrophe = UInt8(ascii: "'")
        let unapostrophised = words.map { block.normalizedText(of: $0) }.filter { $0.utf8.contains(apostrophe) }
        if !unapostrophised.isEmpty {
            variants.append(words.map { word in
                let text = block.normalizedText(of: word)
                return text.utf8.contains(apostrophe) ? FNV.hash(text.filter { $0 != "'" }) : word.key
            })
        }
        if wordKeys.count > 1 {
            if wordKeys != keys { variants.append(wordKeys) }
            let hyphenated = Array(wordKeys.map { [$0] }.joined(separator: [FNV.hash("-")]))
            if hyphenated != keys { variants.append(hyphenated) }
        }
        self.variants = variants
        if let last = words.last {
            let text = block.normalizedText(of: last).filter { $0 != "'" }
            let ending = text.hasSuffix("s") || text.hasSuffix("x") || text.hasSuffix("z") || text.hasSuffix("ch")
                || text.hasSuffix("sh") ? "es" : "s"
            plural = wordKeys.dropLast() + [FNV.hash(text + ending)]
        } else {
            plural = nil
        }
        hash = wordKeys.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ $1) &* 0x100_0000_01B3 }
        if recordingSpellings {
            var spelled: [String] = tokens.map(block.normalizedText(of:)) + ["-"]
            spelled += unapostrophised.map { $0.filter { $0 != "'" } }
            if let first = joined.first { spelled.append(String(first)) }
            if let last = words.last {
                let text = block.normalizedText(of: last).filter { $0 != "'" }
                spelled += [text + "s", text + "es"]
            }
            spellings = Dictionary(spelled.map { (FNV.hash($0), Array($0.utf8)) }) { first, _ in first }
        }
    }
}
