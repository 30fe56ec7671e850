/// The built-in checks, in one place: the data rules of the embedded rule pack and the checks
/// written in Swift. A library user passes their own list (this one plus theirs) to `Linter`.
public enum CheckRegistry {
    public static var builtIn: [any Check] {
        let checks: [any Check] = RulePack.embedded.rules + [PupilNameCheck()]
        return checks.sorted { $0.descriptor.id < $1.descriptor.id }
    }
}
