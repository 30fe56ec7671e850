/// A word list's entries as token keys, for the checks that look words up by key. Here, not in `Text/`,
/// so that the tokenizer's folder does not depend on the rule pack.
extension RulePack {
    /// The keys of every entry of `list`, one after another, tokenised as document text is.
    func wordKeys(_ list: WordList) -> [UInt64] {
        var keys: [UInt64] = []
        for entry in self.list(list) { TokenizedBlock.appendWordKeys(of: entry, to: &keys) }
        return keys
    }
}
