import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

/// A sealed roster holds no name a reader could find: for every name of every roster we have (the
/// corpora, the Samples, and one of names made only of hex letters, accents and apostrophes), and
/// each word of it, in its own, lower, upper and folded case, as UTF-8, UTF-16 (both byte orders)
/// and base64 — none occurs in the sealed file as a word.
@Suite struct SealedRosterPrivacyTests {
    static let crafted = """
        Forename,Surname,Preferred Forename,Reg Group,Photo consent
        Ada,Dee,Bea,Cedar,Y
        Abe,Fae,,Beech,N
        Cade,Bede,Eda,Oak,
        Zoë,O'Brien,,Oak,Y
        Siobhán,Ní Bhriain,,Ash,Y
        Anna-Maria,van der Berg,Annie,Elm,N
        Łukasz,Żółć,,Elm,
        """

    static var rosters: [(name: String, csv: [UInt8])] {
        get throws {
            var rosters: [(String, [UInt8])] = [("crafted", Array(crafted.utf8))]
            for folder in SealedRosterCorpusTests.folders {
                let base = PostLintProcess.packageRoot + "/" + folder
                let config = try String(contentsOfFile: base + "/.postlint.yml", encoding: .utf8)
                for file in try SealedRosterCorpusTests.rosterFiles(in: config) {
                    rosters.append(("\(folder)/\(file)", [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + "/" + file)))))
                }
            }
            return rosters
        }
    }

    @Test func noRosterNameOccursInTheSealedFileInAnyCaseOrEncoding() throws {
        var checked = 0
        for (name, csv) in try Self.rosters {
            let pupils = RosterLoader.read(bytes: csv, path: name).pupils
            #expect(pupils.count >= 7, "\(name)")
            let folder = try TemporaryFolder()
            let path = folder.absolute("pupils.csv")
            try Data(csv).write(to: URL(fileURLWithPath: path))
            let result = RosterSealer.seal(paths: [path], options: RosterLoadOptions(),
                                           key: try RosterKey(secret: SealedRosterTests.key, origin: "a test"))
            let sealed = try #require(result.sealed, "\(name)")
            let csvBytes = RosterLoader.decode(csv).bytes
            // (Group names are classes and houses, published anyway, and some are numbers.)
            for text in Set(pupils.flatMap { $0.forenames + $0.surnames }) {
                for needle in Self.needles(text) {
                    // The detector finds the name where it is (the export itself), so its silence on
                    // the sealed file means something.
                    if needle.encoding == "UTF-8", needle.original {
                        #expect(Self.containsWord(csvBytes, needle.bytes, ignoringCase: true), "\(name): detector missed a name")
                    }
                    #expect(!Self.containsWord(sealed, needle.bytes, ignoringCase: needle.encoding == "UTF-8"),
                            "\(name): a \(needle.encoding) form of a roster name is in the sealed file")
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }

    @Test func theDetectorFindsEachEncodingAsAWord() {
        let name = "Zoë"
        for needle in Self.needles(name) {
            let planted = Array("0123 ".utf8) + needle.bytes + Array(" abc".utf8)
            #expect(Self.containsWord(planted, needle.bytes, ignoringCase: true), "\(needle.encoding)")
            if needle.encoding == "UTF-8" {
                let inside = Array("x".utf8) + needle.bytes + Array("y".utf8)
                #expect(!Self.containsWord(inside, needle.bytes, ignoringCase: true), "a part of a longer word is not the word")
            }
        }
    }

    struct Needle {
        var bytes: [UInt8]
        var encoding: String
        /// The name as the export writes it (which the export itself must contain).
        var original: Bool
    }

    /// The name and its words of three letters or more, each in every case and encoding.
    static func needles(_ text: String) -> [Needle] {
        var forms: Set<String> = [text]
        for word in text.split(whereSeparator: { " -'’".contains($0) }) where word.count >= 3 { forms.insert(String(word)) }
        var needles: [Needle] = []
        for form in forms {
            for variant in Set([form, form.lowercased(), form.uppercased(), TextNormalizer.fold(form), form.capitalized]) {
                let utf8 = Array(variant.utf8)
                needles.append(Needle(bytes: utf8, encoding: "UTF-8", original: variant == text))
                let units = Array(variant.utf16)
                needles.append(Needle(bytes: units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, encoding: "UTF-16LE", original: false))
                needles.append(Needle(bytes: units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, encoding: "UTF-16BE", original: false))
                let base64 = Data(utf8).base64EncodedString().trimmingCharacters(in: CharacterSet(charactersIn: "="))
                needles.append(Needle(bytes: Array(base64.utf8), encoding: "base64", original: false))
            }
        }
        return needles
    }

    /// Whether `needle` occurs in `haystack` with no letter, digit, `_` or non-ASCII byte on either side.
    static func containsWord(_ haystack: [UInt8], _ needle: [UInt8], ignoringCase: Bool) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let fold = { (byte: UInt8) in ignoringCase && byte &- 0x41 < 26 ? byte | 0x20 : byte }
        let target = needle.map(fold)
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
        }
        var start = 0
        while start + target.count <= haystack.count {
            var matched = true
            for offset in 0..<target.count where fold(haystack[start + offset]) != target[offset] {
                matched = false
                break
            }
            if matched, start == 0 || !isWordByte(haystack[start - 1]),
               start + target.count == haystack.count || !isWordByte(haystack[start + target.count]) {
                return true
            }
            start += 1
        }
        return false
    }
}
