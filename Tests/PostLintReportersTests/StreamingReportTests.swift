import Foundation
@testable import PostLint
@testable import PostLintReporters
import PostLintTestSupport
import Testing

/// Streaming reporters write the same report the whole-document builders describe, whether the
/// output is collected in memory, buffered to a descriptor or written through the atomic file stream.
struct StreamingReportTests {
    /// The fixture plus many generated files, so arrays have commas, empty members and many entries.
    static func bigReport(files count: Int = 40) -> RunReport {
        var report = ReporterFixture.report()
        for index in 0..<count {
            let text = index % 3 == 0 ? "All clean \(index).\n" : "Line one \(index)\nCall 07700 900\(100 + index) now\n"
            let source = SourceText(path: "gen/\(index).txt", text: text)
            var diagnostics: [Diagnostic] = []
            if index % 3 != 0 {
                let start = text.utf8.count - 18
                diagnostics.append(Diagnostic(ruleID: index % 2 == 0 ? "phone-number" : "full-name",
                                              level: index % 2 == 0 ? .error : .warning, message: "m\(index)",
                                              region: source.lines.region(of: start..<(start + 13)), snippet: "07700 900"))
            }
            report.files.append(FileReport(path: "gen/\(index).txt", format: .text, diagnostics: diagnostics, source: source))
        }
        return report
    }

    static func streamed(_ reporter: any Reporter, _ report: RunReport, into sink: any ReportSink) throws {
        let stream = reporter.stream(to: sink)
        try stream.begin(RunFacts(report))
        for file in report.files { try stream.file(file) }
        try stream.end(RunSummary(report.files))
        try sink.flush()
    }

    @Test(arguments: [0, 1, 40])
    func jsonStreamEqualsTheWholeDocumentByteForByte(files: Int) throws {
        var report = Self.bigReport(files: files)
        if files == 0 { report.files = [] }
        let encoder = JSONFragments.encoder()
        let whole = String(decoding: try encoder.encode(JSONReporter().document(for: report)), as: UTF8.self) + "\n"
        #expect(JSONReporter().render(report) == whole)
    }

    @Test(arguments: [0, 40])
    func sarifStreamDescribesTheSameLogAsTheWholeDocument(files: Int) throws {
        var report = Self.bigReport(files: files)
        if files == 0 { report.files = [] }
        let encoder = JSONFragments.encoder()
        let whole = try JSONSerialization.jsonObject(with: try encoder.encode(SARIFReporter().log(for: report))) as? NSDictionary
        let streamed = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8)) as? NSDictionary
        #expect(whole != nil)
        #expect(streamed == whole)
    }

    @Test func sarifListsRulesBeforeResults() throws {
        let text = SARIFReporter().render(Self.bigReport())
        let rules = try #require(text.range(of: "\"rules\" :"))
        let results = try #require(text.range(of: "\"results\" :"))
        #expect(rules.lowerBound < results.lowerBound)
    }

    /// The text findings are exactly what the old all-at-once renderer printed: each file's problems
    /// and finding blocks in order, then a blank line and the summary.
    @Test func textStreamEqualsTheOldRendering() {
        let report = Self.bigReport()
        let reporter = TextReporter()
        var old = ""
        for file in report.files {
            for problem in file.problems { old += reporter.problemLine(problem) + "\n" }
            for diagnostic in file.diagnostics where !diagnostic.isSuppressed && diagnostic.level != .off {
                old += reporter.block(for: diagnostic, in: file, rule: report.rule(diagnostic.ruleID))
            }
        }
        let quiet = TextReporter(showsSummary: false).render(report)
        #expect(quiet == old)
        let full = reporter.render(report)
        #expect(full.hasPrefix(old + "\n" + report.summary.sentence + "\n"))
    }

    @Test(arguments: ReportFormat.allCases)
    func atomicFileStreamAndBufferedDescriptorMatchRender(format: ReportFormat) throws {
        let folder = try TemporaryFolder()
        let report = Self.bigReport(files: 300)
        let expected = format.reporter().render(report)

        let path = folder.absolute("report.out")
        let file = try AtomicFileWriter.Stream(path: path)
        #expect(!FileManager.default.fileExists(atPath: path), "nothing appears before commit")
        try Self.streamed(format.reporter(), report, into: file)
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)

        let piped = folder.absolute("piped.out")
        let descriptor = open(piped, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        try Self.streamed(format.reporter(), report, into: FileDescriptorSink(descriptor: descriptor, capacity: 97))
        close(descriptor)
        #expect(try String(contentsOfFile: piped, encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["piped.out", "report.out"])
    }

    @Test func discardedAtomicStreamLeavesTheOldFileAndNoTemporary() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("report.json", "old\n")
        do {
            let stream = try AtomicFileWriter.Stream(path: path)
            try stream.write(String(repeating: "new ", count: 50_000))
            stream.discard()
        }
        do {
            // Dropped without commit (as when a run fails half way): same outcome.
            let stream = try AtomicFileWriter.Stream(path: path)
            try stream.write("half")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func spoolCopiesLargeTextWithoutSplittingCharacters() throws {
        let spool = try Spool()
        let text = String(repeating: "é\u{1F44F}ab", count: 40_000)
        try spool.write(text)
        let sink = StringSink()
        try spool.copy(to: sink)
        #expect(sink.text == text)
    }
}

