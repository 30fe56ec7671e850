import PostLint
import PostLintWorker

/// What the language server asks its worker process to check (the text follows as a second part).
struct LSPWorkerRequest: Codable {
    /// The path reports name: the file's path, or the URI of an unsaved document.
    var reportPath: String
    /// The file's path, from which the configuration is found; nil for an unsaved document.
    var documentPath: String?
    var format: DocumentFormat
    var workingDirectory: String
    /// Counts the server's configuration reloads, so the worker reloads when the server does.
    var configurationGeneration: Int
}
