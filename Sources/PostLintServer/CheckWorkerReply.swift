/// A worker's answer (the body follows as a second part): the HTTP status and whether the body is
/// the report or an error message for the client.
struct CheckWorkerReply: Codable, Sendable {
    var status: Int
    var isReport: Bool
}