/// The closing summary: counts per rule and level, clean against with findings, the worst files.
struct RunSummaryTests {
    func report(_ path: String, _ levels: [(String, Level)], problems: Int = 0, suppressed: Int = 0) -> FileReport {
        let source = SourceText(path: path, text: "x\n")
        let region = source.lines.region(of: 0..<1)
        var diagnostics = levels.map { Diagnostic(ruleID: $0.0, level: $0.1, message: "m", region: region, snippet: "x") }
        diagnostics += (0..<suppressed).map { _ in
            Diagnostic(ruleID: "hidden", level: .error, message: "m", region: region, snippet: "x", isSuppressed: true)
        }
        let problemList = (0..<problems).map { _ in Problem(severity: .warning, path: path, message: "odd") }
        return FileReport(path: path, format: .text, diagnostics: diagnostics, problems: problemList)
    }

    @Test func countsPerRuleAndLevelAndCleanFiles() {
        let summary = RunSummary([
            report("a", []),
            report("b", [("phone", .error), ("phone", .warning), ("opinion", .note)]),
            report("c", [("opinion", .warning)], suppressed: 2),
            report("d", [], problems: 1),
        ])
        #expect(summary.counts.files == 4)
        #expect(summary.cleanFiles == 1)
        #expect(summary.filesWithFindings == 2)
        #expect(summary.filesWithProblems == 1)
        #expect(summary.counts.suppressed == 2)
        #expect(summary.perRule["phone"] == .init(errors: 1, warnings: 1))
        #expect(summary.perRule["opinion"] == .init(warnings: 1, notes: 1))
        #expect(summary.perRule["hidden"] == nil, "suppressed findings are not counted per rule")
        #expect(summary.rulesByCount.map(\.id) == ["opinion", "phone"], "ties go by rule ID")
    }

    @Test func worstFilesAreTopFiveByErrorsThenWarnings() {
        var reports: [FileReport] = []
        for index in 0..<12 {
            let errors = index % 4
            let warnings = index
            reports.append(report("f\(index)", Array(repeating: ("r", Level.error), count: errors)
                                   + Array(repeating: ("r", Level.warning), count: warnings)))
        }
        let summary = RunSummary(reports)
        // errors: f3,f7,f11 have 3; f11 has most warnings, then f7, f3; then 2 errors: f10, f6.
        #expect(summary.worstFiles.map(\.path) == ["f11", "f7", "f3", "f10", "f6"])
    }

    @Test func textSummaryHasTheTableWorstFilesAndTiming() {
        var summary = RunSummary([report("a.md", [("phone", .error), ("opinion", .warning)]), report("b.md", [])])
        summary.elapsed = 2
        let text = TextReporter().summary(summary)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "2 files checked: 1 error, 1 warning, 0 notes")
        #expect(lines.contains("  files: 1 clean, 1 with findings"))
        #expect(lines.contains { $0.hasPrefix("  rule") && $0.hasSuffix("errors  warnings     notes     total") })
        #expect(lines.contains { $0.hasPrefix("  phone ") && $0.hasSuffix("1         0         0         1") })
        #expect(lines.contains("    a.md: 1 error, 1 warning"))
        #expect(lines.last == "  checked in 2.0 s (1.0 files/s)")
    }

    @Test func progressLineShowsDoneTotalRateAndTimeLeft() {
        #expect(ProgressLine(done: 500, total: 2000, elapsed: 2).text == "postlint: 500/2000 files, 250 files/s, 0:06 left")
        #expect(ProgressLine(done: 0, total: 10, elapsed: 0).text == "postlint: 0/10 files")
        #expect(ProgressLine.clock(3725) == "1:02:05")
        #expect(ProgressLine.rate(2.345) == "2.3")
    }
}
