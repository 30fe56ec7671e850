/// How serious a finding is. `off` turns a rule off in configuration.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case off
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .off: 0
        case .note: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    /// One step more serious (note → warning → error), as for a pupil's name in an image's alt text.
    public var raised: Level {
        switch self {
        case .off: .off
        case .note: .warning
        case .warning, .error: .error
        }
    }
}
