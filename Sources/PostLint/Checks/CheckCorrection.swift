/// A draft before and after `postlint check --fix`, as SwiftLint's `corrections`: the test suite
/// writes `example` to a file (with its configuration and roster), runs the real fix on it and
/// expects `corrected`, byte for byte. A check that offers fixes shows at least one, so every fix it
/// makes is documented and tested from the same data.
public struct CheckCorrection: Sendable, Hashable, Codable {
    /// The draft as written (no marks), its format, configuration and roster.
    public var example: CheckExample
    /// The whole draft once fixed.
    public var corrected: String

    public init(_ text: String, corrected: String, format: DocumentFormat = .text, configuration: String? = nil,
                roster: String? = nil) {
        example = CheckExample(text, format: format, configuration: configuration, roster: roster)
        self.corrected = corrected
    }
}
