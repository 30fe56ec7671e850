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
    @Test func expandsAlternativesAndOptionals() throws {
        let pattern = try PhrasePattern("I (really|truly)? (think|believe)")
        #expect(pattern.sequences.count == 6)
        #expect(!pattern.requiresSentenceStart)
    }

    @Test func anchorAndClasses() throws {
        let pattern = try PhrasePattern("^ personally {Word}")
        #expect(pattern.requiresSentenceStart)
        #expect(pattern.sequences == [PhrasePattern.literal("personally") + [.tokenClass(.capitalizedWord)]])
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
