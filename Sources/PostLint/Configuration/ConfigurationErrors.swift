/// Everything wrong with a configuration file, in file order: the loader collects all errors so that
/// a person can fix them in one go instead of one run per mistake.
public struct ConfigurationErrors: Error, CustomStringConvertible, Sendable, Hashable {
    public var errors: [ConfigurationError]

    public init(_ errors: [ConfigurationError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
