/// Here rather than beside `RosterLoadOptions`: the roster knows nothing of `.postlint.yml`, the
/// configuration knows the roster's settings.
extension RosterLoadOptions {
    /// The options a configuration sets (`roster-consent:`, `roster-key-file:`), with the key from
    /// `environment` first.
    package init(configuration: Configuration, environment: [String: String]) {
        self.init(consent: configuration.rosterConsent,
                  key: RosterKeySource(environment: environment, keyFile: configuration.rosterKeyFile))
    }
}
