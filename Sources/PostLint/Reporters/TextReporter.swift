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

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ report: RunReport) -> String {
        var output = ""
        for file in report.files {
            for problem in file.problems {
                output += problemLine(problem) + "\n"
            }
            for diagnostic in file.diagnostics where !diagnostic.isSuppressed && diagnostic.level != .off {
                output += block(for: diagnostic, in: file, rule: report.rule(diagnostic.ruleID))
            }
        }
        if !output.isEmpty { output += "\n" }
        output += paint(report.summary.sentence, .bold) + "\n"
        return output
    }

    /// `path:line:col: error: message`, or `path: error: message` when the place is unknown.
    func problemLine(_ problem: Problem) -> String {
        var location = SourceExcerpt.sanitized(problem.path)
        if let position = problem.position { location += ":\(position.line):\(position.column)" }
        let level = problem.severity == .error ? Level.error : Level.warning
        return paint(location + ":", .bold) + " " + levelLabel(level) + " " + SourceExcerpt.sanitized(problem.message)
    }

    func block(for diagnostic: Diagnostic, in file: FileReport, rule: CheckDescriptor?) -> String {
        let start = diagnostic.region.start
        // A Word draft's lines are those of its rendering: a person looks for "paragraph 12" instead.
        let location = diagnostic.logicalLocation.map {
            "\(SourceExcerpt.sanitized(file.path)): \(SourceExcerpt.sanitized($0)), col \(start.column):"
        } ?? "\(SourceExcerpt.sanitized(file.path)):\(start.line):\(start.column):"
        var text = paint(location, .bold) + " " + levelLabel(diagnostic.level) + " "
            + paint(SourceExcerpt.sanitized(diagnostic.message), .bold) + " " + paint("[\(diagnostic.ruleID)]", .dim) + "\n"
        if let source = file.source, start.line >= 1, start.line <= source.lines.lineCount {
            let line = source.text(source.lines.lineRange(start.line - 1))
            let end = diagnostic.region.end
            let excerpt = SourceExcerpt(line: line, startColumn: start.column,
                                        endColumn: end.line == start.line ? end.column : nil)
            let number = diagnostic.logicalLocation == nil ? String(start.line) : ""
            let gutter = String(repeating: " ", count: number.count)
            let shown = excerpt.displayedLine
            text += " \(paint(number, .blue)) \(paint("|", .blue))" + (shown.isEmpty ? "" : " \(shown)") + "\n"
            text += " \(gutter) \(paint("|", .blue)) \(paint(excerpt.underline, .green))\n"
        }
        if let rule {
            text += "  " + paint("help:", .cyan) + " \(rule.help)\n"
            text += "  " + paint("policy:", .cyan) + " \(rule.policy.citation)\n"
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
