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

/// What a check may consult besides the document: the configuration in force for this file.
public struct CheckContext: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }
}
