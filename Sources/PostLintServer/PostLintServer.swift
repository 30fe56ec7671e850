import Hummingbird
import HummingbirdCore
import NIOCore
import Logging

/// Builds the `postlint serve` application: the routes of `Endpoint` behind access logging,
/// security headers, optional CORS and JSON errors.
public enum PostLintServer {
    /// The router alone (what `HummingbirdTesting`'s `.router` setup drives).
    public static func router(checker: DraftChecker, options: ServerOptions,
                              logger: Logger) throws -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        // Outermost first: the log sees the final status; errors get the security and CORS headers too.
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        if !options.allowedOrigins.isEmpty {
            router.add(middleware: AllowedOriginsMiddleware(origins: Set(options.allowedOrigins)))
        }
        router.add(middleware: JSONErrorMiddleware(logger: logger))
        let handlers = try EndpointHandlers(checker: checker, options: options)
        for endpoint in Endpoint.allCases {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await handlers.respond(to: endpoint, request: request, context: context)
            }
            // HEAD answers what GET would, headers and length, without the body.
            guard endpoint.method == .get else { continue }
            router.on(RouterPath(endpoint.path), method: .head) { request, context in
                var response = try await handlers.respond(to: endpoint, request: request, context: context)
                let length = response.body.contentLength
                response.body = ResponseBody()
                response.headers[.contentLength] = length.map(String.init)
                return response
            }
        }
        return router
    }

    /// The application, bound to `options.host` and `options.port` (0 picks a free port).
    /// `onListening` receives the port actually bound.
    public static func application(checker: DraftChecker, options: ServerOptions, logger: Logger,
                                   onListening: @escaping @Sendable (Int) async -> Void = { _ in })
        throws -> some ApplicationProtocol {
        // Silent connections (idle, or still sending their headers) are closed after the idle timeout;
        // parser errors are answered in JSON; a client that stops sending is taken as gone.
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [InputClosedHandler(), ParserErrorHandler()],
            idleTimeout: TimeAmount.nanoseconds(options.idleTimeout.components.seconds * 1_000_000_000
                + options.idleTimeout.components.attoseconds / 1_000_000_000))
        return Application(
            router: try router(checker: checker, options: options, logger: logger),
            server: .http1(configuration: http),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? options.port) },
            logger: logger)
    }
}
