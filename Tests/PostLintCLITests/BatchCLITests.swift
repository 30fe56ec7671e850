import Foundation
@testable import PostLint
@testable import PostLintReporters
import PostLintTestSupport
import Testing

/// The comms lead's batch: a folder of generated drafts through the real binary, every format,
/// deterministic order, the HTML report opened and checked against the JSON one, progress only on a
/// terminal and never with --quiet.
@Suite(.serialized) struct BatchCLITests {
    static let byline = "Posted by Mrs J. Patel, Year 3 Teacher"

    /// Draft N: clean, a personal phone number and email, an opinion with markup in it, or no byline.
    static func draft(_ index: Int) -> String {
        let filler = "Our pupils enjoyed a busy week of reading, music and outdoor learning.\n\n"
        switch index % 4 {
        case 1: return filler + "Call 01632 960\(String(format: "%03d", index % 1000)) or email c\(index % 7)@gmail.com.\n\n\(byline)\n"
        case 2: return filler + "Personally, I think it was the best day <script>alert(\(index))</script> ever!\n\n\(byline)\n"
        case 3: return filler + "No byline here.\n"
        default: return filler + "\(byline)\n"
        }
    }

    static func makeDrafts(_ count: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for index in 0..<count {
            try folder.write("drafts/part-\(index / 250)/draft-\(String(format: "%04d", index)).txt", draft(index))
        }
        return folder
    }

    @Test func thousandDraftsInDeterministicOrderWithAnHTMLReportThatAgreesWithJSON() throws {
        let count = 1_000
        let folder = try Self.makeDrafts(count)
        let started = Date()
        let html = try PostLintProcess.run(["check", "drafts", "--format", "html", "--output", "report.html"], in: folder.path)
        let htmlSeconds = Date().timeIntervalSince(started)
        #expect(html.status == 1, "\(html.standardError)")
        #expect(html.standardOutput.isEmpty)
        #expect(html.standardError.contains("\(count) files checked"), "machine formats put the summary on stderr")
        #expect(!html.standardError.contains("\r"))

        let json = try PostLintProcess.run(["check", "drafts", "--format", "json"], in: folder.path)
        let document = try JSONDecoder().decode(JSONReport.self, from: Data(json.standardOutput.utf8))
        #expect(document.files.count == count)
        #expect(document.files.map(\.path) == document.files.map(\.path).sorted(), "files come in sorted input order")
        var perRule: [String: [Int]] = [:]
        for file in document.files {
            for diagnostic in file.diagnostics where !diagnostic.suppressed {
                var row = perRule[diagnostic.ruleId, default: [0, 0, 0, 0]]
                row[["error": 0, "warning": 1, "note": 2][diagnostic.level]!] += 1
                row[3] += 1
                perRule[diagnostic.ruleId] = row
            }
        }
        #expect(!perRule.isEmpty)

        let page = try String(contentsOfFile: folder.absolute("report.html"), encoding: .utf8)
        #expect(HTMLReportTable.ruleCounts(in: page) == perRule)
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        let cleanFiles = document.files.filter { $0.diagnostics.isEmpty }.count
        #expect(page.contains("<h2 id=\"clean\">Clean drafts (\(cleanFiles))</h2>"))
        #expect(page.components(separatedBy: "<article class=\"draft\"").count - 1 == count - cleanFiles)
        // Drafts with a must-fix finding come first, then the rest; each group in the JSON report's order.
        let articlePaths = page.components(separatedBy: "<h3 id=\"draft-").dropFirst().map { piece in
            String(piece.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" })
        }
        let withFindings = document.files.filter { !$0.diagnostics.isEmpty }
        let mustFix = withFindings.filter { $0.diagnostics.contains { $0.level == "error" && !$0.suppressed } }
        #expect(!mustFix.isEmpty && mustFix.count < withFindings.count, "the batch should hold both kinds")
        #expect(articlePaths == (mustFix + withFindings.filter { file in !mustFix.contains { $0.path == file.path } }).map(\.path))

        let text1 = try PostLintProcess.run(["check", "drafts"], in: folder.path)
        let text2 = try PostLintProcess.run(["check", "drafts"], in: folder.path)
        let stripTiming = { (text: String) in text.split(separator: "\n").filter { !$0.contains("checked in") } }
        #expect(stripTiming(text1.standardOutput) == stripTiming(text2.standardOutput))
        #expect(text1.standardError.isEmpty, "no progress without a terminal")
        print("batch of \(count) drafts, --format html: \(String(format: "%.2f", htmlSeconds)) s wall")
    }

    @Test func quietLeavesOutTheSummaryButKeepsFindings() throws {
        let folder = try Self.makeDrafts(8)
        let text = try PostLintProcess.run(["check", "drafts", "--quiet"], in: folder.path)
        #expect(text.standardOutput.contains("[contact-phone]"))
        #expect(!text.standardOutput.contains("files checked"))
        #expect(text.standardError.isEmpty)
        let json = try PostLintProcess.run(["check", "drafts", "--quiet", "--format", "sarif"], in: folder.path)
        #expect(json.standardError.isEmpty)
        #expect(json.status == 1)
    }

    @Test func textSummaryClosesTheReport() throws {
        let folder = try Self.makeDrafts(8)
        let result = try PostLintProcess.run(["check", "drafts"], in: folder.path)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("8 files checked:") })
        let summary = lines[start...]
        #expect(summary.contains("  files: 2 clean, 6 with findings"))
        #expect(summary.contains { $0.hasPrefix("  contact-phone") })
        #expect(summary.contains("  worst files:"))
        #expect(summary.last?.hasPrefix("  checked in ") == true)
        #expect(summary.last?.hasSuffix(" files/s)") == true)
    }

    @Test func noProgressBytesWithoutATerminal() throws {
        let folder = try Self.makeDrafts(40)
        let result = try PostLintProcess.run(["check", "drafts", "--format", "json"], in: folder.path,
                                             environment: ["POSTLINT_PROGRESS_DELAY": "0"])
        #expect(!result.standardError.contains("\r"))
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(!result.standardError.contains("/40 files"))
    }

    /// util-linux `script` gives the binary a pseudo-terminal, as a person's shell would.
    static let script: String? = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func onTerminal(_ arguments: [String], in folder: String) throws -> String {
        let command = ([PostLintProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script!)
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["POSTLINT_PROGRESS_DELAY"] = "0"
        process.environment = environment
        let output = folder + "/terminal.out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self)
    }

    @Test(.enabled(if: script != nil, "needs util-linux script for a pseudo-terminal"))
    func progressIsDrawnInPlaceOnATerminalAndRemoved() throws {
        let folder = try Self.makeDrafts(60)
        let shown = try Self.onTerminal(["check", "drafts", "--format", "json", "--output", "out.json"], in: folder.path)
        #expect(shown.contains("\r\u{1B}[2Kpostlint: "), "drawn in place: \(shown.debugDescription)")
        #expect(shown.contains("/60 files"))
        #expect(shown.contains(" files/s, "))
        #expect(shown.contains(" left"))
        // Removed before the summary: the last progress draw is followed by a clear-line.
        let lastDraw = try #require(shown.range(of: "\r\u{1B}[2Kpostlint: ", options: .backwards))
        let rest = shown[lastDraw.upperBound...]
        #expect(rest.contains("\r\u{1B}[2K"))
        #expect(rest.contains("60 files checked"))

        let quiet = try Self.onTerminal(["check", "drafts", "--quiet", "--format", "json", "--output", "out.json"], in: folder.path)
        #expect(!quiet.contains("\u{1B}[2K"))
        #expect(!quiet.contains("files checked"))
    }
}
