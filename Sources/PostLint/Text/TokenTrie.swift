/// One automaton for a whole list of phrases or names: a trie over token keys (hashes of normalised
/// tokens), with optional edges for token classes (any number, any capitalised word). Matching walks
/// the trie from each token, so the cost per token does not grow with the number of phrases.
public struct TokenTrie: Sendable {
    /// A step in a sequence: one exact token, or any token of a class.
    public enum Step: Sendable, Hashable {
        case token(UInt64)
        case tokenClass(TokenClass)
    }

    public enum TokenClass: String, Sendable, Hashable, CaseIterable {
        case word
        case number
        case capitalizedWord = "Word"
        case any

        func matches(_ token: Token) -> Bool {
            switch self {
            case .word: token.kind == .word
            case .number: token.kind == .number
            case .capitalizedWord: token.kind == .word && token.flags.contains(.capitalized)
            case .any: true
            }
        }
    }

    /// One table for every edge of the trie, keyed by (node, token key): a large automaton (50,000
    /// pupils) is a few hundred thousand entries in one hash table instead of as many small
    /// dictionaries, which keeps building it fast and its memory compact.
    private struct Edge: Hashable, Sendable {
        var node: Int32
        var key: UInt64

        /// Keys are already well-mixed hashes: feed the hasher one word, not two.
        func hash(into hasher: inout Hasher) {
            hasher.combine(key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15))
        }
    }

    private struct Node: Sendable {
        var classEdges: [(TokenClass, Int32)] = []
        var accepts: [Int32] = []
    }

    private var nodes: [Node] = [Node()]
    private var edges: [Edge: Int32] = [:]

    public init() {}

    public var isEmpty: Bool { nodes.count == 1 }

    /// Makes room for about `count` more edges before a large batch of inserts.
    public mutating func reserveCapacity(_ count: Int) {
        edges.reserveCapacity(edges.count + count)
        nodes.reserveCapacity(nodes.count + count)
    }

    /// Adds a sequence; `payload` is returned with every match of it.
    public mutating func insert(_ steps: [Step], payload: Int32) {
        guard !steps.isEmpty else { return }
        var node: Int32 = 0
        for step in steps {
            switch step {
            case .token(let key):
                let edge = Edge(node: node, key: key)
                if let next = edges[edge] {
                    node = next
                } else {
                    nodes.append(Node())
                    let next = Int32(nodes.count - 1)
                    edges[edge] = next
                    node = next
                }
            case .tokenClass(let tokenClass):
                if let next = nodes[Int(node)].classEdges.first(where: { $0.0 == tokenClass })?.1 {
                    node = next
                } else {
                    nodes.append(Node())
                    let next = Int32(nodes.count - 1)
                    nodes[Int(node)].classEdges.append((tokenClass, next))
                    node = next
                }
            }
        }
        if !nodes[Int(node)].accepts.contains(payload) { nodes[Int(node)].accepts.append(payload) }
    }

    /// Calls `found` with (end token index, exclusive; payload) for every sequence that matches
    /// `tokens` starting at `start`. `accept` decides whether a token may take part in a match.
    public func matches(in tokens: [Token], from start: Int, accept: (Token) -> Bool = { _ in true },
                        found: (Int, Int32) -> Void) {
        var stack: [(node: Int32, next: Int)] = []
        step(from: 0, token: tokens[start], accept: accept, into: &stack, next: start + 1)
        while let (node, next) = stack.popLast() {
            for payload in nodes[Int(node)].accepts { found(next, payload) }
            guard next < tokens.count else { continue }
            step(from: Int(node), token: tokens[next], accept: accept, into: &stack, next: next + 1)
        }
    }

    /// Pushes the nodes reachable from `node` over `token`.
    @inline(__always)
    private func step(from node: Int, token: Token, accept: (Token) -> Bool,
                      into stack: inout [(node: Int32, next: Int)], next: Int) {
        guard accept(token) else { return }
        if let child = edges[Edge(node: Int32(node), key: token.key)] { stack.append((child, next)) }
        for (tokenClass, child) in nodes[node].classEdges where tokenClass.matches(token) { stack.append((child, next)) }
    }

    /// Whether any sequence starts with this token (a cheap filter before a full match).
    public func canStart(with token: Token) -> Bool {
        edges[Edge(node: 0, key: token.key)] != nil || nodes[0].classEdges.contains { $0.0.matches(token) }
    }
}
