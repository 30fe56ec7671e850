import PostLint

/// Which reader a draft needs, from what the client said: an explicit `format`, else the file name's
/// extension, else the upload's media type, else plain text.
enum DraftFormat {
    /// From the readers' table, so a new reader is named here without anyone remembering to.
    static let supportedExtensions = DocumentFormat.extensionList

    static func resolve(format: String?, filename: String?, mediaType: String? = nil) throws(APIError) -> DocumentFormat {
        if let format {
            guard let value = DocumentFormat(rawValue: format.lowercased()) else {
                throw APIError(.unprocessableContent,
                               "unknown format '\(format.prefix(40))': use html, markdown or text (or docx for an upload)")
            }
            return value
        }
        if let filename, let dot = filename.lastIndex(of: "."), dot != filename.startIndex {
            guard let value = DocumentFormat(path: filename) else {
                throw APIError(.unsupportedMediaType,
                               "PostLint does not read \(filename[dot...].prefix(16)) files: send \(supportedExtensions)")
            }
            return value
        }
        switch mediaType {
        case nil, "application/octet-stream", "text/plain": return .text
        case "text/html", "application/xhtml+xml": return .html
        case "text/markdown": return .markdown
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return .docx
        case let other?:
            throw APIError(.unsupportedMediaType, "PostLint does not read \(other.prefix(80)) files: send \(supportedExtensions)")
        }
    }
}
