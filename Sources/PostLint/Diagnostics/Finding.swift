/// What a check reports: a source byte range, a message and optionally a different level or a fix.
/// The engine turns findings into `Diagnostic`s (positions, snippet, configured level, suppression).
public struct Finding: Sendable {
    public var range: Range<Int>
    public var message: String
    /// A level other than the rule's configured one (a name in alt text is one step more serious).
    public var level: Level?
    /// Set when the level is relative: the configured level raised one step.
    public var raisesLevel: Bool
    public var fix: Fix?
    /// The finding is about the draft as a whole (nothing in it is wrong; something is missing), and
    /// its range only gives it a place to be shown.
    public var isAboutDocument: Bool

    public init(range: Range<Int>, message: String, level: Level? = nil, raisesLevel: Bool = false, fix: Fix? = nil,
                isAboutDocument: Bool = false) {
        self.range = range
        self.message = message
        self.level = level
        self.raisesLevel = raisesLevel
        self.fix = fix
        self.isAboutDocument = isAboutDocument
    }
}
