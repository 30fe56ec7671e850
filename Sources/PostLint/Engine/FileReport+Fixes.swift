extension FileReport {
    /// The draft's text with the fixes of its unsuppressed findings applied (a fix that overlaps one
    /// already taken is skipped), without touching the file: what `postlint check --fix` would write,
    /// for a program that keeps drafts elsewhere (a CMS, an editor buffer). Nil when no text was read.
    public var fixedText: [UInt8]? {
        source.map { FixApplier.fixedText($0, diagnostics: diagnostics).bytes }
    }
}
