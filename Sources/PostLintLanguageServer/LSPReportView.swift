import PostLint
import PostLintWorker

/// What an editor shows of a draft's report: its findings as LSP diagnostics, their fixes as quick
/// fixes, and on hover the rule, the policy clause and how to fix it. Positions are converted in the
/// encoding the client and server agreed on.
struct LSPReportView {
    let report: FileReport
    let uri: String
    let descriptors: [String: CheckDescriptor]
    let converter: PositionConverter

    init(report: FileReport, uri: String, descriptors: [String: CheckDescriptor], encoding: PositionEncoding) {
        self.report = report
        self.uri = uri
        self.descriptors = descriptors
        converter = PositionConverter(source: report.source ?? SourceText(path: report.path, text: ""), encoding: encoding)
    }

    /// Unsuppressed findings, then problems with the draft itself (malformed markup, an unknown rule in
    /// a suppression comment).
    func diagnostics() -> [LSP.Diagnostic] {
        var result = report.diagnostics.filter { !$0.isSuppressed }.map(diagnostic)
        for problem in report.problems {
            let position = problem.position.map(converter.position) ?? LSP.Position(line: 0, character: 0)
            // A rule that could NOT check the draft is named, so the editor links its documentation.
            let descriptor = problem.ruleID.flatMap { descriptors[$0] }
            result.append(LSP.Diagnostic(range: LSP.Range(start: position, end: position),
                                         severity: problem.severity == .error ? 1 : 2, code: problem.ruleID,
                                         codeDescription: descriptor.map { .init(href: $0.documentationURL) },
                                         source: PostLintInfo.name, message: problem.message))
        }
        return result
    }

    /// The fixes of the findings that touch `range`, as quick fixes (none when the client asks only
    /// for other kinds of action).
    func codeActions(in range: LSP.Range, only kinds: [String]?) -> [LSP.CodeAction] {
        if let kinds, !kinds.contains(where: { "quickfix".hasPrefix($0) }) { return [] }
        let start = converter.byteOffset(of: range.start)
        let requested = start...max(start, converter.byteOffset(of: range.end))
        return report.diagnostics.compactMap { finding in
            guard !finding.isSuppressed, let fix = finding.fix, !fix.edits.isEmpty else { return nil }
            let range = finding.region.byteRange
            guard range.lowerBound <= requested.upperBound, requested.lowerBound <= range.upperBound else { return nil }
            let edits = fix.edits.map { LSP.TextEdit(range: converter.range(ofBytes: $0.range), newText: $0.replacement) }
            return LSP.CodeAction(title: fix.description, kind: "quickfix", diagnostics: [diagnostic(finding)],
                                  isPreferred: true, edit: LSP.WorkspaceEdit(changes: [uri: edits]))
        }
    }

    /// The findings under `position`, explained; nil when there are none.
    func hover(at position: LSP.Position) -> LSP.Hover? {
        let offset = converter.byteOffset(of: position)
        let hits = report.diagnostics.filter { finding in
            let range = finding.region.byteRange
            return !finding.isSuppressed && (range.contains(offset) || (range.isEmpty && range.lowerBound == offset))
        }
        guard let first = hits.first else { return nil }
        let sections = hits.map { finding -> String in
            guard let descriptor = descriptors[finding.ruleID] else { return finding.message }
            return Self.hoverText(finding, descriptor: descriptor)
        }
        let lower = hits.map(\.region.byteRange.lowerBound).min() ?? first.region.byteRange.lowerBound
        let upper = hits.map(\.region.byteRange.upperBound).max() ?? first.region.byteRange.upperBound
        return LSP.Hover(contents: .init(kind: "markdown", value: sections.joined(separator: "\n\n---\n\n")),
                         range: converter.range(ofBytes: lower..<upper))
    }

    private func diagnostic(_ finding: Diagnostic) -> LSP.Diagnostic {
        let descriptor = descriptors[finding.ruleID]
        return LSP.Diagnostic(
            range: converter.range(finding.region),
            severity: Self.severity(finding.level),
            code: finding.ruleID,
            codeDescription: descriptor.map { .init(href: $0.documentationURL) },
            source: PostLintInfo.name,
            message: finding.message)
    }

    static func severity(_ level: Level) -> Int {
        switch level {
        case .error: 1
        case .warning: 2
        case .note, .off: 3
        }
    }

    /// The rule, the finding, why it matters, the policy clause and how to fix it, as Markdown.
    static func hoverText(_ finding: Diagnostic, descriptor: CheckDescriptor) -> String {
        let policy = finding.policy ?? descriptor.policy
        let quoted = policy.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
            .joined(separator: "\n")
        return """
            **\(descriptor.title)** (`\(descriptor.id)`, \(finding.level.rawValue))

            \(finding.message)

            **Why:** \(descriptor.explanation)

            **Policy §\(policy.section) \(policy.heading):**

            \(quoted)

            **How to fix:** \(descriptor.help)

            [Rule documentation](\(descriptor.documentationURL))
            """
    }
}
