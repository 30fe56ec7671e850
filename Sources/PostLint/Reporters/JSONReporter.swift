import Foundation

/// `--format json`: every finding with its place, snippet, fix and the policy it cites, as a stable,
/// versioned document (see `JSONReport` and docs/json-format.md) for scripts and dashboards.
/// Unlike text output, suppressed findings are included, flagged `"suppressed": true`.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        let encoder = JSONEncoder()
        // Sorted keys make the output byte-for-byte reproducible, so it can be diffed and cached.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(document(for: report))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Only non-finite numbers fail to encode, and the document holds none.
            preconditionFailure("JSON report failed to encode: \(error)")
        }
    }

    /// The document before encoding, for callers that embed it in something larger.
    public func document(for report: RunReport) -> JSONReport {
        let summary = report.summary
        return JSONReport(
            version: JSONReport.currentVersion,
            tool: .init(name: PostLintInfo.name, version: PostLintInfo.version, informationUri: PostLintInfo.repositoryURL),
            files: report.files.map { file(for: $0, in: report) },
            summary: .init(files: summary.files, errors: summary.errors, warnings: summary.warnings, notes: summary.notes,
                           suppressed: summary.suppressed, problems: summary.problemErrors + summary.problemWarnings)
        )
    }

    func file(for file: FileReport, in report: RunReport) -> JSONReport.File {
        JSONReport.File(
            path: file.path,
            format: file.format?.rawValue,
            encoding: file.source?.encoding.rawValue,
            diagnostics: file.diagnostics.map { diagnostic($0, source: file.source, rule: report.rule($0.ruleID)) },
            problems: file.problems.map {
                JSONReport.Problem(severity: $0.severity.rawValue, path: $0.path, message: $0.message,
                                   line: $0.position?.line, column: $0.position?.column)
            }
        )
    }

    func diagnostic(_ diagnostic: Diagnostic, source: SourceText?, rule: CheckDescriptor?) -> JSONReport.Diagnostic {
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
            title: rule?.title,
            policy: rule?.policy.citation,
            help: rule?.help,
            logicalLocation: diagnostic.logicalLocation
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
