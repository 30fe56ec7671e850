import PostLint
import Testing

@Suite struct TokenizerTests {
    private func tokenize(_ text: String) -> TokenizedBlock {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(text.utf8), sourceStart: 0)
        return TokenizedBlock(block: builder.finish())
    }

    private func words(_ text: String) -> [String] {
        let block = tokenize(text)
        return block.tokens.filter { $0.kind == .word }.map(block.text(of:))
    }

    @Test func keepsInnerApostrophesAndSplitsHyphenatedParts() {
        #expect(words("O'Brien and O’Neill met Smith-Jones.") == ["O'Brien", "and", "O’Neill", "met", "Smith", "Jones"])
    }

    @Test func lettersWithDiacriticsStayInOneWord() {
        #expect(words("Zoë, Łukasz and Siân") == ["Zoë", "Łukasz", "and", "Siân"])
    }

    @Test func normalisedFormsFoldCaseDiacriticsAndApostrophes() {
        let block = tokenize("ZOË O’Brien Straße")
        let forms = block.tokens.map(block.normalizedText(of:))
        #expect(forms == ["zoe", "o'brien", "strasse"])
    }

    @Test func possessiveSIsNotPartOfTheWordButContractionsStayWhole() {
        let block = tokenize("Oliver's painting and Zoë’s model; it's great")
        let oliver = block.tokens[0]
        #expect(block.text(of: oliver) == "Oliver")
        #expect(oliver.flags.contains(.possessive))
        #expect(block.normalizedText(of: block.tokens[3]) == "zoe")
        #expect(block.tokens.contains { block.normalizedText(of: $0) == "it's" })
    }

    @Test func aWordOrNumberLongerThanATokenCanHoldIsCutIntoTokensThatCoverIt() {
        // 100,000 letters (some that fold to two bytes) and 100,000 digits: far past `Token.maximumLength`.
        let letters = String(repeating: "aßÉ", count: 33_334)
        let digits = String(repeating: "7", count: 100_000)
        let block = tokenize(letters + " " + digits)
        let words = block.tokens.filter { $0.kind == .word }
        let numbers = block.tokens.filter { $0.kind == .number }
        #expect(words.count > 1 && numbers.count > 1)
        #expect(block.tokens.allSatisfy { $0.range.count <= Token.maximumLength && $0.normalizedRange.count <= Token.maximumLength })
        #expect(words.map(block.text(of:)).joined() == letters)
        #expect(numbers.map(block.text(of:)).joined() == digits)
        #expect(words.map(block.normalizedText(of:)).joined() == String(repeating: "asse", count: 33_334))
    }

    @Test func numbersKeepInnerSeparators() {
        let block = tokenize("Doors open at 10:30, tickets £3.50 for 1,000 seats")
        let numbers = block.tokens.filter { $0.kind == .number }.map(block.text(of:))
        #expect(numbers == ["10:30", "3.50", "1,000"])
    }

    @Test func sentenceStartsSkipTitlesAndInitials() {
        let block = tokenize("Thank you. Mrs. J. Patel came. May I ask? Yes!")
        let starts = block.tokens.filter { $0.flags.contains(.sentenceStart) }.map(block.text(of:))
        #expect(starts == ["Thank", "Mrs", "May", "Yes"])
    }

    @Test func wordsInsideQuotationMarksAreMarkedQuoted() {
        let block = tokenize("She said “I think so” and he said \"maybe\" but it's 12\" wide")
        let quoted = block.tokens.filter { $0.flags.contains(.quoted) && $0.kind == .word }.map(block.text(of:))
        #expect(quoted == ["I", "think", "so", "maybe"])
    }

    @Test func anUnclosedQuotationMarkQuotesNothing() {
        let block = tokenize("The 6\" ruler, I think, is lost")
        #expect(!block.tokens.contains { $0.flags.contains(.quoted) })
    }

    @Test func capitalisationFlags() {
        let block = tokenize("Grace IMO grace")
        #expect(block.tokens[0].flags.contains(.capitalized))
        #expect(block.tokens[1].flags.contains(.allUppercase))
        #expect(!block.tokens[2].flags.contains(.capitalized))
    }

    @Test func tokenRangesCutOutTheirOwnText() {
        let text = "Emoji 👩‍🏫 then Zoë’s café — “quoted” text, 07700 900123!"
        let block = tokenize(text)
        let bytes = Array(text.utf8)
        var rebuilt = ""
        for token in block.tokens { rebuilt += String(decoding: bytes[token.range], as: UTF8.self) }
        let withoutSpaces = text.unicodeScalars.filter { $0 != " " && $0 != "\u{200D}" }.map(String.init).joined()
        #expect(rebuilt.unicodeScalars.filter { $0 != "\u{200D}" }.map(String.init).joined() == withoutSpaces.replacingOccurrences(of: "Zoë’s", with: "Zoë"))
    }

    @Test func inlineContextsReachTheTokens() {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array("Read ".utf8), sourceStart: 0)
        builder.openContext(.link)
        builder.appendVerbatim(Array("our news".utf8), sourceStart: 5)
        builder.closeContext(.link)
        builder.appendVerbatim(Array(" today".utf8), sourceStart: 13)
        let block = TokenizedBlock(block: builder.finish())
        let linked = block.tokens.filter { $0.contexts.contains(.link) }.map(block.text(of:))
        #expect(linked == ["our", "news"])
    }
}

