import Foundation
import Hummingbird
import PostLint

/// Reads `{ "content": "...", "format": "html|markdown|text", "filename": "optional" }`.
enum JSONDraftReader {
    private struct Body: Decodable {
        var content: String?
        var format: String?
        var filename: String?
    }

    static func draft(from buffer: ByteBuffer) throws(APIError) -> Draft {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.first?.stringValue
            throw APIError(.badRequest, field.map { "'\($0)' must be a string" } ?? "the body must be a JSON object")
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON: send {\"content\": \"...\", \"format\": \"html|markdown|text\"}")
        }
        guard let content = body.content else {
            throw APIError(.badRequest, "missing 'content': the draft's text")
        }
        let format = try DraftFormat.resolve(format: body.format, filename: body.filename)
        guard format != .docx else {
            throw APIError(.unprocessableContent, "a Word document cannot travel as JSON text: upload it as multipart/form-data")
        }
        return Draft(bytes: Array(content.utf8), format: format, filename: body.filename)
    }
}
