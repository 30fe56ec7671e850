/// One thing wrong with a configuration file, at a 1-based line and column, so editors and terminals
/// can jump to it. Columns count Unicode scalars, as libyaml does.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message`, the form compilers use, which terminals and editors link.
    public var description: String { "\(path):\(line):\(column): \(message)" }

    /// The same error as a `Problem`, for reporters that show problems next to findings.
    public var problem: Problem {
        Problem(severity: .error, path: path, position: SourcePosition(line: line, column: column), message: message)
    }

    /// The same error with its path passed through `rename`.
    func renamed(_ rename: (String) -> String) -> ConfigurationError {
        ConfigurationError(path: rename(path), line: line, column: column, message: message)
    }
}
