import HTTPTypes
import Hummingbird

/// Headers on every response: the page may load only its own files from this server (no inline
/// script or style: the page keeps them in /page.js and /page.css, so injected markup cannot run),
/// nothing is sniffed or leaks a referrer, and reports (which quote the draft) are not cached.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    /// The headers themselves, also sent by `ParserErrorHandler` on requests that never reach the router.
    static var fields: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            .cacheControl: "no-store",
        ]
    }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.fields {
            response.headers[field.name] = field.value
        }
        return response
    }
}
