/// A check defined as data: a list of phrases or patterns, the kinds of prose it applies to, the
/// contexts it skips (quotations, code), and its message. All its phrases share one token trie.
public struct PhraseRule: Check {
    public let descriptor: CheckDescriptor
    let message: String
    let scope: Set<ProseKind>
    let skippedContexts: InlineContext
    let skipsQuotedText: Bool
    let patterns: [PhrasePattern]
    let trie: TokenTrie
    /// `exceptions` of the rule file, compiled like its patterns (empty when it has none).
    let exceptionTrie: TokenTrie
    let joinsNearbyMatches: Bool
    /// How many tokens may stand between two matches that join one finding: a comma and a hedge, or a
    /// short concession ("I'll admit I am biased, but I think…").
    static let nearby = 6

    /// Prose a rule applies to when its file names no scope: everything a reader sees.
    static let defaultScope = Set(ProseKind.allCases.filter(\.isProse))

    /// Compiles a checked rule: its patterns into one token trie, its file's fields into a descriptor.
    init(_ definition: RuleDefinition) {
        let file = definition.file
        descriptor = CheckDescriptor(
            id: file.id,
            title: file.title ?? file.id,
            explanation: file.explanation ?? "",
            policy: definition.policy,
            defaultLevel: file.level ?? .warning,
            help: file.help ?? "",
            tags: file.tags ?? [],
            triggeringExamples: file.examples?.triggering?.map(Self.example) ?? [],
            nonTriggeringExamples: file.examples?.nonTriggering?.map(Self.example) ?? [])
        message = definition.message
        scope = file.scope.map(Set.init) ?? PhraseRule.defaultScope
        var skipped: InlineContext = []
        for context in file.skip ?? [.code] {
            switch context {
            case .quotation: skipped.insert(.quotation)
            case .code: skipped.insert(.code)
            case .link: skipped.insert(.link)
            case .citation: skipped.insert(.citation)
            }
        }
        skippedContexts = skipped
        skipsQuotedText = skipped.contains(.quotation)
        var trie = TokenTrie()
        // Room for every phrase's edges at once: a pattern rule's trie has tens of thousands, built at start-up.
        trie.reserveCapacity(definition.patterns.reduce(0) { $0 + $1.expansionCount * 2 })
        for (index, pattern) in definition.patterns.enumerated() {
            pattern.insert(into: &trie, payload: Int32(index))
        }
        patterns = definition.patterns
        self.trie = trie
        var exceptionTrie = TokenTrie()
        for pattern in definition.exceptions {
            pattern.insert(into: &exceptionTrie, payload: 0)
        }
        self.exceptionTrie = exceptionTrie
        joinsNearbyMatches = file.joinsNearbyMatches ?? false
    }

    private static func example(_ entry: RuleFile.ExampleEntry) -> CheckExample {
        CheckExample(entry.text, format: entry.format, configuration: entry.configuration, roster: entry.roster)
    }

    public func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let skippedContexts = skippedContexts
        let skipsQuotedText = skipsQuotedText
        let accept: (Token) -> Bool = { token in
            token.contexts.isDisjoint(with: skippedContexts) && !(skipsQuotedText && token.flags.contains(.quoted))
        }
        for block in document.blocks where scope.contains(block.block.kind) {
            if !block.block.enclosing.isDisjoint(with: skippedContexts) { continue }
            let tokens = block.tokens
            var index = 0
            while true {
                index = trie.firstStart(in: tokens, from: index, to: tokens.count)
                guard index < tokens.count else { break }
                guard var end = matchEnd(tokens, at: index, accept: accept) else {
                    index += 1
                    continue
                }
                let start = index
                index = end
                if joinsNearbyMatches {
                    // A match starting within a few tokens of this one, in the same sentence, widens this
                    // finding ("Honestly, I think" is one stance); a stance later in the sentence ("…, and I
                    // would much rather…") is a finding of its own. At most `nearby` tries per join: linear.
                    var next = index
                    while next < tokens.count, next - index <= Self.nearby, !tokens[next].flags.contains(.sentenceStart),
                          !Self.opensClause(tokens, at: next) {
                        if let joined = matchEnd(tokens, at: next, accept: accept) {
                            end = joined
                            index = joined
                            next = joined
                        } else {
                            next += 1
                        }
                    }
                }
                let range = block.sourceRange(from: start, through: end - 1)
                let matched = String(decoding: block.block.text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound], as: UTF8.self)
                findings.append(Finding(range: range, message: message.replacingPlaceholder("match", with: matched.collapsingWhitespace)))
            }
        }
        return findings
    }
}

