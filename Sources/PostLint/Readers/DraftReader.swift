/// One kind of draft PostLint reads: its format, the file extensions that pick it, and how it becomes
/// a `Document`. `DocumentReader.readers` lists every one; a new format is a new conforming type there.
package protocol DraftReader: Sendable {
    static var format: DocumentFormat { get }
    /// Lower case, without the dot, in the order messages list them.
    static var extensions: [String] { get }
    /// Reads text already decoded (an editor buffer, standard input, a test).
    static func read(_ source: SourceText) -> Document
    /// Reads a file's bytes, or says why they cannot be read at all.
    static func read(file bytes: [UInt8], path: String) throws(UnreadableDraft) -> Document
}

extension DraftReader {
    /// A text format's file is decoded to UTF-8 first; the decoder's warnings come first among the
    /// document's problems.
    package static func read(file bytes: [UInt8], path: String) throws(UnreadableDraft) -> Document {
        let decoded: SourceDecoder.Result
        do {
            decoded = try SourceDecoder.decodeReporting(bytes, path: path, format: format)
        } catch {
            throw UnreadableDraft(message: error.byteOffset.map { "\(error.message) (at byte \($0))" } ?? error.message)
        }
        var document = read(decoded.source)
        document.problems.insert(contentsOf: decoded.warnings, at: 0)
        return document
    }
}
