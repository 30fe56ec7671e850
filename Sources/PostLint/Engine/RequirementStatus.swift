/// Whether one check's requirements are met for a draft. A check that cannot run, or runs on part of
/// what it needs, says so in the draft's report: an unmet requirement must never look like a clean draft.
package enum RequirementStatus: Sendable, Hashable {
    case met
    /// The check runs on what could be loaded; the reason says what is missing.
    case partial(reason: String)
    /// The check cannot run.
    case unmet(reason: String)

    /// The status of `requirement` under `configuration`. `rosterLoaded` tells whether the roster files
    /// it names gave any pupils (nil when it names none).
    package static func of(_ requirement: CheckRequirement, configuration: Configuration, rosterLoaded: Bool?) -> RequirementStatus {
        let name = requirement.displayName
        let errors = configuration.damage?.errors(affecting: requirement.configurationKey) ?? []
        switch requirement {
        case .roster:
            if rosterLoaded == false {
                return .unmet(reason: "\(name) could not be loaded (its errors are listed with the roster file)")
            }
            guard let first = errors.first else { return .met }
            // Where, not the whole error: it is listed (once) with the configuration's errors.
            let cause = "see \(first.path):\(first.line):\(first.column)"
                + (errors.count > 1 ? " and \(errors.count - 1) more" : "")
            if configuration.damage?.isTotal == true {
                return .unmet(reason: "the configuration could not be read, so \(name) is unknown (\(cause))")
            }
            if rosterLoaded == true {
                return .partial(reason: "part of \(name) could not be loaded, so only the pupils in the files that loaded were looked for (\(cause))")
            }
            return .unmet(reason: "\(name) could not be loaded (\(cause))")
        }
    }

    /// The problem a draft (or a configuration file, for a whole run) reports for `descriptor`, or nil when met.
    package func problem(for descriptor: CheckDescriptor, path: String, position: SourcePosition? = SourcePosition(line: 1, column: 1)) -> Problem? {
        let what = "\(descriptor.id) (\(descriptor.title))"
        switch self {
        case .met:
            return nil
        case .partial(let reason):
            return Problem(severity: .error, path: path, position: position,
                           message: "\(what) was NOT fully checked: \(reason)", ruleID: descriptor.id)
        case .unmet(let reason):
            return Problem(severity: .error, path: path, position: position,
                           message: "\(what) was NOT checked: \(reason)", ruleID: descriptor.id)
        }
    }
}
