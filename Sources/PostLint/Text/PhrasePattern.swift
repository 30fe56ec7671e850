/// The pattern language of data rules, compiled to token-trie sequences.
///
/// A pattern is words separated by spaces, matched token by token, case- and diacritic-insensitive:
/// - `(a|b c)` alternatives, each one or more words;
/// - `?` after a word or group makes it optional;
/// - `{word}`, `{Word}` (capitalised), `{number}`, `{any}` match any token of that class;
/// - a leading `^` matches only at the start of a sentence.
/// A plain phrase is a pattern without any of these.
package struct PhrasePattern: Sendable, Hashable {
    package let text: String
    /// The parsed pattern, literals already tokenised. It is inserted into a trie as it stands, one
    /// item after another (`insert(into:payload:)`), never expanded into its sequences: a pattern of
    /// a few groups stands for thousands of them, and expanding every pattern at every start-up was a
    /// fifth of a small post's run.
    private let items: [Item]
    /// How many token sequences the pattern stands for.
    package let expansionCount: Int
    package let requiresSentenceStart: Bool

    package struct SyntaxError: Error, CustomStringConvertible, Sendable {
        package var pattern: String
        package var reason: String
        package var description: String { "invalid pattern \"\(pattern)\": \(reason)" }
    }

    /// The most sequences one pattern may expand to; more means a pattern too loose to be useful.
    static let maximumExpansions = 4096

    package init(_ text: String) throws(SyntaxError) {
        self.text = text
        var parser = Parser(text: text)
        let (anchored, sequence) = try parser.parsePattern()
        guard !sequence.isEmpty, !Item.canBeEmpty(sequence) else {
            throw SyntaxError(pattern: text, reason: "it can match nothing (every part is optional)")
        }
        let count = Item.expansionCount(sequence)
        guard count <= PhrasePattern.maximumExpansions else {
            throw SyntaxError(pattern: text, reason: "it expands to more than \(PhrasePattern.maximumExpansions) phrases")
        }
        items = sequence
        expansionCount = count
        requiresSentenceStart = anchored
    }

    /// Adds every sequence the pattern stands for to `trie`, with `payload`. The items are followed
    /// from the set of nodes reached so far, so each trie node is made or visited once per pattern.
    package func insert(into trie: inout TokenTrie, payload: Int32) {
        for end in Item.follow(items, from: [TokenTrie.Position.root], in: &trie) {
            trie.accept(payload, at: end)
        }
    }

    /// A literal phrase: the same tokenisation as the text it is matched against. A word of ASCII
    /// letters alone, most of every pattern, is one token whose key is its lower-cased bytes hashed (as
    /// the tokenizer writes it), without building a block: patterns are compiled at every start-up.
    package static func literal(_ phrase: String) -> [TokenTrie.Step] {
        literal(Array(phrase.utf8)[...])
    }

    /// `literal` of a phrase's UTF-8 bytes, as the pattern parser reads them.
    static func literal(_ bytes: ArraySlice<UInt8>) -> [TokenTrie.Step] {
        if let key = asciiWordKey(bytes) { return [.token(key)] }
        return tokenizedLiteral(String(decoding: bytes, as: UTF8.self))
    }

    /// The key of `phrase` when it is one word of ASCII letters, else nil.
    package static func asciiWordKey(_ phrase: String) -> UInt64? { asciiWordKey(Array(phrase.utf8)[...]) }

    private static func asciiWordKey(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        var hash = FNV.basis
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): hash = FNV.combine(hash, byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): hash = FNV.combine(hash, byte | 0x20)
            default: return nil
            }
        }
        return hash
    }

    /// The tokenizer's reading of `phrase`, for every other literal (and the test of the fast path).
    package static func tokenizedLiteral(_ phrase: String) -> [TokenTrie.Step] {
        var builder = TextBlockBuilder(kind: .paragraph)
        builder.appendVerbatim(Array(phrase.utf8), sourceStart: 0)
        return TokenizedBlock(block: builder.finish()).tokens.map { .token($0.key) }
    }

    // MARK: Syntax tree

    indirect enum Item: Sendable, Hashable {
        /// A literal word or phrase, tokenised as the text it is matched against.
        case steps([TokenTrie.Step])
        case tokenClass(TokenTrie.TokenClass)
        case group([[Item]])
        case optional(Item)

        static func canBeEmpty(_ sequence: [Item]) -> Bool { sequence.allSatisfy(\.canBeEmpty) }

        var canBeEmpty: Bool {
            switch self {
            case .steps(let steps): steps.isEmpty
            case .tokenClass: false
            case .group(let alternatives): alternatives.contains(where: Item.canBeEmpty)
            case .optional: true
            }
        }

        /// How many sequences the items stand for, counted up to one more than the most allowed.
        static func expansionCount(_ sequence: [Item]) -> Int {
            sequence.reduce(1) { min($0 * $1.expansionCount, countCap) }
        }

        private static let countCap = PhrasePattern.maximumExpansions + 1

        var expansionCount: Int {
            switch self {
            case .steps, .tokenClass: 1
            case .group(let alternatives): alternatives.reduce(0) { min($0 + Item.expansionCount($1), Item.countCap) }
            case .optional(let inner): min(inner.expansionCount + 1, Item.countCap)
            }
        }

        /// The trie positions reached by following `sequence` from each of `positions`, made as needed.
        static func follow(_ sequence: [Item], from positions: [TokenTrie.Position], in trie: inout TokenTrie) -> [TokenTrie.Position] {
            var reached = positions
            for item in sequence { reached = item.follow(from: reached, in: &trie) }
            return reached
        }

        func follow(from positions: [TokenTrie.Position], in trie: inout TokenTrie) -> [TokenTrie.Position] {
            switch self {
            case .steps(let steps):
                return positions.map { position in steps.reduce(position) { trie.child(of: $0, $1) } }
            case .tokenClass(let tokenClass):
                return positions.map { trie.child(of: $0, .tokenClass(tokenClass)) }
            case .group(let alternatives):
                return alternatives.flatMap { Item.follow($0, from: positions, in: &trie) }
            case .optional(let inner):
                return positions + inner.follow(from: positions, in: &trie)
            }
        }
    }

    /// Reads a pattern's UTF-8 bytes: its syntax is ASCII, so a byte never mistakes part of a letter for it.
    private struct Parser {
        let text: String
        let bytes: [UInt8]
        var index = 0

        init(text: String) {
            self.text = text
            bytes = Array(text.utf8)
        }

        mutating func parsePattern() throws(SyntaxError) -> (Bool, [Item]) {
            skipSpaces()
            var anchored = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "^") {
                anchored = true
                index += 1
            }
            let sequence = try parseSequence(inGroup: false)
            guard index == bytes.count else { throw SyntaxError(pattern: text, reason: "unexpected \"\(Character(Unicode.Scalar(bytes[index])))\"") }
            return (anchored, sequence)
        }

        mutating func parseSequence(inGroup: Bool) throws(SyntaxError) -> [Item] {
            var items: [Item] = []
            while true {
                skipSpaces()
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "|") {
                    guard inGroup else { throw SyntaxError(pattern: text, reason: "\"\(Character(Unicode.Scalar(byte)))\" outside a group") }
                    break
                }
                var item: Item
                if byte == UInt8(ascii: "(") {
                    index += 1
                    var alternatives = [try parseSequence(inGroup: true)]
                    while index < bytes.count, bytes[index] == UInt8(ascii: "|") {
                        index += 1
                        alternatives.append(try parseSequence(inGroup: true))
                    }
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else {
                        throw SyntaxError(pattern: text, reason: "a group is not closed with \")\"")
                    }
                    index += 1
                    item = .group(alternatives)
                } else if byte == UInt8(ascii: "{") {
                    guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
                        throw SyntaxError(pattern: text, reason: "a class is not closed with \"}\"")
                    }
                    let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                    guard let tokenClass = TokenTrie.TokenClass(rawValue: name) else {
                        throw SyntaxError(pattern: text, reason: "unknown class {\(name)}; known: {word}, {Word}, {number}, {any}")
                    }
                    index = close + 1
                    item = .tokenClass(tokenClass)
                } else {
                    let start = index
                    while index < bytes.count, !Parser.isSyntax(bytes[index]) { index += 1 }
                    item = .steps(PhrasePattern.literal(bytes[start..<index]))
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
                    index += 1
                    item = .optional(item)
                }
                items.append(item)
            }
            return items
        }

        /// The bytes that end a literal word: space, tab, ( ) | ? { }.
        static func isSyntax(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"),
                 UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"): true
            default: false
            }
        }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        }
    }
}
