import Hummingbird
import Logging
import NIOHTTP1

/// Turns every failure into the API's error document with the right status: the server's own
/// `APIError`s, the router's 404 (a 405 with `Allow` when the path exists for other methods), a full
/// queue (503), a check whose worker died (500) or whose client left (499, for the log only), and
/// anything unexpected as a 500 whose details stay in the log (by type only: never request content).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try apiError(for: error, request: request).response(from: request, context: context)
        }
    }

    private func apiError(for error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as any HTTPResponseError:
            return translate(error.status, request: request)
        case WorkerPool.Failure.queueFull:
            return APIError(.serviceUnavailable, "the server is busy checking other drafts; try again shortly",
                            headers: [.retryAfter: "1"])
        case WorkerPool.Failure.workerDied(let reason):
            // A bug in a check: the worker that hit it is gone and replaced; nothing of the draft is logged.
            logger.error("\(request.method) \(request.uri.path): the check stopped unexpectedly (worker \(reason))")
            return APIError(.internalServerError, "checking this draft failed unexpectedly (a bug in PostLint); other drafts are still checked")
        case is ClientDeparture.Gone, is CancellationError:
            logger.info("\(request.method) \(request.uri.path): the client went away; its check was stopped")
            return APIError(HTTPResponse.Status(code: 499), "the client went away")
        case let error as HTTPParserError:
            return APIError(.badRequest, "the request body is not HTTP/1.1 this server can read (\(error))")
        default:
            logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: type(of: error)))")
            return APIError(.internalServerError, "the server could not handle this request")
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
