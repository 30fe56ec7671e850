import Hummingbird
import MultipartKit
import PostLint

/// Reads a `multipart/form-data` upload: a file part named `file` (a `.docx`, `.html`, `.md` or `.txt`)
/// or a text field named `content`, with optional `format` and `filename` fields.
enum MultipartDraftReader {
    /// One part of the form: its headers (names lower-cased) and its bytes.
    private struct Part {
        var headers: [String: String] = [:]
        var body: [UInt8] = []

        /// A parameter of the Content-Disposition header, e.g. `name` or `filename`.
        func disposition(_ key: String) -> String? {
            MultipartDraftReader.parameter(key, in: headers["content-disposition"] ?? "")
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func draft(from buffer: ByteBuffer, contentType: String) throws(APIError) -> Draft {
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty, boundary.count <= 200 else {
            throw APIError(.badRequest, "multipart/form-data needs a boundary parameter in Content-Type")
        }
        let parts = try parse(buffer, boundary: boundary)
        let named = { (name: String) in parts.first { $0.disposition("name") == name } }
        let format = named("format")?.text
        if let file = named("file") {
            let filename = named("filename")?.text ?? file.disposition("filename")
            let mediaType = file.headers["content-type"].map(mediaTypeOnly)
            let kind = try DraftFormat.resolve(format: format, filename: filename, mediaType: mediaType)
            return Draft(bytes: file.body, format: kind, filename: filename)
        }
        if let content = named("content") {
            let filename = named("filename")?.text
            return Draft(bytes: content.body, format: try DraftFormat.resolve(format: format, filename: filename),
                         filename: filename)
        }
        throw APIError(.badRequest, "missing content: send a file part named 'file' or a field named 'content'")
    }

    private static func parse(_ buffer: ByteBuffer, boundary: String) throws(APIError) -> [Part] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var current = Part()
        var started = false
        parser.onHeader = { name, value in
            started = true
            current.headers[name.lowercased()] = value
        }
        parser.onBody = { chunk in
            started = true
            current.body += chunk.readableBytesView
        }
        parser.onPartComplete = {
            parts.append(current)
            current = Part()
            started = false
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw APIError(.badRequest, "malformed multipart/form-data body")
        }
        if started {
            throw APIError(.badRequest, "the multipart/form-data body ends before its closing boundary")
        }
        return parts
    }

    /// `type/subtype` of a Content-Type value, lower-cased, without parameters.
    static func mediaTypeOnly(_ value: String) -> String {
        String(value.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The value of `key=value` or `key="value"` in a header such as Content-Type or Content-Disposition.
    static func parameter(_ key: String, in header: String) -> String? {
        for field in header.split(separator: ";").dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
