import Hummingbird
import Logging

/// Builds the `postlint serve` application: the routes of `Endpoint` behind access logging,
/// security headers, optional CORS and JSON errors.
public enum PostLintServer {
    /// The router alone (what `HummingbirdTesting`'s `.router` setup drives).
    public static func router(checker: DraftChecker, options: ServerOptions,
                              logger: Logger) throws -> Router<BasicRequestContext> {
        let router = Router()
        // Outermost first: the log sees the final status; errors get the security and CORS headers too.
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        if !options.allowedOrigins.isEmpty {
            router.add(middleware: AllowedOriginsMiddleware(origins: Set(options.allowedOrigins)))
        }
        router.add(middleware: JSONErrorMiddleware(logger: logger))
        let handlers = try EndpointHandlers(checker: checker, options: options)
        for endpoint in Endpoint.allCases {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, _ in
                try await handlers.respond(to: endpoint, request: request)
            }
        }
        return router
    }

    /// The application, bound to `options.host` and `options.port` (0 picks a free port).
    /// `onListening` receives the port actually bound.
    public static func application(checker: DraftChecker, options: ServerOptions, logger: Logger,
                                   onListening: @escaping @Sendable (Int) async -> Void = { _ in })
        throws -> some ApplicationProtocol {
        Application(
            router: try router(checker: checker, options: options, logger: logger),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? options.port) },
            logger: logger)
    }
}