extension PhraseRule {
    /// ", and": a second clause, whose stance is a finding of its own ("I am no fan of bans, and I do not
    /// believe…"), where "Honestly, I think" and "I'm biased, but I think" are one.
    static func opensClause(_ tokens: [Token], at index: Int) -> Bool {
        index + 1 < tokens.count && tokens[index].key == comma && tokens[index + 1].key == and
    }

    private static let comma = PunctuationKeys.comma
    private static let and = FNV.hash("and")

    /// The end of the longest match starting at `start`, unless an exception covers it.
    func matchEnd(_ tokens: [Token], at start: Int, accept: (Token) -> Bool) -> Int? {
        guard trie.canStart(with: tokens[start]) else { return nil }
        var longest = start
        // A local, so the closure does not capture (and copy, with every reference in it) the whole rule.
        let patterns = patterns
        trie.matches(in: tokens, from: start, accept: accept) { end, payload in
            if patterns[Int(payload)].requiresSentenceStart && !tokens[start].flags.contains(.sentenceStart) { return }
            longest = max(longest, end)
        }
        guard longest > start, !isException(tokens, at: start, reaching: longest, accept: accept) else { return nil }
        return longest
    }

    /// Whether an exception pattern matches at `start`, or up to two tokens before it, and reaches at
    /// least to `end` (so it is the narrower reading of the same words: "Do I think…?" around "I
    /// think"). Exceptions are few and anchored, so this costs at most three walks of the exception
    /// trie per match.
    func isException(_ tokens: [Token], at start: Int, reaching end: Int, accept: (Token) -> Bool) -> Bool {
        guard !exceptionTrie.isEmpty else { return false }
        var reaches = false
        for from in max(0, start - 2)...start where exceptionTrie.canStart(with: tokens[from]) {
            exceptionTrie.matches(in: tokens, from: from, accept: accept) { exceptionEnd, _ in
                if exceptionEnd >= end { reaches = true }
            }
            if reaches { return true }
        }
        return false
    }
}

extension String {
    /// Runs of white space (line ends, tabs, no-break and other Unicode spaces) as one space, leading and
    /// trailing ones dropped, for quoting text in messages. On bytes: every finding's message calls it.
    var collapsingWhitespace: String {
        if !mayHaveWhitespaceToCollapse { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        var source = Array(utf8)[...]
        while let first = source.first {
            let width = String.whitespaceWidth(source)
            if width > 0 {
                pendingSpace = !bytes.isEmpty
                source = source.dropFirst(width)
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(first)
            source = source.dropFirst()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `parts` one after another, written into storage allocated once: an interpolation or a chain of
    /// `+` grows its storage piece by piece (and appending non-ASCII text checks the seam each time),
    /// which was most of the cost of a finding's message.
    static func concatenation(_ parts: String...) -> String {
        var count = 0
        for part in parts { count += part.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + offset).initialize(from: source, count: bytes.count)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// False when `collapsingWhitespace` would give the text back as it is: no white space but single
    /// spaces between other characters, and none of the bytes that start a multi-byte space (most quoted
    /// names and phrases), read in one pass without copying.
    private var mayHaveWhitespaceToCollapse: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == 0x20 || last == 0x20 { return true }
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x09...0x0D, 0xC2, 0xE1, 0xE2, 0xE3: return true
                case 0x20 where previous == 0x20: return true
                default: previous = byte
                }
            }
            return false
        }
    }

    /// The byte length of the white-space character at the start of `bytes` (as `Character.isWhitespace`
    /// sees it: ASCII spaces and controls, NEL, no-break space, the spaces of U+1680, U+2000–U+200A,
    /// U+2028, U+2029, U+202F, U+205F and U+3000), or 0.
    private static func whitespaceWidth(_ bytes: ArraySlice<UInt8>) -> Int {
        let index = bytes.startIndex
        switch bytes[index] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2 where bytes.count >= 2: return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where bytes.count >= 3: return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where bytes.count >= 3:
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3 where bytes.count >= 3: return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Replaces `{name}` with a value (messages of data rules).
    func replacingPlaceholder(_ name: String, with value: String) -> String {
        let placeholder = "{\(name)}"
        let bytes = Array(utf8)
        var result: [UInt8] = []
        var copied = 0
        while let offset = UTF8Search.firstOffset(of: placeholder, in: self, from: copied) {
            result += bytes[copied..<offset]
            result += value.utf8
            copied = offset + placeholder.utf8.count
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}
