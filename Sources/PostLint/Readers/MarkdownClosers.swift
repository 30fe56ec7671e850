/// The closer searches of one leaf's inline scan, remembered (see `ForwardSearch`) so runs of `<`,
/// `<!--`, `<!X` or `<?` stay linear.
struct MarkdownClosers {
    var tagEnd = ForwardSearch(">")
    var commentEnd = ForwardSearch("-->")
    var instructionEnd = ForwardSearch("?>")
}
