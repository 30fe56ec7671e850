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
        if let key = asciiWordKey(phrase) { return [.token(key)] }
        return tokenizedLiteral(phrase)
    }

    /// The key of `phrase` when it is one word of ASCII letters, else nil.
    package static func asciiWordKey(_ phrase: String) -> UInt64? {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(phrase.utf8.count)
        for byte in phrase.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lowered.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lowered.append(byte | 0x20)
            default: return nil
            }
        }
        return lowered.isEmpty ? nil : FNV.hash(lowered[...])
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

    private struct Parser {
        let text: String
        var scalars: [Unicode.Scalar]
        var index = 0

        init(text: String) {
            self.text = text
            scalars = Array(text.unicodeScalars)
        }

        mutating func parsePattern() throws(SyntaxError) -> (Bool, [Item]) {
            skipSpaces()
            var anchored = false
            if index < scalars.count, scalars[index] == "^" {
                anchored = true
                index += 1
            }
            let sequence = try parseSequence(inGroup: false)
            guard index == scalars.count else { throw SyntaxError(pattern: text, reason: "unexpected \"\(scalars[index])\"") }
            return (anchored, sequence)
        }

        mutating func parseSequence(inGroup: Bool) throws(SyntaxError) -> [Item] {
            var items: [Item] = []
            while true {
                skipSpaces()
                guard index < scalars.count else { break }
                let scalar = scalars[index]
                if scalar == ")" || scalar == "|" {
                    guard inGroup else { throw SyntaxError(pattern: text, reason: "\"\(scalar)\" outside a group") }
                    break
                }
                var item: Item
                if scalar == "(" {
                    index += 1
                    var alternatives = [try parseSequence(inGroup: true)]
                    while index < scalars.count, scalars[index] == "|" {
                        index += 1
                        alternatives.append(try parseSequence(inGroup: true))
                    }
                    guard index < scalars.count, scalars[index] == ")" else {
                        throw SyntaxError(pattern: text, reason: "a group is not closed with \")\"")
                    }
                    index += 1
                    item = .group(alternatives)
                } else if scalar == "{" {
                    guard let close = scalars[index...].firstIndex(of: "}") else {
                        throw SyntaxError(pattern: text, reason: "a class is not closed with \"}\"")
                    }
                    let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                    guard let tokenClass = TokenTrie.TokenClass(rawValue: name) else {
                        throw SyntaxError(pattern: text, reason: "unknown class {\(name)}; known: {word}, {Word}, {number}, {any}")
                    }
                    index = close + 1
                    item = .tokenClass(tokenClass)
                } else {
                    let start = index
                    while index < scalars.count, !" \t()|?{}".unicodeScalars.contains(scalars[index]) { index += 1 }
                    item = .steps(PhrasePattern.literal(String(String.UnicodeScalarView(scalars[start..<index]))))
                }
                if index < scalars.count, scalars[index] == "?" {
                    index += 1
                    item = .optional(item)
                }
                items.append(item)
            }
            return items
        }

        mutating func skipSpaces() {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        }
    }
}
