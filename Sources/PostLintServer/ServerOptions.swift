import Foundation

/// What `postlint serve` can be told: where to listen, how much to accept and from whom.
public struct ServerOptions: Sendable {
    /// Loopback by default, so a staff laptop does not offer drafts' checks to its network.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The largest request body accepted (413 beyond).
    public var maxBodySize = 4 * 1024 * 1024
    /// The most findings a report may hold (422 beyond): it bounds the report's size and rendering.
    public var maxFindings = 5000
    /// How long a check request may take in all: receiving the body (408 beyond), then waiting for a
    /// worker and checking (503 beyond; the check is stopped).
    public var requestTimeout: Duration = .seconds(30)
    /// How long a connection may stay silent, whether idle between requests or before its request
    /// headers are complete, before it is closed.
    public var idleTimeout: Duration = .seconds(15)
    /// Origins allowed to call the API from another site's page; none (no CORS headers) by default.
    public var allowedOrigins: [String] = []
    /// How many heavy drafts are checked at once, each in its own worker process: one per core.
    /// One more worker is kept for quick drafts, so they are answered while heavy ones run.
    public var lintConcurrency = ProcessInfo.processInfo.activeProcessorCount
    /// Drafts up to this size (other than Word files) are quick: they may use the extra worker.
    public var quickDraftSize = 32 * 1024
    /// How many check requests may wait for a worker; beyond that they are answered 503 at once.
    public var queueLength = 32
    /// The `postlint` binary whose hidden worker mode (`serve-worker`) checks drafts: `postlint serve`
    /// names itself. Required: a process embedding the server has no such mode of its own.
    public var workerExecutable: String?

    public init() {}
}
