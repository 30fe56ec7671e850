@testable import PostLint
import Testing

/// The word lists `pupil-name` reads (and roster groups, staff names) are turned into token keys without
/// the tokenizer when they are plain ASCII words: the keys must be exactly the tokenizer's, or a list
/// entry would silently stop matching the words of a post.
@Suite struct PupilNameVocabularyKeysTests {
    @Test func everyEntryOfEveryWordListHasTheTokenizersKeys() {
        for list in WordList.allCases {
            for entry in RulePack.embedded.list(list) {
                #expect(TokenizedBlock.wordKeys(entry) == TokenizedBlock.tokenizedWordKeys(entry), "\(list.rawValue): \(entry)")
            }
        }
    }

    @Test func plainWordsTakeTheShortPathAndEverythingElseTheTokenizer() {
        let plain = ["", " ", "Dylan Thomas", "  well  done to ", "MRS", "a", "Zz", "Amelia Earhart"]
        let other = ["Zoë", "O'Brien", "O’Neill", "ks1", "Year 6", "St. Mary", "vice-chair", "well\tdone", "line\nbreak",
                     "Oliver's", "@home", "[x]", "`tick`", "{a}", "\u{00A0}Oliver"]
        for text in plain + other {
            var keys: [UInt64] = []
            #expect(TokenizedBlock.appendASCIIWordKeys(of: text, to: &keys) == plain.contains(text), "\(text)")
            #expect(TokenizedBlock.wordKeys(text) == TokenizedBlock.tokenizedWordKeys(text), "\(text)")
        }
    }

    @Test func aListsKeysAreItsEntriesKeysInOrder() {
        for list in WordList.allCases {
            #expect(RulePack.embedded.wordKeys(list) == RulePack.embedded.list(list).flatMap(TokenizedBlock.tokenizedWordKeys))
        }
    }
}
