/// The settings in force for a file: the school's own details (which may be published), the roster,
/// approved sources, extra job titles, rule levels and per-path overrides. Read from `.postlint.yml`
/// by `ConfigurationLoader`; `Configuration()` is the embedded default (no school details, no roster).
public struct Configuration: Sendable {
    public struct School: Sendable, Hashable {
        public var name: String?
        /// Other names the school goes by ("St Bede's", "SJL"): its words are the school, not a pupil.
        public var aliases: [String] = []
        /// Classes, houses, teams and clubs ("Oak", "Kingfishers", "Columba"): named groups, not pupils.
        /// The roster's registration-group column adds to these.
        public var groups: [String] = []
        /// Official web and email domains; subdomains are included.
        public var domains: [String] = []
        /// Official numbers that may be published (compared by digits).
        public var phones: [String] = []
        /// Official addresses that may be published.
        public var addresses: [String] = []
        /// What identifies the logo image: an <img> whose src, alt, class or id contains one of these.
        public var logo: [String] = ["logo", "crest"]
        /// Formats whose drafts must show the logo themselves. Markdown and text posts are usually
        /// published through a site template that adds it, so by default only HTML and Word drafts (whose
        /// logo usually sits in the page header) are checked.
        public var logoFormats: [DocumentFormat] = [.html, .docx]

        public init() {}
    }

    /// Sources that may be cited or linked without asking.
    public struct ApprovedSources: Sendable, Hashable {
        public var domains: [String] = []
        public var names: [String] = []

        public init() {}
    }

    /// Rule levels for files matching glob patterns; later overrides win over earlier ones.
    public struct Override: Sendable, Hashable {
        public var files: [String]
        public var rules: [String: Level]

        public init(files: [String], rules: [String: Level]) {
            self.files = files
            self.rules = rules
        }
    }

    /// How pupils' names are handled (`pupils:`).
    public struct Pupils: Sendable, Hashable {
        /// What a pupil's full name is replaced with by a fix.
        public enum Replacement: Sendable, Hashable {
            /// The forename (or preferred name) as written: "Oliver Whitfield" → "Oliver".
            case forename
            /// Fixed text such as "a pupil".
            case text(String)
        }

        public var replacement: Replacement = .forename

        public init() {}
    }

    public var school = School()
    public var pupils = Pupils()
    /// Roster CSV files (or one sealed roster), as absolute paths (resolved against the configuration
    /// file's folder).
    public var roster: [String] = []
    /// The file holding a sealed roster's key (absolute), used when `POSTLINT_ROSTER_KEY` is not set.
    /// Not checked on loading: in CI the key comes from the environment and the file is absent.
    public var rosterKeyFile: String?
    /// Which roster columns say whether a family consented, and with which values.
    public var rosterConsent = ConsentSettings()
    public var sources = ApprovedSources()
    /// Job titles beyond the built-in list.
    public var positions: [String] = []
    /// Staff names ("Sarah Booth", "Mr Imran Shah"): adults, so their forenames alone need evidence
    /// that a pupil is meant.
    public var staff: [String] = []
    public var rules: [String: Level] = [:]
    /// The school's own policy clause for a rule (`policy:`), by rule id: cited instead of the
    /// built-in wording, which names no school.
    public var policy: [String: PolicyClause] = [:]
    public var overrides: [Override] = []
    /// `rules-path:`: the rule files and folders (absolute) loaded at run time, in the shape of `Rules/`.
    public var rulesPath: [String] = []
    /// The rules and word-list additions `rules-path:` loaded.
    public var runtimeRules = RuntimeRules()
    /// Glob patterns (relative to `baseDirectory`) of files and folders not to scan.
    public var ignore: [String] = []
    /// The folder the configuration file is in: globs and roster paths are relative to it.
    public var baseDirectory: String?
    /// The configuration file, when one was read.
    public var path: String?
    /// What of the file could not be loaded; nil when all of it was. Everything else here was loaded.
    public var damage: ConfigurationDamage?

    public init() {}

    /// This configuration when all of its file loaded; else the errors of what did not (what the
    /// throwing `load` and `configuration(forFile:)` give callers that accept no mistake).
    public func complete() throws(ConfigurationErrors) -> Configuration {
        if let damage { throw ConfigurationErrors(damage.errors) }
        return self
    }

    /// The level configured for `ruleID` on the file at `relativePath` (relative to `baseDirectory`),
    /// or nil to use the rule's default.
    public func configuredLevel(for ruleID: String, relativePath: String?) -> Level? {
        var level = rules[ruleID]
        if let relativePath {
            for override in overrides where override.files.contains(where: { Glob($0).matches(relativePath) }) {
                if let overridden = override.rules[ruleID] { level = overridden }
            }
        }
        return level
    }
}
