/// What could not be loaded from a configuration file, kept beside what could.
///
/// A mistake in one key must not switch off checks that do not depend on it: the rest of the file is
/// still used (what can be checked, is checked). A check whose requirement lives in a damaged key
/// (`CheckRequirement.configurationKey`) is reported as NOT checked on every draft instead.
public struct ConfigurationDamage: Sendable, Hashable {
    /// Every error, in file order.
    public var errors: [ConfigurationError]
    /// Nothing in the file could be used: it could not be read, is not valid YAML, or is not a mapping.
    public var isTotal: Bool
    /// Top-level keys whose value was lost or read only in part, with the errors that did it. A
    /// misspelt key (`rooster:`) counts against the key it was probably meant to be.
    public var damagedKeys: [String: [ConfigurationError]]
    /// Rule files of `rules-path:` that did not load: every draft names the rules they held as NOT checked.
    package var unloadedRules: [UnloadedRule] = []

    public init(errors: [ConfigurationError], isTotal: Bool, damagedKeys: [String: [ConfigurationError]] = [:]) {
        self.errors = errors
        self.isTotal = isTotal
        self.damagedKeys = damagedKeys
    }

    /// The errors that may have lost (part of) the top-level key `key`; all of them when nothing loaded.
    public func errors(affecting key: String) -> [ConfigurationError] {
        isTotal ? errors : damagedKeys[key] ?? []
    }

    /// The same damage with every path (the configuration's, its rule files') passed through `rename`
    /// (how files are shown to the user).
    func naming(_ rename: (String) -> String) -> ConfigurationDamage {
        func renamed(_ list: [ConfigurationError]) -> [ConfigurationError] { list.map { $0.renamed(rename) } }
        var damage = ConfigurationDamage(errors: renamed(errors), isTotal: isTotal, damagedKeys: damagedKeys.mapValues(renamed))
        damage.unloadedRules = unloadedRules.map { $0.renamed(rename) }
        return damage
    }
}
