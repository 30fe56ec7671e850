import PostLint

/// The default, human-readable format, in the `path:line:col: level: message [rule]` shape that
/// editors and terminals already turn into links, followed by the source line with the span
/// underlined, how to fix it and the policy clause it breaks.
///
/// Suppressed findings are not shown (someone already decided about them) but are counted in the
/// summary, so suppressions stay visible.
public struct TextReporter: Reporter {
    /// Whether to emit ANSI colour. The CLI decides (a terminal and no `NO_COLOR`); reporters never
    /// look at the environment, so output is reproducible.
    public var useColor: Bool
    /// Whether the closing summary follows the findings (`--quiet` leaves it out).
    public var showsSummary: Bool

    public init(useColor: Bool = false, showsSummary: Bool = true) {
        self.useColor = useColor
        self.showsSummary = showsSummary
    }

    public func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(reporter: self, sink: sink)
    }

    /// Prints each file's findings as soon as it arrives; only the summary waits for the end.
    final class Stream: ReportStream {
        let reporter: TextReporter
        let sink: any ReportSink
        var rules: [String: CheckDescriptor] = [:]
        var wroteFindings = false

        init(reporter: TextReporter, sink: any ReportSink) {
            self.reporter = reporter
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws {
            rules = run.ruleLookup()
        }

        func file(_ file: FileReport) throws {
            var output = ""
            for problem in file.problems {
                output += reporter.problemLine(problem) + "\n"
            }
            for diagnostic in file.diagnostics where diagnostic.isOutstanding && diagnostic.level != .off {
                output += reporter.block(for: diagnostic, in: file, rule: rules[diagnostic.ruleID])
            }
            guard !output.isEmpty else { return }
            wroteFindings = true
            try sink.write(output)
        }

        func end(_ summary: RunSummary) throws {
            guard reporter.showsSummary else { return }
            try sink.write((wroteFindings ? "\n" : "") + reporter.summary(summary))
        }
    }

    /// The closing summary: the one-line count, then (when there is anything to say) clean files
    /// against files with findings, a table of findings per rule and level, the worst files, and
    /// how long the run took.
    public func summary(_ summary: RunSummary) -> String {
        let counts = summary.counts
        var text = paint(counts.sentence, .bold) + "\n"
        if counts.findings > 0 || summary.filesWithProblems > 0 {
            var parts = ["\(summary.cleanFiles) clean", "\(summary.filesWithFindings) with findings"]
            if summary.filesWithProblems > 0 { parts.append("\(summary.filesWithProblems) with problems (unreadable, or a check did not run)") }
            text += "  files: " + parts.joined(separator: ", ") + "\n"
        }
        let rules = summary.rulesByCount
        if !rules.isEmpty {
            let width = max(4, rules.map { SourceExcerpt.sanitized($0.id).count }.max() ?? 0)
            func row(_ name: String, _ values: [String]) -> String {
                "  " + name + String(repeating: " ", count: max(0, width - name.count))
                    + values.map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }.joined() + "\n"
            }
            text += "\n" + paint(String(row("rule", ["errors", "warnings", "notes", "total"]).dropLast()), .dim) + "\n"
            for (id, count) in rules {
                text += row(SourceExcerpt.sanitized(id), [count.errors, count.warnings, count.notes, count.total].map(String.init))
            }
        }
        if !summary.worstFiles.isEmpty {
            text += "\n  worst files:\n"
            for file in summary.worstFiles {
                text += "    \(LogSafePath.shown(file.path)): \(Self.levels(file.counts))\n"
            }
        }
        if let elapsed = summary.elapsed {
            text += (rules.isEmpty && summary.worstFiles.isEmpty ? "" : "\n")
                + "  checked in \(ProgressLine.duration(elapsed))"
                + (summary.rate.map { " (\(ProgressLine.rate($0)) files/s)" } ?? "") + "\n"
        }
        return text
    }

    static func levels(_ count: RunSummary.RuleCount) -> String {
        [(count.errors, "error"), (count.warnings, "warning"), (count.notes, "note")]
            .filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
            .joined(separator: ", ")
    }

    /// `path:line:col: error: message`, or `path: error: message` when the place is unknown.
    func problemLine(_ problem: Problem) -> String {
        var location = LogSafePath.shown(problem.path)
        if let position = problem.position { location += ":\(position.line):\(position.column)" }
        let level = problem.severity == .error ? Level.error : Level.warning
        return paint(location + ":", .bold) + " " + levelLabel(level) + " " + SourceExcerpt.sanitized(problem.message)
    }

    func block(for diagnostic: Diagnostic, in file: FileReport, rule: CheckDescriptor?) -> String {
        let start = diagnostic.region.start
        // A Word draft's lines are those of its rendering: a person looks for "paragraph 12" instead.
        let location = diagnostic.logicalLocation.map {
            "\(LogSafePath.shown(file.path)): \(SourceExcerpt.sanitized($0)), col \(start.column):"
        } ?? "\(LogSafePath.shown(file.path)):\(start.line):\(start.column):"
        var text = paint(location, .bold) + " " + levelLabel(diagnostic.level) + " "
            + paint(SourceExcerpt.sanitized(diagnostic.message), .bold) + " " + paint("[\(diagnostic.ruleID)]", .dim) + "\n"
        if let source = file.source, start.line >= 1, start.line <= source.lines.lineCount {
            let excerpt = SourceExcerpt(source: source, line: start.line - 1, region: diagnostic.region,
                                        redactions: file.redactions)
            let number = diagnostic.logicalLocation == nil ? String(start.line) : ""
            let gutter = String(repeating: " ", count: number.count)
            let shown = excerpt.displayedLine
            text += " \(paint(number, .blue)) \(paint("|", .blue))" + (shown.isEmpty ? "" : " \(shown)") + "\n"
            text += " \(gutter) \(paint("|", .blue)) \(paint(excerpt.underline, .green))\n"
        }
        if let rule {
            text += "  " + paint("help:", .cyan) + " \(rule.help(for: file.format))\n"
            text += "  " + paint("policy:", .cyan) + " \((diagnostic.policy ?? rule.policy).citation)\n"
        }
        if let fix = diagnostic.fix {
            text += "  " + paint("fix:", .cyan) + " \(SourceExcerpt.sanitized(fix.description))\n"
        }
        return text
    }

    func levelLabel(_ level: Level) -> String {
        switch level {
        case .error: paint("error:", .red)
        case .warning: paint("warning:", .yellow)
        case .note, .off: paint("note:", .cyan)
        }
    }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "1;31"
        case green = "1;32"
        case yellow = "1;33"
        case blue = "1;34"
        case cyan = "1;36"
    }

    func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
