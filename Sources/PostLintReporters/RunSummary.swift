import PostLint

/// The closing summary of a run, gathered one report at a time so a batch never has to keep its
/// reports: the counts every format ends with, clean files against files with findings, findings
/// per rule and level, the worst files, and (from the CLI) how long it took.
public struct RunSummary: Sendable, Hashable {
    /// Unsuppressed findings of one rule, by level.
    public struct RuleCount: Sendable, Hashable {
        public var errors = 0
        public var warnings = 0
        public var notes = 0
        public var total: Int { errors + warnings + notes }

        public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
        }
    }

    /// A file with findings, ranked by errors, then warnings, then notes, then input order.
    public struct FileCount: Sendable, Hashable {
        public var path: String
        public var counts: RuleCount
        public var order: Int
    }

    public static let worstFileLimit = 5

    public private(set) var counts = ReportSummary()
    /// Files with no unsuppressed finding and no problem.
    public private(set) var cleanFiles = 0
    /// Files with at least one unsuppressed finding.
    public private(set) var filesWithFindings = 0
    /// Files with a problem reading them (they may also have findings).
    public private(set) var filesWithProblems = 0
    public private(set) var perRule: [String: RuleCount] = [:]
    /// At most `worstFileLimit` files, worst first.
    public private(set) var worstFiles: [FileCount] = []
    /// Seconds the run took, when measured (the CLI); nil keeps rendered output reproducible.
    public var elapsed: Double?

    public init() {}

    public init(_ reports: [FileReport]) {
        for report in reports { add(report) }
    }

    public mutating func add(_ report: FileReport) {
        counts.add(report)
        var fileCount = RuleCount()
        for diagnostic in report.diagnostics where diagnostic.isOutstanding {
            switch diagnostic.level {
            case .error:
                fileCount.errors += 1
                perRule[diagnostic.ruleID, default: .init()].errors += 1
            case .warning:
                fileCount.warnings += 1
                perRule[diagnostic.ruleID, default: .init()].warnings += 1
            case .note:
                fileCount.notes += 1
                perRule[diagnostic.ruleID, default: .init()].notes += 1
            case .off:
                break
            }
        }
        if !report.problems.isEmpty { filesWithProblems += 1 }
        if fileCount.total > 0 {
            filesWithFindings += 1
            rank(FileCount(path: report.path, counts: fileCount, order: counts.files))
        } else if report.problems.isEmpty {
            cleanFiles += 1
        }
    }

    private mutating func rank(_ file: FileCount) {
        if worstFiles.count == Self.worstFileLimit, let last = worstFiles.last, !Self.isWorse(file, than: last) { return }
        let position = worstFiles.firstIndex { Self.isWorse(file, than: $0) } ?? worstFiles.count
        worstFiles.insert(file, at: position)
        if worstFiles.count > Self.worstFileLimit { worstFiles.removeLast() }
    }

    static func isWorse(_ a: FileCount, than b: FileCount) -> Bool {
        (a.counts.errors, a.counts.warnings, a.counts.notes, -a.order)
            > (b.counts.errors, b.counts.warnings, b.counts.notes, -b.order)
    }

    /// Rules with findings, most findings first (ties by rule ID, so the order is stable).
    public var rulesByCount: [(id: String, count: RuleCount)] {
        perRule.map { ($0.key, $0.value) }.sorted {
            $0.count.total != $1.count.total ? $0.count.total > $1.count.total : $0.id < $1.id
        }
    }

    /// Files per second, when the run was timed.
    public var rate: Double? {
        guard let elapsed, elapsed > 0 else { return nil }
        return Double(counts.files) / elapsed
    }
}

extension ReportSummary {
    /// Counts one more report.
    public mutating func add(_ report: FileReport) {
        files += 1
        for diagnostic in report.diagnostics {
            if diagnostic.isSuppressed {
                suppressed += 1
                continue
            }
            if diagnostic.baselineState == .unchanged {
                baseline += 1
                continue
            }
            switch diagnostic.level {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            case .off: break
            }
        }
        for problem in report.problems {
            switch problem.severity {
            case .error: problemErrors += 1
            case .warning: problemWarnings += 1
            }
        }
    }
}
