/// What a configuration's `rules-path:` loaded at run time: phrase and pattern rules checked beside the
/// built-in ones, and entries added to the built-in word lists that checks read per configuration.
public struct RuntimeRules: Sendable {
    public internal(set) var rules: [PhraseRule] = []
    /// Entries added to built-in word lists, by list (only `WordList.extensibleAtRunTime`).
    package internal(set) var wordListAdditions: [WordList: [String]] = [:]
    /// Every rule file read (absolute), so an editor notices when one changes.
    public internal(set) var files: [String] = []

    public init() {}
}
