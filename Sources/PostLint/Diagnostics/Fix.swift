/// A safe rewrite that resolves a finding: one or more replacements of source byte ranges.
public struct Fix: Sendable, Hashable, Codable {
    public struct Edit: Sendable, Hashable, Codable {
        public var range: Range<Int>
        public var replacement: String

        public init(range: Range<Int>, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    public var description: String
    public var edits: [Edit]

    public init(description: String, edits: [Edit]) {
        self.description = description
        self.edits = edits
    }
}
