/// One automaton for a whole list of phrases or names: a trie over token keys (hashes of normalised
/// tokens), with optional edges for token classes (any number, any capitalised word). Matching walks
/// the trie from each token, so the cost per token does not grow with the number of phrases.
package struct TokenTrie: Sendable {
    /// A step in a sequence: one exact token, or any token of a class.
    package enum Step: Sendable, Hashable {
        case token(UInt64)
        case tokenClass(TokenClass)
    }

    package enum TokenClass: String, Sendable, Hashable, CaseIterable {
        case word
        case number
        case capitalizedWord = "Word"
        case any

        var bit: UInt8 {
            switch self {
            case .word: 1
            case .number: 2
            case .capitalizedWord: 4
            case .any: 8
            }
        }

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
    /// dictionaries, which keeps building it fast and its memory compact. Open addressing with linear
    /// probing over 16-byte slots: token keys are already 64-bit hashes, so one multiply spreads them,
    /// where a `Dictionary` ran SipHash for every token of every check (a quarter of all instructions).
    private struct EdgeTable: Sendable {
        private struct Slot: Sendable {
            var key: UInt64
            var node: Int32  // -1: empty
            var target: Int32
        }

        private var slots: [Slot]
        private var shift: UInt64
        private(set) var count = 0

        init(minimumCapacity: Int = 8) {
            var bits: UInt64 = 3
            while (1 << bits) < minimumCapacity * 2 { bits += 1 }
            slots = Array(repeating: Slot(key: 0, node: -1, target: 0), count: 1 << bits)
            shift = 64 - bits
        }

        @inline(__always)
        private static func hash(_ node: Int32, _ key: UInt64, shift: UInt64) -> Int {
            let mixed = (key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed >> shift)
        }

        @inline(__always)
        func find(_ node: Int32, _ key: UInt64) -> Int32? {
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var index = Self.hash(node, key, shift: shift)
                while true {
                    let slot = slots[index]
                    if slot.node == -1 { return nil }
                    if slot.node == node && slot.key == key { return slot.target }
                    index = (index + 1) & mask
                }
            }
        }

        /// Adds an edge that is not in the table yet.
        mutating func insert(_ node: Int32, _ key: UInt64, target: Int32) {
            if (count + 1) * 2 > slots.count { reserveCapacity(count + 1) }
            let mask = slots.count - 1
            var index = Self.hash(node, key, shift: shift)
            while slots[index].node != -1 { index = (index + 1) & mask }
            slots[index] = Slot(key: key, node: node, target: target)
            count += 1
        }

        /// The keys of the edges leaving `node`.
        func keys(from node: Int32) -> [UInt64] {
            slots.compactMap { $0.node == node ? $0.key : nil }
        }

        /// Every edge as (node, key, target), in table order.
        func all() -> [(node: Int32, key: UInt64, target: Int32)] {
            slots.compactMap { $0.node == -1 ? nil : ($0.node, $0.key, $0.target) }
        }

        /// Room for `capacity` edges at a load of at most one half.
        mutating func reserveCapacity(_ capacity: Int) {
            guard capacity * 2 > slots.count else { return }
            var grown = EdgeTable(minimumCapacity: max(capacity, slots.count))
            for slot in slots where slot.node != -1 { grown.insert(slot.node, slot.key, target: slot.target) }
            self = grown
        }
    }

    private struct Node: Sendable {
        var classEdges: [(TokenClass, Int32)] = []
        /// The first payload inline (-1: none), the rest in `moreAccepts`: most accepting nodes have
        /// one, and a phrase rule's trie has tens of thousands of them, built at every start-up.
        var firstAccept: Int32 = -1
        var moreAccepts: [Int32] = []

        /// The payloads, in the order their matches return them.
        var accepts: [Int32] {
            get { firstAccept < 0 ? [] : [firstAccept] + moreAccepts }
            set {
                firstAccept = newValue.first ?? -1
                moreAccepts = Array(newValue.dropFirst())
            }
        }

        mutating func addAccept(_ payload: Int32) {
            if firstAccept < 0 {
                firstAccept = payload
            } else if firstAccept != payload && !moreAccepts.contains(payload) {
                moreAccepts.append(payload)
            }
        }
    }

    private var nodes: [Node] = [Node()]
    private var edges = EdgeTable()
    /// The token classes with an edge from the root, one bit each (`TokenClass.allCases` order):
    /// `canStart` runs for every token of every phrase check and must not touch the node array.
    private var rootClasses: UInt8 = 0
    /// A bit per root edge key (a Bloom filter with one hash, about 16 bits per key): most tokens
    /// start no sequence, and one bit test turns them away before the edge table is probed.
    private var rootFilter: [UInt64] = Array(repeating: 0, count: 8)
    private var rootEdges = 0
    /// Bounds the depth-first stack of `matches`: the longest sequence times the most edges one token
    /// can follow from a node.
    private var longestSequence = 0
    private var widestBranching = 1

    package init() {}

    package var isEmpty: Bool { nodes.count == 1 }

    /// Makes room for about `count` more edges before a large batch of inserts.
    package mutating func reserveCapacity(_ count: Int) {
        // Room in the root filter for about one edge in eight leaving the root, so that a large
        // automaton (a roster) is not rebuilding the filter as it grows (first: the rebuild reads
        // the edge table, which is still small).
        growRootFilter(toHold: rootEdges + count / 8)
        edges.reserveCapacity(edges.count + count)
        nodes.reserveCapacity(nodes.count + count)
    }

    /// Makes the root filter at least 16 bits per `keys`, re-adding the root keys when it grows (four
    /// times at a time: each rebuild reads the whole edge table).
    private mutating func growRootFilter(toHold keys: Int) {
        guard keys * 16 > rootFilter.count * 64 else { return }
        var words = rootFilter.count
        while keys * 16 > words * 64 { words *= 4 }
        rootFilter = Array(repeating: 0, count: words)
        for key in edges.keys(from: 0) { setRootBit(key) }
    }

    /// A node of the trie and the number of steps that lead to it from the root.
    package struct Position: Sendable {
        fileprivate var node: Int32
        fileprivate var depth: Int

        package static let root = Position(node: 0, depth: 0)
    }

    /// Adds a sequence; `payload` is returned with every match of it.
    package mutating func insert(_ steps: [Step], payload: Int32) {
        guard !steps.isEmpty else { return }
        accept(payload, at: steps.reduce(Position.root) { child(of: $0, $1) })
    }

    /// Adds a sequence and lets `update` change the payloads its matches return (in order).
    mutating func insert(_ steps: [Step], update: (inout [Int32]) -> Void) {
        guard !steps.isEmpty else { return }
        let end = steps.reduce(Position.root) { child(of: $0, $1) }
        longestSequence = max(longestSequence, end.depth)
        update(&nodes[Int(end.node)].accepts)
    }

    /// Makes the sequence that ends at `position` (not the root) return `payload` with its matches.
    package mutating func accept(_ payload: Int32, at position: Position) {
        longestSequence = max(longestSequence, position.depth)
        nodes[Int(position.node)].addAccept(payload)
    }

    /// The position one `step` on from `position`, made as needed.
    @inline(__always)
    package mutating func child(of position: Position, _ step: Step) -> Position {
        let node = position.node
        switch step {
        case .token(let key):
            if let next = edges.find(node, key) { return Position(node: next, depth: position.depth + 1) }
            nodes.append(Node())
            let next = Int32(nodes.count - 1)
            edges.insert(node, key, target: next)
            if node == 0 { addRootKey(key) }
            return Position(node: next, depth: position.depth + 1)
        case .tokenClass(let tokenClass):
            if let next = nodes[Int(node)].classEdges.first(where: { $0.0 == tokenClass })?.1 {
                return Position(node: next, depth: position.depth + 1)
            }
            nodes.append(Node())
            let next = Int32(nodes.count - 1)
            nodes[Int(node)].classEdges.append((tokenClass, next))
            widestBranching = max(widestBranching, 1 + nodes[Int(node)].classEdges.count)
            if node == 0 { rootClasses |= tokenClass.bit }
            return Position(node: next, depth: position.depth + 1)
        }
    }

    /// Calls `body` with every sequence that has payloads, as its token keys, and its payloads in the
    /// order matches return them (for sealing a roster). Sequences with token classes are skipped.
    func forEachSequence(_ body: ([UInt64], [Int32]) -> Void) {
        var children = [[(key: UInt64, target: Int32)]](repeating: [], count: nodes.count)
        for edge in edges.all() { children[Int(edge.node)].append((edge.key, edge.target)) }
        var path: [UInt64] = []
        func visit(_ node: Int32) {
            if nodes[Int(node)].firstAccept >= 0 { body(path, nodes[Int(node)].accepts) }
            for (key, target) in children[Int(node)] {
                path.append(key)
                visit(target)
                path.removeLast()
            }
        }
        visit(0)
    }

    private mutating func addRootKey(_ key: UInt64) {
        rootEdges += 1
        if rootEdges * 16 > rootFilter.count * 64 {
            growRootFilter(toHold: rootEdges)  // the new key is in the edge table already
        } else {
            setRootBit(key)
        }
    }

    private mutating func setRootBit(_ key: UInt64) {
        let bit = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (rootFilter.count * 64 - 1)
        rootFilter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    private func mayHaveRootEdge(_ key: UInt64) -> Bool {
        rootFilter.withUnsafeBufferPointer { filter in
            let bit = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (filter.count * 64 - 1)
            return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// Calls `found` with (end token index, exclusive; payload) for every sequence that matches
    /// `tokens` starting at `start`. `accept` decides whether a token may take part in a match.
    /// The depth-first stack lives on the call stack: this runs for every candidate token of every check.
    package func matches(in tokens: [Token], from start: Int, accept: (Token) -> Bool = { _ in true },
                        found: (Int, Int32) -> Void) {
        withUnsafeTemporaryAllocation(of: (node: Int32, next: Int).self, capacity: longestSequence * widestBranching + 1) { stack in
            var top = 0
            step(from: 0, token: tokens[start], accept: accept, into: stack, top: &top, next: start + 1)
            while top > 0 {
                top -= 1
                let (node, next) = stack[top]
                let reached = nodes[Int(node)]
                if reached.firstAccept >= 0 {
                    found(next, reached.firstAccept)
                    for payload in reached.moreAccepts { found(next, payload) }
                }
                guard next < tokens.count else { continue }
                step(from: Int(node), token: tokens[next], accept: accept, into: stack, top: &top, next: next + 1)
            }
        }
    }

    /// Pushes the nodes reachable from `node` over `token`.
    @inline(__always)
    private func step(from node: Int, token: Token, accept: (Token) -> Bool,
                      into stack: UnsafeMutableBufferPointer<(node: Int32, next: Int)>, top: inout Int, next: Int) {
        guard accept(token) else { return }
        if let child = edges.find(Int32(node), token.key) {
            stack[top] = (child, next)
            top += 1
        }
        for (tokenClass, child) in nodes[node].classEdges where tokenClass.matches(token) {
            stack[top] = (child, next)
            top += 1
        }
    }

    /// The first index in `start..<end` whose token can start a sequence, or `end`: one tight loop
    /// over the tokens for checks that try every token of a block.
    package func firstStart(in tokens: [Token], from start: Int, to end: Int) -> Int {
        tokens.withUnsafeBufferPointer { tokens in
            var index = start
            while index < end {
                if canStart(with: tokens[index]) { return index }
                index += 1
            }
            return end
        }
    }

    /// Whether any sequence starts with this token (a cheap filter before a full match).
    @inline(__always)
    package func canStart(with token: Token) -> Bool {
        if mayHaveRootEdge(token.key), edges.find(0, token.key) != nil { return true }
        guard rootClasses != 0 else { return false }
        return TokenClass.allCases.contains { rootClasses & $0.bit != 0 && $0.matches(token) }
    }
}