@Suite struct PhrasePatternTests {
    /// The phrases a pattern matches, read back from the trie it was inserted into.
    private static func matchedPhrases(_ source: String, in phrases: [String]) throws -> [String] {
        let pattern = try PhrasePattern(source)
        var trie = TokenTrie()
        pattern.insert(into: &trie, payload: 7)
        return phrases.filter { phrase in
            var builder = TextBlockBuilder(kind: .paragraph)
            builder.appendVerbatim(Array(phrase.utf8), sourceStart: 0)
            let tokens = TokenizedBlock(block: builder.finish()).tokens
            var whole = false
            trie.matches(in: tokens, from: 0) { end, payload in whole = whole || (end == tokens.count && payload == 7) }
            return whole
        }
    }

    @Test func expandsAlternativesAndOptionals() throws {
        let pattern = try PhrasePattern("I (really|truly)? (think|believe)")
        #expect(pattern.expansionCount == 6)
        #expect(!pattern.requiresSentenceStart)
        let phrases = ["I think", "I believe", "I really think", "I truly believe", "I really", "I truly really think", "really think"]
        #expect(try Self.matchedPhrases(pattern.text, in: phrases) == Array(phrases[..<4]))
    }

    @Test func nestedGroupsAndOptionalsFollowEveryPath() throws {
        let source = "(the|one of the) (most {word}|best) {word} (that)? (I|I have) (ever)? (seen|heard)"
        #expect(try PhrasePattern(source).expansionCount == 2 * 2 * 2 * 2 * 2 * 2)
        let phrases = ["the best film I have ever seen", "one of the most moving things I have seen", "the most lovely day that I heard",
                       "one of the best concerts that I have ever heard", "the best film I", "best film I have seen", "the most film I seen"]
        #expect(try Self.matchedPhrases(source, in: phrases) == Array(phrases[..<4]))
    }

    @Test func anchorAndClasses() throws {
        let pattern = try PhrasePattern("^ personally {Word}")
        #expect(pattern.requiresSentenceStart)
        #expect(pattern.expansionCount == 1)
        #expect(try Self.matchedPhrases(pattern.text, in: ["personally Ofsted", "personally ofsted", "personally 12"]) == ["personally Ofsted"])
    }

    @Test func refusesAPatternOfTooManyPhrases() {
        let group = "(a|b|c|d|e|f|g|h)"
        #expect(throws: PhrasePattern.SyntaxError.self) { try PhrasePattern(Array(repeating: group, count: 5).joined(separator: " ")) }
        #expect((try? PhrasePattern(Array(repeating: group, count: 4).joined(separator: " ")))?.expansionCount == 4096)
    }

    /// The fast path for plain words must give the tokenizer's keys, for every word of the embedded pack.
    @Test func plainWordsAreKeyedAsTheTokenizerKeysThem() throws {
        var words: Set<String> = ["I", "Personally", "IMO", "hello", "Ofsted"]
        for list in RulePack.embedded.lists.values { for entry in list { words.formUnion(entry.split(separator: " ").map(String.init)) } }
        for rule in RulePack.embedded.rules { words.formUnion(rule.descriptor.title.split(separator: " ").map(String.init)) }
        var checked = 0
        for word in words {
            guard let key = PhrasePattern.asciiWordKey(word) else { continue }
            #expect(PhrasePattern.tokenizedLiteral(word) == [.token(key)], "\(word)")
            checked += 1
        }
        #expect(checked > 500)
        #expect(PhrasePattern.asciiWordKey("I'm") == nil && PhrasePattern.asciiWordKey("café") == nil)
    }

    @Test(arguments: ["(unclosed", "a | b", "{nonsense}", "(maybe)?"])
    func rejectsBrokenPatterns(_ text: String) {
        #expect(throws: PhrasePattern.SyntaxError.self) { try PhrasePattern(text) }
    }
}
