import Foundation
import PostLint

/// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.
///
/// Paths inside the working directory are written relative to `%SRCROOT%`, so the log matches the
/// repository wherever it was checked out; columns count code points (`unicodeCodePoints`), as
/// PostLint's positions do. Suppressed findings are included with an in-source suppression, so
/// viewers show them as dismissed instead of losing them.
public struct SARIFReporter: Reporter {
    public static let sourceRootID = "%SRCROOT%"

    public init() {}

    public func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(reporter: self, sink: sink)
    }

    /// Writes the log result by result. Keys are in the order a streaming reader wants them rather
    /// than sorted: the tool and its rules (known up front) before the results, the invocation
    /// (whose notifications are the input problems met along the way) after them. Each object inside
    /// is encoded as in `log(for:)`, so both describe the same log.
    final class Stream: ReportStream {
        let reporter: SARIFReporter
        let sink: any ReportSink
        let encoder = JSONFragments.encoder()
        var workingDirectory = "/"
        var ruleIndex: [String: Int] = [:]
        var notifications: [SARIFLog.Notification] = []
        var artifacts: [SARIFLog.Artifact] = []
        var successful = true
        var writer = JSONWriter(indent: 8)
        var first = true

        init(reporter: SARIFReporter, sink: any ReportSink) {
            self.reporter = reporter
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws {
            workingDirectory = run.workingDirectory
            let rules = run.rules.map(SARIFReporter.rule) + run.unlistedRuleIDs.map(SARIFReporter.placeholderRule)
            for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
            let root = ArtifactPath.normalise(workingDirectory)
            let tool = SARIFLog.Tool(driver: SARIFReporter.driver(rules: rules))
            let bases = [SARIFReporter.sourceRootID: SARIFLog.ArtifactLocation(uri: ArtifactPath.fileURI(root, directory: true))]
            try sink.write("""
                {
                  "$schema" : \(JSONFragments.encode(SARIFLog.schemaURI, indent: 0, encoder: encoder)),
                  "version" : "2.1.0",
                  "runs" : [
                    {
                      "tool" : \(JSONFragments.encode(tool, indent: 6, encoder: encoder)),
                      "originalUriBaseIds" : \(JSONFragments.encode(bases, indent: 6, encoder: encoder)),
                      "columnKind" : "unicodeCodePoints",
                      "results" : [

                """)
        }

        func file(_ file: FileReport) throws {
            let artifact = reporter.artifactLocation(file.path, workingDirectory: workingDirectory)
            if !file.diagnostics.isEmpty, let entry = SARIFReporter.encodedArtifact(file, location: artifact) { artifacts.append(entry) }
            var fingerprints = PartialFingerprint()
            writer.reset(indent: 8)
            for diagnostic in file.diagnostics {
                let fingerprint = fingerprints.next(ruleID: diagnostic.ruleID, snippet: diagnostic.snippet)
                let result = reporter.result(diagnostic, ruleIndex: ruleIndex[diagnostic.ruleID], artifact: artifact,
                                             source: file.source, fingerprint: fingerprint, redactions: file.redactions)
                if !first { writer.appendRaw(",\n") }
                writer.appendRaw("        ")
                result.write(to: &writer)
                first = false
            }
            for problem in file.problems {
                notifications.append(reporter.notification(problem, workingDirectory: workingDirectory,
                                                            ruleIndex: problem.ruleID.flatMap { ruleIndex[$0] }))
                if problem.severity == .error { successful = false }
            }
            if !writer.bytes.isEmpty { try sink.write(bytes: writer.bytes) }
        }

        func end(_ summary: RunSummary) throws {
            let root = ArtifactPath.normalise(workingDirectory)
            let invocation = SARIFLog.Invocation(
                executionSuccessful: successful, toolExecutionNotifications: notifications,
                workingDirectory: .init(uri: ArtifactPath.fileURI(root, directory: true)))
            let declared = artifacts.isEmpty ? "" : "\n      \"artifacts\" : \(JSONFragments.encode(artifacts, indent: 6, encoder: encoder)),"
            try sink.write("""

                      ],\(declared)
                      "invocations" : \(JSONFragments.encode([invocation], indent: 6, encoder: encoder))
                    }
                  ]
                }

                """)
        }
    }

    static func driver(rules: [SARIFLog.ReportingDescriptor]) -> SARIFLog.ToolComponent {
        SARIFLog.ToolComponent(
            name: PostLintInfo.name, version: PostLintInfo.version, semanticVersion: PostLintInfo.version,
            informationUri: PostLintInfo.repositoryURL, rules: rules)
    }

    /// The whole log as one value: the reference the streamed log is tested against.
    func log(for report: RunReport) -> SARIFLog {
        var rules = report.rules.map(Self.rule)
        // A result must point at a rule in the driver; a diagnostic from a rule missing in the
        // catalogue (a bug elsewhere) still gets a minimal entry rather than an invalid log.
        var extraIndex: [String: Int] = [:]
        for file in report.files {
            for diagnostic in file.diagnostics
            where report.ruleIndex(of: diagnostic.ruleID) == nil && extraIndex[diagnostic.ruleID] == nil {
                extraIndex[diagnostic.ruleID] = rules.count
                rules.append(Self.placeholderRule(diagnostic.ruleID))
            }
        }

        var results: [SARIFLog.Result] = []
        var notifications: [SARIFLog.Notification] = []
        var artifacts: [SARIFLog.Artifact] = []
        for file in report.files {
            let artifact = artifactLocation(file.path, workingDirectory: report.workingDirectory)
            if !file.diagnostics.isEmpty, let entry = Self.encodedArtifact(file, location: artifact) { artifacts.append(entry) }
            var fingerprints = PartialFingerprint()
            for diagnostic in file.diagnostics {
                let index = report.ruleIndex(of: diagnostic.ruleID) ?? extraIndex[diagnostic.ruleID] ?? 0
                let fingerprint = fingerprints.next(ruleID: diagnostic.ruleID, snippet: diagnostic.snippet)
                results.append(result(diagnostic, ruleIndex: index, artifact: artifact, source: file.source,
                                      fingerprint: fingerprint, redactions: file.redactions))
            }
            for problem in file.problems {
                notifications.append(notification(problem, workingDirectory: report.workingDirectory,
                                                  ruleIndex: problem.ruleID.flatMap { report.ruleIndex(of: $0) }))
            }
        }

        let driver = Self.driver(rules: rules)
        let root = ArtifactPath.normalise(report.workingDirectory)
        let invocation = SARIFLog.Invocation(
            executionSuccessful: !report.files.contains { $0.problems.contains { $0.severity == .error } },
            toolExecutionNotifications: notifications,
            workingDirectory: .init(uri: ArtifactPath.fileURI(root, directory: true)))
        let run = SARIFLog.Run(
            tool: .init(driver: driver),
            invocations: [invocation],
            originalUriBaseIds: [Self.sourceRootID: .init(uri: ArtifactPath.fileURI(root, directory: true))],
            results: results, artifacts: artifacts.isEmpty ? nil : artifacts)
        return SARIFLog(runs: [run])
    }

    /// The artifact entry declaring a text draft's encoding when it was not UTF-8, else nil.
    static func encodedArtifact(_ file: FileReport, location: SARIFLog.ArtifactLocation) -> SARIFLog.Artifact? {
        guard file.format != .docx, let encoding = file.source?.encoding else { return nil }
        let name: String
        switch encoding {
        case .utf8, .utf8WithBOM: return nil
        case .utf16LittleEndian: name = "UTF-16LE"
        case .utf16BigEndian: name = "UTF-16BE"
        case .windows1252: name = "windows-1252"
        case .latin1: name = "ISO-8859-1"
        }
        return SARIFLog.Artifact(location: location, encoding: name)
    }

    static func rule(_ descriptor: CheckDescriptor) -> SARIFLog.ReportingDescriptor {
        let policy = descriptor.policy
        let wordHelp = descriptor.wordHelp.map { "\n\nIn a Word document: \($0)" } ?? ""
        let text = "\(descriptor.help)\(wordHelp)\n\nPolicy: \(policy.citation)"
        let quoted = policy.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + $0 }.joined(separator: "\n")
        let markdown = """
            \(descriptor.explanation)

            **How to fix:** \(descriptor.help)\(descriptor.wordHelp.map { "\n\n**In a Word document:** \($0)" } ?? "")

            **Policy §\(policy.section) \(policy.heading):**

            \(quoted)

            [Rule documentation](\(descriptor.documentationURL))
            """
        let off = descriptor.defaultLevel == .off
        return SARIFLog.ReportingDescriptor(
            id: descriptor.id,
            name: upperCamelCase(descriptor.id),
            shortDescription: .init(text: descriptor.title),
            fullDescription: .init(text: descriptor.explanation),
            help: .init(text: text, markdown: markdown),
            helpUri: descriptor.documentationURL,
            defaultConfiguration: .init(enabled: off ? false : nil, level: level(descriptor.defaultLevel)),
            properties: .init(tags: descriptor.tags, problemSeverity: problemSeverity(descriptor.defaultLevel),
                              policySection: policy.section))
    }

    static func placeholderRule(_ id: String) -> SARIFLog.ReportingDescriptor {
        SARIFLog.ReportingDescriptor(
            id: id, name: upperCamelCase(id), shortDescription: .init(text: id),
            fullDescription: .init(text: "A finding from rule \(id)."), help: .init(text: "See the message."),
            helpUri: nil, defaultConfiguration: .init(enabled: nil, level: "warning"),
            properties: .init(tags: [], problemSeverity: nil, policySection: nil))
    }

    /// - Parameter redactions: spans `--redact` hid; a snippet that covers one is left out, since a
    ///   region's snippet must be the file's own text (the region still says exactly where).
    func result(_ diagnostic: Diagnostic, ruleIndex: Int?, artifact: SARIFLog.ArtifactLocation, source: SourceText?,
                fingerprint: String, redactions: [RedactedSpan] = []) -> SARIFLog.Result {
        let region = diagnostic.region
        let isRedacted = redactions.contains { $0.range.overlaps(region.byteRange) }
        // For a Word draft the region is in the text rendering (line N is the Nth line PostLint laid
        // out), which viewers cannot cut from the binary file; the logical location says where it is.
        // The region stays because GitHub code scanning requires a startLine on every result.
        let location = SARIFLog.Location(physicalLocation: .init(
            artifactLocation: artifact,
            region: .init(startLine: region.start.line, startColumn: region.start.column,
                          endLine: region.end.line, endColumn: region.end.column,
                          snippet: isRedacted ? nil : .init(text: diagnostic.snippet))),
            logicalLocations: diagnostic.logicalLocation.map { [.init(name: $0, kind: "element")] })
        return SARIFLog.Result(
            ruleId: diagnostic.ruleID,
            ruleIndex: ruleIndex,
            level: Self.level(diagnostic.level),
            message: .init(text: diagnostic.message),
            locations: [location],
            partialFingerprints: [PartialFingerprint.key: fingerprint],
            suppressions: diagnostic.isSuppressed ? [.init(kind: "inSource")] : nil,
            baselineState: diagnostic.baselineState?.rawValue,
            properties: diagnostic.policy.map { .init(policy: $0.citation) },
            // A fix to a rendering cannot be applied to the file it was rendered from.
            fixes: diagnostic.logicalLocation != nil ? nil : fix(diagnostic.fix, artifact: artifact, source: source).map { [$0] })
    }

    /// Fix edits are byte ranges; SARIF wants line and column regions, which only the file's line
    /// index can give. Without the source the fix is left out rather than guessed.
    func fix(_ fix: Fix?, artifact: SARIFLog.ArtifactLocation, source: SourceText?) -> SARIFLog.Fix? {
        guard let fix, let source, !fix.edits.isEmpty else { return nil }
        let replacements = fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { edit in
            let region = source.lines.region(of: edit.range)
            return SARIFLog.Replacement(
                deletedRegion: .init(startLine: region.start.line, startColumn: region.start.column,
                                     endLine: region.end.line, endColumn: region.end.column),
                insertedContent: .init(text: edit.replacement))
        }
        return SARIFLog.Fix(description: .init(text: fix.description),
                            artifactChanges: [.init(artifactLocation: artifact, replacements: replacements)])
    }

    func notification(_ problem: Problem, workingDirectory: String, ruleIndex: Int? = nil) -> SARIFLog.Notification {
        let region = problem.position.map { SARIFLog.Region(startLine: $0.line, startColumn: $0.column) }
        let location = SARIFLog.Location(physicalLocation: .init(
            artifactLocation: artifactLocation(problem.path, workingDirectory: workingDirectory), region: region))
        return SARIFLog.Notification(level: problem.severity == .error ? "error" : "warning",
                                     message: .init(text: problem.message), locations: [location],
                                     associatedRule: problem.ruleID.map { .init(id: $0, index: ruleIndex) })
    }

    /// Relative to `%SRCROOT%` inside the working directory; an absolute `file:` URI outside it.
    func artifactLocation(_ path: String, workingDirectory: String) -> SARIFLog.ArtifactLocation {
        let artifact = ArtifactPath(path, workingDirectory: workingDirectory)
        if let relative = artifact.relative {
            return .init(uri: ArtifactPath.percentEncoded(relative), uriBaseId: Self.sourceRootID)
        }
        return .init(uri: ArtifactPath.fileURI(artifact.absolute), uriBaseId: nil)
    }

    static func level(_ level: Level) -> String {
        switch level {
        case .off: "none"
        case .note: "note"
        case .warning: "warning"
        case .error: "error"
        }
    }

    static func problemSeverity(_ level: Level) -> String? {
        switch level {
        case .off: nil
        case .note: "recommendation"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// `full-name-in-caption` → `FullNameInCaption`, SARIF's suggested form for a rule's `name`.
    public static func upperCamelCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
