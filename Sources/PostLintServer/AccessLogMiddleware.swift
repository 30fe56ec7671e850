import Foundation
import Hummingbird
import Logging

/// One log line per request: method, path, status, duration and body sizes. Never the query string,
/// headers or body, which may carry a draft (and pupils' names with it).
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = started.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let received = request.headers[.contentLength] ?? "0"
        let sent = response.body.contentLength.map(String.init) ?? "?"
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms, in \(received) B, out \(sent) B")
        return response
    }
}
