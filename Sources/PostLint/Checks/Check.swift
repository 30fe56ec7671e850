/// A check inspects one document and reports findings. Built-in checks are listed in
/// `CheckRegistry`; a library user adds their own by conforming to this protocol and passing it to
/// `Linter`.
///
/// A check must be safe to run on many documents at once (it is shared across threads), and must
/// report byte ranges in `document.source.utf8` — use `TextBlock.sourceRange` for block text.
public protocol Check: Sendable {
    var descriptor: CheckDescriptor { get }
    func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding]
}

/// What a check may consult besides the document: the configuration in force for this file, and the
/// roster it names (loaded once per run by the linter's `RosterStore`), if any.
public struct CheckContext: Sendable {
    public var configuration: Configuration
    public var roster: Roster?

    public init(configuration: Configuration, roster: Roster? = nil) {
        self.configuration = configuration
        self.roster = roster
    }
}
