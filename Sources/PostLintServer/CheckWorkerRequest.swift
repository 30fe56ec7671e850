import PostLint

/// What the server tells a worker about a draft (the draft's bytes follow as a second part).
struct CheckWorkerRequest: Codable, Sendable {
    var format: DocumentFormat
    var filename: String
    /// Answer SARIF rather than the CLI's JSON document.
    var sarif: Bool
}
