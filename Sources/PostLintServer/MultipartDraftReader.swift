import Hummingbird
import PostLint

/// Reads a `multipart/form-data` upload: a file part named `file` (a `.docx`, `.html`, `.md` or `.txt`)
/// or a text field named `content`, with optional `format` and `filename` fields.
enum MultipartDraftReader {
    static func draft(from buffer: ByteBuffer, contentType: String) throws(APIError) -> Draft {
        guard let boundary = MultipartForm.parameter("boundary", in: contentType), !boundary.isEmpty,
              boundary.count <= 200 else {
            throw APIError(.badRequest, "multipart/form-data needs a boundary parameter in Content-Type")
        }
        let parts = try MultipartForm(Array(buffer.readableBytesView), boundary: boundary).parts
        let named = { (name: String) in parts.first { $0.disposition("name") == name } }
        let format = named("format")?.text
        if let file = named("file") {
            let filename = named("filename")?.text ?? file.disposition("filename")
            let mediaType = file.headers["content-type"].map(MultipartForm.mediaType)
            let kind = try DraftFormat.resolve(format: format, filename: filename, mediaType: mediaType)
            return Draft(bytes: Array(file.body), format: kind, filename: filename)
        }
        if let content = named("content") {
            let filename = named("filename")?.text
            return Draft(bytes: Array(content.body), format: try DraftFormat.resolve(format: format, filename: filename),
                         filename: filename)
        }
        throw APIError(.badRequest, "missing content: send a file part named 'file' or a field named 'content'")
    }
}
