/// Why the server will not start: a broken configuration or roster is the operator's to fix, once,
/// rather than something every request would trip over.
public struct ServerSetupError: Error, CustomStringConvertible {
    public var messages: [String]

    public var description: String { messages.joined(separator: "\n") }
}
