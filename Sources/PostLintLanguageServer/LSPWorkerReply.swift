import PostLint
import PostLintWorker

/// A worker's report of one document (its source is the text the server already holds).
struct LSPWorkerReply: Codable {
    var diagnostics: [Diagnostic]
    var problems: [Problem]
}
