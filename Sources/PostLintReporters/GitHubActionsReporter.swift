import PostLint

/// GitHub Actions workflow commands, which the runner turns into annotations on the pull request's
/// diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
///
/// Suppressed findings are left out: an annotation cannot be marked as accepted, and showing it
/// would undo the author's decision to suppress.
public struct GitHubActionsReporter: Reporter {
    public init() {}

    public func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(reporter: self, sink: sink)
    }

    /// Each file's annotations are written as soon as the file arrives.
    final class Stream: ReportStream {
        let reporter: GitHubActionsReporter
        let sink: any ReportSink
        var workingDirectory = "/"

        init(reporter: GitHubActionsReporter, sink: any ReportSink) {
            self.reporter = reporter
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws { workingDirectory = run.workingDirectory }

        func file(_ file: FileReport) throws {
            let output = reporter.annotations(file, workingDirectory: workingDirectory)
            if !output.isEmpty { try sink.write(output) }
        }

        func end(_ summary: RunSummary) throws {}
    }

    func annotations(_ file: FileReport, workingDirectory: String) -> String {
        var output = ""
        for problem in file.problems {
            let path = ArtifactPath(problem.path, workingDirectory: workingDirectory).display
            var properties = [("file", path)]
            if let position = problem.position {
                properties += [("line", String(position.line)), ("col", String(position.column))]
            }
            properties.append(("title", problem.ruleID.map { "postlint \($0)" } ?? "postlint"))
            output += command(problem.severity == .error ? "error" : "warning", properties, problem.message)
        }
        let path = ArtifactPath(file.path, workingDirectory: workingDirectory).display
        for diagnostic in file.diagnostics where diagnostic.isOutstanding && diagnostic.level != .off {
            let region = diagnostic.region
            let properties = [
                ("file", path),
                ("line", String(region.start.line)),
                ("col", String(region.start.column)),
                ("endLine", String(region.end.line)),
                ("endColumn", String(region.end.column)),
                ("title", "postlint \(diagnostic.ruleID)"),
            ]
            if let logical = diagnostic.logicalLocation {
                // A Word draft: no line of the file to annotate; the message says which paragraph.
                output += command(Self.command(for: diagnostic.level), [("file", path), ("title", "postlint \(diagnostic.ruleID)")],
                                  "\(logical): \(diagnostic.message)")
                continue
            }
            output += command(Self.command(for: diagnostic.level), properties, diagnostic.message)
        }
        return output
    }

    static func command(for level: Level) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        case .note, .off: "notice"
        }
    }

    func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(Self.escapeData(message))\n"
    }

    /// The runner's escaping for a command's message: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Property values additionally escape `:` and `,`, which would end the value.
    public static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
