/// Here rather than beside `DocumentFormat`: which extensions pick a format is the readers' table.
extension DocumentFormat {
    /// The format for a path's extension (in any letter case), or nil when PostLint does not read
    /// that kind of file.
    public init?(path: String) {
        guard let reader = DocumentReader.reader(forPath: path) else { return nil }
        self = reader.format
    }

    /// Every extension PostLint reads, lower case, in the order messages list them.
    package static var knownExtensions: [String] { DocumentReader.readers.flatMap { $0.extensions } }

    /// ".html, .htm, … or .docx": the extensions as a sentence, for messages.
    package static var extensionList: String {
        let dotted = knownExtensions.map { "." + $0 }
        return dotted.dropLast().joined(separator: ", ") + " or " + dotted.last!
    }
}
