import Foundation
import PostLint

/// `--format json`: every finding with its place, snippet, fix and the policy it cites, as a stable,
/// versioned document (see `JSONReport` and docs/json-format.md) for scripts and dashboards.
/// Unlike text output, suppressed findings are included, flagged `"suppressed": true`.
public struct JSONReporter: Reporter {
    public init() {}

    public func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(reporter: self, sink: sink)
    }

    /// Writes the document as `JSONEncoder` prints it (sorted keys: `files` first, then `summary`,
    /// `tool`, `version`), one file at a time, so the output equals a whole-document encoding. Files,
    /// which hold the findings, go through `JSONWriter`; the run's few fixed parts through the encoder.
    final class Stream: ReportStream {
        let reporter: JSONReporter
        let sink: any ReportSink
        let encoder = JSONFragments.encoder()
        var rules: [String: CheckDescriptor] = [:]
        /// Each rule's title, policy and help, made once per run, not once per finding.
        var ruleTexts = RuleTexts()
        var writer = JSONWriter(indent: 4)
        var first = true

        init(reporter: JSONReporter, sink: any ReportSink) {
            self.reporter = reporter
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws {
            rules = run.ruleLookup()
            try sink.write("{\n  \"files\" : [\n")
        }

        func file(_ file: FileReport) throws {
            writer.reset(indent: 4)
            if first { writer.appendRaw("    ") } else { writer.appendRaw(",\n    ") }
            reporter.file(for: file, rules: rules, texts: &ruleTexts).write(to: &writer)
            try sink.write(bytes: writer.bytes)
            first = false
        }

        func end(_ summary: RunSummary) throws {
            let counts = summary.counts
            let summary = JSONReport.Summary(files: counts.files, errors: counts.errors, warnings: counts.warnings,
                                             notes: counts.notes, suppressed: counts.suppressed,
                                             problems: counts.problemErrors + counts.problemWarnings,
                                             baseline: counts.baseline > 0 ? counts.baseline : nil)
            try sink.write("\n  ],\n  \"summary\" : " + JSONFragments.encode(summary, indent: 2, encoder: encoder)
                           + ",\n  \"tool\" : " + JSONFragments.encode(JSONReporter.tool, indent: 2, encoder: encoder)
                           + ",\n  \"version\" : \(JSONReport.currentVersion)\n}\n")
        }
    }

    static let tool = JSONReport.Tool(name: PostLintInfo.name, version: PostLintInfo.version,
                                      informationUri: PostLintInfo.repositoryURL)

    /// The document before encoding, for callers that embed it in something larger.
    public func document(for report: RunReport) -> JSONReport {
        let summary = report.summary
        let rules = RunFacts(report).ruleLookup()
        return JSONReport(
            version: JSONReport.currentVersion,
            tool: Self.tool,
            files: report.files.map { file(for: $0, rules: rules) },
            summary: .init(files: summary.files, errors: summary.errors, warnings: summary.warnings, notes: summary.notes,
                           suppressed: summary.suppressed, problems: summary.problemErrors + summary.problemWarnings,
                           baseline: summary.baseline > 0 ? summary.baseline : nil)
        )
    }

    func file(for file: FileReport, rules: [String: CheckDescriptor]) -> JSONReport.File {
        var texts = RuleTexts()
        return self.file(for: file, rules: rules, texts: &texts)
    }

    /// A rule's texts as every finding of it repeats them, by rule and format.
    struct RuleTexts {
        struct Entry {
            var title: String?
            var policy: String?
            var help: String?
        }
        private var entries: [String: Entry] = [:]
        private var docxEntries: [String: Entry] = [:]

        mutating func entry(_ rule: CheckDescriptor?, ruleID: String, format: DocumentFormat?) -> Entry {
            let isDocx = format == .docx
            if let known = isDocx ? docxEntries[ruleID] : entries[ruleID] { return known }
            let entry = Entry(title: rule?.title, policy: rule?.policy.citation, help: rule?.help(for: format))
            if isDocx { docxEntries[ruleID] = entry } else { entries[ruleID] = entry }
            return entry
        }
    }

    func file(for file: FileReport, rules: [String: CheckDescriptor], texts: inout RuleTexts) -> JSONReport.File {
        JSONReport.File(
            path: file.path,
            format: file.format?.rawValue,
            encoding: file.source?.encoding.rawValue,
            diagnostics: file.diagnostics.map {
                diagnostic($0, source: file.source, texts: texts.entry(rules[$0.ruleID], ruleID: $0.ruleID, format: file.format))
            },
            problems: file.problems.map {
                JSONReport.Problem(severity: $0.severity.rawValue, path: $0.path, message: $0.message,
                                   line: $0.position?.line, column: $0.position?.column, ruleId: $0.ruleID)
            }
        )
    }

    func diagnostic(_ diagnostic: Diagnostic, source: SourceText?, texts: RuleTexts.Entry) -> JSONReport.Diagnostic {
        let region = diagnostic.region
        return JSONReport.Diagnostic(
            ruleId: diagnostic.ruleID,
            level: diagnostic.level.rawValue,
            message: diagnostic.message,
            line: region.start.line,
            column: region.start.column,
            endLine: region.end.line,
            endColumn: region.end.column,
            utf16Column: region.start.utf16Column,
            utf16EndColumn: region.end.utf16Column,
            offset: region.byteRange.lowerBound,
            length: region.byteRange.count,
            snippet: diagnostic.snippet,
            suppressed: diagnostic.isSuppressed,
            fix: diagnostic.fix.map { fix in
                JSONReport.Fix(description: fix.description, edits: fix.edits.map { edit($0, source: source) })
            },
            title: texts.title,
            policy: diagnostic.policy?.citation ?? texts.policy,
            help: texts.help,
            logicalLocation: diagnostic.logicalLocation,
            baselineState: diagnostic.baselineState?.rawValue
        )
    }

    func edit(_ edit: Fix.Edit, source: SourceText?) -> JSONReport.Edit {
        let region = source?.lines.region(of: edit.range)
        return JSONReport.Edit(offset: edit.range.lowerBound, length: edit.range.count,
                               line: region?.start.line, column: region?.start.column,
                               endLine: region?.end.line, endColumn: region?.end.column,
                               replacement: edit.replacement)
    }
}
