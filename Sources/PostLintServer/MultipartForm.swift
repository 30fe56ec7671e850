import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts. Written here rather than taken from
/// MultipartKit, whose parser 4.7.1 traps on a header name with a byte over 0x7F: one request could
/// stop the server. Every malformation here is an `APIError` (400).
struct MultipartForm {
    /// One part of the form: its headers (names lower-cased) and its bytes.
    struct Part {
        var headers: [String: String] = [:]
        var body: ArraySlice<UInt8>

        /// A parameter of the Content-Disposition header, e.g. `name` or `filename`.
        func disposition(_ key: String) -> String? {
            MultipartForm.parameter(key, in: headers["content-disposition"] ?? "")
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private(set) var parts: [Part] = []

    private static let crlf: [UInt8] = [13, 10]

    init(_ bytes: [UInt8], boundary: String) throws(APIError) {
        let delimiter = Array("--\(boundary)".utf8)
        // The first delimiter opens the body or follows a CRLF; anything before it is a preamble.
        guard var position = Self.find(delimiter, in: bytes[...], from: 0, atLineStart: true) else {
            throw APIError(.badRequest, "the multipart/form-data body has no part (no boundary line)")
        }
        while true {
            position += delimiter.count
            if bytes[position...].starts(with: [45, 45]) { return }  // "--": the closing delimiter
            while position < bytes.count, bytes[position] == 32 || bytes[position] == 9 { position += 1 }
            guard bytes[position...].starts(with: Self.crlf) else {
                throw APIError(.badRequest, "malformed multipart/form-data body: a boundary line does not end with CRLF")
            }
            position += 2
            // The part runs to the next delimiter, which always follows a CRLF.
            guard let end = Self.find(Self.crlf + delimiter, in: bytes[...], from: position, atLineStart: false) else {
                throw APIError(.badRequest, "the multipart/form-data body ends before its closing boundary")
            }
            parts.append(try Self.part(bytes[position..<end]))
            position = end + 2
        }
    }

    /// Headers up to the first empty line, then the body.
    private static func part(_ bytes: ArraySlice<UInt8>) throws(APIError) -> Part {
        var headers: [String: String] = [:]
        var position = bytes.startIndex
        while !bytes[position...].starts(with: crlf) {
            guard let lineEnd = find(crlf, in: bytes, from: position, atLineStart: false) else {
                throw APIError(.badRequest, "malformed multipart/form-data body: a part's headers do not end with an empty line")
            }
            let line = bytes[position..<lineEnd]
            guard let colon = line.firstIndex(of: 58), colon > line.startIndex,
                  line[..<colon].allSatisfy({ $0 > 32 && $0 < 127 }) else {
                throw APIError(.badRequest, "malformed multipart/form-data body: a part has a malformed header")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            headers[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            position = lineEnd + 2
        }
        return Part(headers: headers, body: bytes[(position + 2)...])
    }

    /// Where `pattern` next occurs in `bytes` from `start` (only at the start or after a CRLF when
    /// `atLineStart`). Linear: candidates are tried only where the pattern's first byte is.
    private static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int, atLineStart: Bool) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        while let candidate = bytes[index...].firstIndex(of: first) {
            if bytes[candidate...].starts(with: pattern),
               !atLineStart || candidate == bytes.startIndex || bytes[..<candidate].suffix(2).elementsEqual(crlf) {
                return candidate
            }
            index = candidate + 1
        }
        return nil
    }

    /// `type/subtype` of a Content-Type value, lower-cased, without parameters.
    static func mediaType(_ value: String) -> String {
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
