/// The built-in checks, in one place: the data rules of the embedded rule pack and the checks
/// written in Swift. A library user passes their own list (this one plus theirs) to `Linter`.
public enum CheckRegistry {
    public static var builtIn: [any Check] {
        var checks: [any Check] = RulePack.embedded.rules
        checks.append(MissingLogoCheck())
        checks.append(MissingAuthorPositionCheck())
        checks.append(UnapprovedCitationCheck())
        checks += [ContactPhoneCheck(), ContactEmailCheck(), ContactAddressCheck()]
        checks.append(PupilNameCheck())
        return checks.sorted { $0.descriptor.id < $1.descriptor.id }
    }
}
