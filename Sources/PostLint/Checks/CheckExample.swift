/// An example draft for a check's documentation and tests. In a triggering example, each flagged
/// span is marked `«like this»`: the test suite strips the marks, runs the check and expects exactly
/// those spans, so an example proves the position as well as the verdict.
public struct CheckExample: Sendable, Hashable, Codable {
    public var text: String
    public var format: DocumentFormat
    /// `.postlint.yml` text to check the example with (roster paths are not allowed here).
    public var configuration: String?
    /// Roster rows (CSV with a header) for examples of roster-based checks.
    public var roster: String?

    public init(_ text: String, format: DocumentFormat = .text, configuration: String? = nil, roster: String? = nil) {
        self.text = text
        self.format = format
        self.configuration = configuration
        self.roster = roster
    }

    /// The example's text without marks, and the marked spans as byte ranges into it.
    public var unmarked: (text: String, spans: [Range<Int>]) {
        var bytes = [UInt8]()
        var spans = [Range<Int>]()
        var open: Int?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{AB}": open = bytes.count
            case "\u{BB}":
                if let start = open { spans.append(start..<bytes.count) }
                open = nil
            default: bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return (String(decoding: bytes, as: UTF8.self), spans)
    }
}
