/// A problem with the input found while reading it. Errors make the run exit with status 2;
/// warnings are reported and the file is still checked.
public struct ReadProblem: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }
    public var severity: Severity
    public var message: String
    /// Where in the file, when known.
    public var byteOffset: Int?

    public init(severity: Severity, message: String, byteOffset: Int? = nil) {
        self.severity = severity
        self.message = message
        self.byteOffset = byteOffset
    }
}
