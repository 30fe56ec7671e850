/// The clause of the school's social media policy a check enforces, cited in every diagnostic's help.
public struct PolicyClause: Sendable, Hashable, Codable {
    /// The section number, e.g. "8".
    public var section: String
    /// The section heading, e.g. "Content of Webspace".
    public var heading: String
    /// The clause's words.
    public var text: String

    public init(section: String, heading: String, text: String) {
        self.section = section
        self.heading = heading
        self.text = text
    }

    /// "§8 Content of Webspace: “…”".
    public var citation: String { "§\(section) \(heading): \u{201C}\(text)\u{201D}" }
}
