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
    /// Every token sequence the pattern stands for.
    package let sequences: [[TokenTrie.Step]]
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
        do {
            let (anchored, sequence) = try parser.parsePattern()
            let expanded = try PhrasePattern.expand(sequence)
            guard !expanded.isEmpty, !expanded.contains(where: \.isEmpty) else {
                throw SyntaxError(pattern: text, reason: "it can match nothing (every part is optional)")
            }
            self.sequences = expanded
            self.requiresSentenceStart = anchored
        } catch let error as SyntaxError {
            // The expansion does not know the pattern's text: name it here.
            throw error.pattern.isEmpty ? SyntaxError(pattern: text, reason: error.reason) : error
        } catch {
            throw SyntaxError(pattern: text, reason: "\(error)")
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

    indirect enum Item {
        case literal(String)
        case tokenClass(TokenTrie.TokenClass)
        case group([[Item]])
        case optional(Item)
    }

    private static func expand(_ sequence: [Item]) throws(SyntaxError) -> [[TokenTrie.Step]] {
        var results: [[TokenTrie.Step]] = [[]]
        for item in sequence {
            let options = try expand(item)
            var next: [[TokenTrie.Step]] = []
            for prefix in results {
                for option in options { next.append(prefix + option) }
            }
            guard next.count <= maximumExpansions else {
                throw SyntaxError(pattern: "", reason: "it expands to more than \(maximumExpansions) phrases")
            }
            results = next
        }
        return results
    }

    private static func expand(_ item: Item) throws(SyntaxError) -> [[TokenTrie.Step]] {
        switch item {
        case .literal(let word): return [literal(word)]
        case .tokenClass(let tokenClass): return [[.tokenClass(tokenClass)]]
        case .group(let alternatives):
            var result: [[TokenTrie.Step]] = []
            for alternative in alternatives { result += try expand(alternative) }
            return result
        case .optional(let inner): return try expand(inner) + [[]]
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
                    item = .literal(String(String.UnicodeScalarView(scalars[start..<index])))
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
