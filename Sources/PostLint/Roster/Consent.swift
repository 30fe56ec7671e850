/// Whether a pupil's family consented to the child being named or photographed on the school's
/// website, as the MIS export records it ("Photo consent", "Website consent"…).
///
/// Ordered from the strictest: pupils who share a name form ("Oliver", "the Patels") give it the
/// strictest state among them, so one family's refusal makes every "Oliver" an error — the check
/// cannot tell which Oliver a post means.
public enum Consent: UInt8, Sendable, Hashable, Comparable, CaseIterable {
    /// A consent column says no (or holds a value that is not a yes).
    case refused = 0
    /// No consent column, or a blank one: today's levels apply.
    case unknown = 1
    case given = 2

    public static func < (lhs: Consent, rhs: Consent) -> Bool { lhs.rawValue < rhs.rawValue }

    /// How many pupils have each state, for `postlint roster check` (never who).
    public struct Counts: Sendable, Hashable {
        public var given = 0
        public var refused = 0
        public var unknown = 0

        public init(given: Int = 0, refused: Int = 0, unknown: Int = 0) {
            self.given = given
            self.refused = refused
            self.unknown = unknown
        }

        mutating func add(_ consent: Consent) {
            switch consent {
            case .given: given += 1
            case .refused: refused += 1
            case .unknown: unknown += 1
            }
        }
    }
}
