import PostLint

/// The subset of SARIF 2.1.0 that PostLint writes, as Encodable types named after the spec's
/// objects. Optional properties stay nil rather than empty so the log only says what is known.
struct SARIFLog: Encodable {
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    var schema = SARIFLog.schemaURI
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: [String: ArtifactLocation]
        var columnKind = "unicodeCodePoints"
        var results: [Result]
        var artifacts: [Artifact]?
    }

    /// A draft that was not stored as UTF-8, with its encoding (SARIF 3.24.9): a consumer reading it
    /// as UTF-8 would misplace the regions, which count code points of the decoded text.
    struct Artifact: Encodable {
        var location: ArtifactLocation
        var encoding: String
    }

    struct Tool: Encodable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        var defaultConfiguration: ReportingConfiguration
        var properties: RuleProperties
    }

    struct ReportingConfiguration: Encodable {
        /// Written only as `false`, for a rule turned off; SARIF's default is true.
        var enabled: Bool?
        var level: String
    }

    struct RuleProperties: Encodable {
        var tags: [String]
        /// GitHub code scanning's severity for a rule: error, warning or recommendation.
        var problemSeverity: String?
        /// The policy section the rule enforces, e.g. "8".
        var policySection: String?

        enum CodingKeys: String, CodingKey {
            case tags
            case problemSeverity = "problem.severity"
            case policySection = "postlint.policySection"
        }
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
        var workingDirectory: ArtifactLocation
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]?
        /// The rule a notification is about: one that could NOT check a draft.
        var associatedRule: ReportingDescriptorReference? = nil
    }

    struct ReportingDescriptorReference: Encodable {
        var id: String
        var index: Int?
    }

    struct Result: Encodable {
        var ruleId: String
        /// Absent only for a rule that was not listed when the log began (a bug elsewhere).
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        /// With `--baseline`: `unchanged` (recorded in the baseline) or `new`.
        var baselineState: String? = nil
        /// The school's own policy clause (`policy:` in the configuration), when it has one for the rule.
        var properties: ResultProperties? = nil
        var fixes: [Fix]?
    }

    struct ResultProperties: Encodable {
        var policy: String

        enum CodingKeys: String, CodingKey {
            case policy = "postlint.policy"
        }
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        /// For a Word draft: the paragraph ("paragraph 12"), since its region is in the rendering.
        var logicalLocations: [LogicalLocation]? = nil
    }

    struct LogicalLocation: Encodable {
        var name: String
        var kind: String
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
        var endColumn: Int?
        var snippet: Message?
    }

    /// `message`, `multiformatMessageString` and `artifactContent` all reduce to text (and markdown).
    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct Suppression: Encodable {
        var kind: String
    }

    struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Message
    }
}
