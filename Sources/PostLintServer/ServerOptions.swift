import Foundation

/// What `postlint serve` can be told: where to listen, how much to accept and from whom.
public struct ServerOptions: Sendable {
    /// Loopback by default, so a staff laptop does not offer drafts' checks to its network.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The largest request body accepted (413 beyond). Linting is CPU-bound and cannot be interrupted,
    /// so this is what bounds the cost of one request.
    public var maxBodySize = 4 * 1024 * 1024
    /// How long reading a request's body and then waiting for a free linter may take together
    /// (408 or 503 beyond). Linting itself is bounded by `maxBodySize`, not by this.
    public var requestTimeout: Duration = .seconds(30)
    /// Origins allowed to call the API from another site's page; none (no CORS headers) by default.
    public var allowedOrigins: [String] = []
    /// How many drafts are checked at once, off the network threads: one per core.
    public var lintConcurrency = ProcessInfo.processInfo.activeProcessorCount

    public init() {}
}
