/// A rule file that is read but cannot be a rule (no policy clause, no message, no patterns).
struct RuleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
