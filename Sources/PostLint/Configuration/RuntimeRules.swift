/// What a configuration's `rules-path:` loaded at run time: phrase and pattern rules checked beside the
/// built-in ones, and entries added to the built-in word lists that checks read per configuration. Data
/// only: the linter compiles the rules into checks (`Linter.checks(for:)`), once a run.
public struct RuntimeRules: Sendable {
    var rules: [RuleDefinition] = []
    /// Entries added to built-in word lists, by list (only `WordList.extensibleAtRunTime`).
    package internal(set) var wordListAdditions: [WordList: [String]] = [:]
    /// Every rule file read (absolute), so an editor notices when one changes.
    public internal(set) var files: [String] = []

    public init() {}
}
