import Hummingbird
import Logging

/// Turns every failure into the API's error document with the right status: the server's own
/// `APIError`s, the router's 404 (a 405 with `Allow` when the path exists for other methods), and
/// anything unexpected as a 500 whose details stay in the log (by type only: never request content).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try translate(error.status, request: request).response(from: request, context: context)
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: type(of: error)))")
            return try APIError(.internalServerError, "the server could not handle this request")
                .response(from: request, context: context)
        }
    }

    private func translate(_ status: HTTPResponse.Status, request: Request) -> APIError {
        guard status == .notFound else { return APIError(status, status.reasonPhrase) }
        let path = request.uri.path
        let allowed = Endpoint.methods(for: path)
        guard !allowed.isEmpty else {
            return APIError(.notFound, "no such endpoint: \(path.prefix(200)) (see /api/v1/openapi.yaml)")
        }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(.methodNotAllowed, "\(path) answers \(list), not \(request.method.rawValue.prefix(20))",
                        headers: [.allow: list])
    }
}
