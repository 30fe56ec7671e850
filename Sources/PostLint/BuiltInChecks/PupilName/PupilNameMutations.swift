/// Welsh and Irish change the first sound of a name after certain words: "diolch i Fabli" (Mabli),
/// "gan Ddewi" (Dewi), "Cai a Thomos" (Tomos), "Maith thú, a Shíofra!" (Síofra). A capitalised word
/// that starts no roster name after such a word is looked up again in its unmutated forms, so a
/// bilingual school's posts name their pupils as its English posts do.
enum PupilNameMutations {
    /// Welsh words after which the soft mutation comes: to, from, for, on, at, by, without, until,
    /// under, over, through, with (wrth), his, your.
    static let softTriggers = PupilNameWords.keys(["i", "o", "am", "ar", "at", "gan", "heb", "hyd", "dan", "dros", "drwy",
                                                   "trwy", "wrth", "ei", "dy", "annwyl"])
    /// After these an h follows the first consonant: Welsh "a", "â", "gyda", "tua", "ei" (her);
    /// Irish "a" (calling someone), "do", "de", "mo" (and "a" his).
    static let aspirateTriggers = PupilNameWords.keys(["a", "â", "gyda", "efo", "tua", "ei", "do", "de", "mo", "ó", "faoi"])
    /// Either kind: most capitalised words follow none of these, and one look-up turns them away.
    static let triggers = softTriggers.union(aspirateTriggers)

    /// Whether `previous` mutates the word after it (else `unmutated` has nothing to give).
    static func mutates(after previous: UInt64) -> Bool { triggers.contains(previous) }

    /// The unmutated spellings of `word` (normalised: folded to lower case) after `previous`, most
    /// likely first; empty when `previous` mutates nothing.
    static func unmutated(_ word: ArraySlice<UInt8>, after previous: UInt64) -> [[UInt8]] {
        // Most capitalised words follow no trigger: nothing to build (this runs for each of them).
        let soft = softTriggers.contains(previous)
        guard word.count >= 2, soft || aspirateTriggers.contains(previous) else { return [] }
        var forms: [[UInt8]] = []
        let first = word[word.startIndex]
        let second = word[word.startIndex + 1]
        let rest = Array(word.dropFirst())
        if aspirateTriggers.contains(previous), second == UInt8(ascii: "h"), lenitable.contains(first) {
            let lenited = [first] + word.dropFirst(2)
            forms.append(lenited)  // "thomos" → "tomos", "shiofra" → "siofra"
            // Calling a boy, Irish also makes the last consonants slender: "a Chonaill" (Conall), "a Sheáin" (Seán).
            if let broad = withoutSlenderI(lenited) { forms.append(broad) }
        }
        if soft {
            switch first {
            case UInt8(ascii: "f"):
                forms.append([UInt8(ascii: "m")] + rest)  // "fabli" → "mabli"
                forms.append([UInt8(ascii: "b")] + rest)  // "fryn" → "bryn"
            case UInt8(ascii: "g"): forms.append([UInt8(ascii: "c")] + rest)  // "gai" → "cai"
            case UInt8(ascii: "b"): forms.append([UInt8(ascii: "p")] + rest)  // "bedr" → "pedr"
            case UInt8(ascii: "d"):
                if second == UInt8(ascii: "d") { forms.append(Array(rest)) } else { forms.append([UInt8(ascii: "t")] + rest) }
            case UInt8(ascii: "l"):
                if second != UInt8(ascii: "l") { forms.append(Array("ll".utf8) + rest) }  // "lyr" → "llyr"
            case UInt8(ascii: "r"):
                if second != UInt8(ascii: "h") { forms.append(Array("rh".utf8) + rest) }  // "rodri" → "rhodri"
            default: break
            }
            // A dropped g: "Ethin" (Gethin), "Wawr" (Gwawr), "Lain" (Glain), "Rug" (Grug).
            if vowelsAndGLetters.contains(first) { forms.append([UInt8(ascii: "g")] + Array(word)) }
        }
        return forms
    }

    /// "conaill" → "conall", "seain" → "sean": the i before the final consonants taken out.
    private static func withoutSlenderI(_ word: [UInt8]) -> [UInt8]? {
        var index = word.count - 1
        while index > 0, !vowels.contains(word[index]) { index -= 1 }
        guard index > 1, index < word.count - 1, word[index] == UInt8(ascii: "i"), vowels.contains(word[index - 1]) else { return nil }
        var broad = word
        broad.remove(at: index)
        return broad
    }

    private static let vowels: Set<UInt8> = Set("aeiou".utf8)
    private static let lenitable: Set<UInt8> = Set("bcdfgmpst".utf8)
    private static let vowelsAndGLetters: Set<UInt8> = Set("aeiouwylr".utf8)
}
