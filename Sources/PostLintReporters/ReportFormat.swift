import PostLint

/// The output formats `--format` offers. Text and HTML are for people; the rest are for machines and stay stable.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text
    case json
    case sarif
    case github
    case html

    /// "text, json, sarif, github or html": every format as a sentence, for `--format` help texts, so
    /// a new format is offered by every command that streams reports.
    public static var sentence: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The reporter for this format. Only text uses colour; the CLI decides whether it may
    /// (a terminal and no `NO_COLOR`).
    public func reporter(useColor: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(useColor: useColor)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubActionsReporter()
        case .html: HTMLReporter()
        }
    }
}
