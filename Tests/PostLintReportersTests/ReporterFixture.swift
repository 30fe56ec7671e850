import PostLint
import PostLintReporters

/// Hand-built reports for the reporter tests: a draft with an emoji, CR LF line ends, a tab, a region
/// spanning two lines, a suppressed finding, a fix and input problems, so every format meets the
/// awkward cases at once.
enum ReporterFixture {
    static let workingDirectory = "/work/site"
    static let path = "posts/Sports day \u{2713}.md"

    static let lines = [
        "# Sports day \u{1F389}",
        "Well done Jane Smith \u{1F44F} for winning!",
        "\tCall 07700 900123 to",
        "book, or email head@school.example.",
    ]

    static func text(prefix: [String] = []) -> String {
        (prefix + lines).map { $0 + "\r\n" }.joined()
    }

    static let policy = PolicyClause(section: "8", heading: "Content of Webspace",
                                     text: "Pupils' full names must not appear with their photographs.")

    static let rules: [CheckDescriptor] = [
        CheckDescriptor(id: "full-name", title: "Pupil's full name", explanation: "Full names identify pupils.",
                        policy: policy, defaultLevel: .warning, help: "Use a first name or initials.",
                        tags: ["privacy"], isFixable: true),
        CheckDescriptor(id: "phone-number", title: "Phone number", explanation: "Numbers invite contact.",
                        policy: policy, defaultLevel: .error, help: "Use the school office number.",
                        tags: ["privacy", "contact"]),
        CheckDescriptor(id: "contact-email", title: "Personal email", explanation: "Staff addresses get spam.",
                        policy: policy, defaultLevel: .warning, help: "Use the office address."),
        CheckDescriptor(id: "superlative", title: "Superlative", explanation: "Tone.",
                        policy: policy, defaultLevel: .note, help: "Praise the effort."),
        CheckDescriptor(id: "exclamation", title: "Exclamation", explanation: "Tone.",
                        policy: policy, defaultLevel: .off, help: "Use a full stop."),
    ]

    /// The byte range of the `occurrence`th `needle` in `source`.
    static func range(of needle: String, in source: SourceText, occurrence: Int = 0) -> Range<Int> {
        let target = Array(needle.utf8)
        var found = 0
        var index = 0
        while index + target.count <= source.utf8.count {
            if Array(source.utf8[index..<index + target.count]) == target {
                if found == occurrence { return index..<index + target.count }
                found += 1
            }
            index += 1
        }
        fatalError("\(needle) not in source")
    }

    static func diagnostic(_ rule: String, _ level: Level, _ message: String, _ needle: String, in source: SourceText,
                           fix: Fix? = nil, suppressed: Bool = false) -> Diagnostic {
        let range = range(of: needle, in: source)
        return Diagnostic(ruleID: rule, level: level, message: message, region: source.lines.region(of: range),
                          snippet: source.snippet(range), fix: fix, isSuppressed: suppressed)
    }

    /// The main file; `prefix` inserts lines above it (for fingerprint stability).
    static func file(prefix: [String] = [], path: String = path) -> FileReport {
        let source = SourceText(path: path, text: text(prefix: prefix))
        let name = range(of: "Jane Smith", in: source)
        let fix = Fix(description: "Replace the name with initials",
                      edits: [Fix.Edit(range: name, replacement: "J. S.")])
        let diagnostics = [
            diagnostic("full-name", .warning, "Pupil's full name in a post", "Jane Smith", in: source, fix: fix),
            diagnostic("superlative", .note, "Praise effort, not winning", "winning", in: source),
            diagnostic("phone-number", .error, "Phone number in a post", "07700 900123", in: source),
            diagnostic("phone-number", .warning, "Number split across lines", "to\r\nbook", in: source),
            diagnostic("contact-email", .warning, "Personal email address", "head@school.example", in: source,
                       suppressed: true),
        ]
        return FileReport(path: path, format: .markdown, diagnostics: diagnostics,
                          problems: [Problem(severity: .warning, path: path, position: SourcePosition(line: 1, column: 3),
                                             message: "Heading has no text after the emoji")],
                          source: source)
    }

    /// A file that could not be read: an error problem without a position.
    static let unreadable = FileReport(path: "posts/broken.html", format: .html,
                                       problems: [Problem(severity: .error, path: "posts/broken.html",
                                                          message: "cannot read: Permission denied")])

    static func report(_ files: [FileReport]? = nil) -> RunReport {
        RunReport(rules: rules, files: files ?? [file(), unreadable], workingDirectory: workingDirectory)
    }
}
