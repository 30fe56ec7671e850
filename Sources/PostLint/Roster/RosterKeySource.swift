/// Where a sealed roster's key is looked for: `POSTLINT_ROSTER_KEY` first (a CI secret), then the key
/// file (`roster-key-file:` in .postlint.yml, or `--key-file`). Resolved only when a sealed roster
/// is met, so a school with a CSV roster needs no key. Hashable, for `RosterStore`'s cache key; it
/// holds the environment's value only to tell a changed key apart.
package struct RosterKeySource: Sendable, Hashable {
    /// The value of `POSTLINT_ROSTER_KEY`, when set and not empty.
    package var environmentValue: String?
    /// An absolute path to a file holding the key.
    package var keyFile: String?

    package init(environmentValue: String? = nil, keyFile: String? = nil) {
        self.environmentValue = environmentValue?.isEmpty == true ? nil : environmentValue
        self.keyFile = keyFile
    }

    /// The source for a run: `environment`'s `POSTLINT_ROSTER_KEY` and `keyFile`.
    package init(environment: [String: String], keyFile: String?) {
        self.init(environmentValue: environment[RosterKey.environmentVariable], keyFile: keyFile)
    }

    package func resolve() -> Result<RosterKey, RosterKeyError> {
        if let environmentValue { return Self.key(environmentValue, origin: RosterKey.environmentVariable) }
        guard let keyFile else {
            return .failure(RosterKeyError("no key to open it: set \(RosterKey.environmentVariable) (in CI, from a secret) "
                                           + "or `roster-key-file:` in .postlint.yml"))
        }
        let bytes: [UInt8]
        do {
            bytes = try FileContents.read(keyFile)
        } catch {
            return .failure(RosterKeyError("the roster key file \(keyFile) cannot be read: \(error.description)"))
        }
        return Self.key(String(decoding: bytes, as: UTF8.self), origin: "the key file \(keyFile)")
    }

    private static func key(_ secret: String, origin: String) -> Result<RosterKey, RosterKeyError> {
        do {
            return .success(try RosterKey(secret: secret, origin: origin))
        } catch {
            return .failure(error)
        }
    }
}
