import Foundation
import Hummingbird

/// A request the server refuses, answered as `{ "error": { "status": N, "message": "..." } }`.
/// Messages say what was wrong with the request; they never quote its content.
struct APIError: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var message: String
    /// Extra response headers, e.g. `Allow` on a 405.
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// The error document.
    var json: String {
        let body = Body(error: .init(status: status.code, message: message))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(body)) ?? Data(), as: UTF8.self) + "\n"
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
        }
        var error: Detail
    }
}
