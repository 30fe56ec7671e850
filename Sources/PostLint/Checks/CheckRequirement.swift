/// Something a check cannot run without, beyond the draft itself. When it is missing — the roster
/// failed to load, the configuration could not be read — every draft's report says the check did NOT
/// run, so a broken set-up never passes a draft silently. Checks declare these in their descriptor;
/// nothing else keeps a list of them.
public enum CheckRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// The school's roster (`roster:`). A check that needs it reports roster names, which is also what
    /// `--redact` hides: its findings' text is a pupil's name.
    case roster

    /// The top-level configuration key that provides it.
    public var configurationKey: String {
        switch self {
        case .roster: "roster"
        }
    }

    /// How a message names it ("the roster could not be loaded").
    public var displayName: String {
        switch self {
        case .roster: "the roster"
        }
    }
}
