/// A stretch of a draft that outputs show as a placeholder instead of its text (`--redact`): a
/// pupil's name that a check matched. Reporters that quote the draft (text excerpts, the HTML
/// report) substitute it; positions in every output stay those of the draft itself.
public struct RedactedSpan: Sendable, Hashable, Codable {
    /// Bytes of the draft's UTF-8 text.
    public var range: Range<Int>
    /// What is shown instead, such as "[Pupil's name]".
    public var placeholder: String

    public init(range: Range<Int>, placeholder: String) {
        self.range = range
        self.placeholder = placeholder
    }
}
