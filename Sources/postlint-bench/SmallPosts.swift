import CLibXML2Floor
import Foundation
import PostLint
import PostLintReporters

/// Real posts are 2–10 KB, where the per-file and per-finding costs that the large corpus hides
/// decide the time: whole `postlint check` processes over a folder of small posts, each beside the C
/// floor on the same bytes measured in the same run, and the reporters' cost per finding.
enum SmallPosts {
    static let scenarios = ["small-posts", "small-posts-roster", "small-posts-cores", "output-json", "output-sarif"]

    /// Sizes drawn like real posts: log-normal around a 4 KB median, none under 600 bytes, a long tail
    /// cut at 60 KB.
    static func sizes(count: Int, seed: UInt64) -> [Int] {
        var random = SeededRandom(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        return (0..<count).map { _ in
            let normal = (-2 * log(max(uniform(), 1e-12))).squareRoot() * cos(2 * Double.pi * uniform())
            return min(60_000, max(600, Int(4_000 * exp(0.75 * normal))))
        }
    }

    struct Setup {
        var options: Options
        var binary: String?
        var work: String
        var pupils: [BenchPupil]
        var rosterPath: String
        var configurationYAML: String
    }

    static func run(_ setup: Setup) throws -> [Row] {
        let options = setup.options
        guard scenarios.contains(where: options.runs) else { return [] }
        let count = options.quick ? 200 : 2_000
        say("generating \(count) small posts…")
        let posts = sizes(count: count, seed: 404).enumerated().map { index, size in
            Array(Generator.post(.html, size: size, seed: 40_000 &+ UInt64(index), pupils: setup.pupils).utf8)
        }
        let bytes = posts.reduce(0) { $0 + $1.count }
        var rows: [Row] = []
        let floorRow = timed("floor on small posts (libxml2 parse+walk, C)", bytes: bytes, posts: posts.count,
                             floor: nil, repeats: options.repeats) {
            for post in posts {
                _ = post.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        postlint_floor_parse_html($0, buffer.count)
                    }
                }
            }
        }
        rows.append(floorRow)
        if let binary = setup.binary {
            rows += try processRows(setup, binary: binary, posts: posts, bytes: bytes, floor: floorRow)
        }
        rows += outputRows(setup, posts: posts)
        return rows
    }

    /// Whole processes over a folder, as the comms lead runs a batch: one core (`taskset`), with and
    /// without a roster whose names appear, then all cores.
    private static func processRows(_ setup: Setup, binary: String, posts: [[UInt8]], bytes: Int, floor: Row) throws -> [Row] {
        let options = setup.options
        var rows: [Row] = []
        var oneCore: Row?
        for (scenario, roster) in [("small-posts", false), ("small-posts-roster", true), ("small-posts-cores", false)]
        where options.runs(scenario) {
            let folder = (options.keep ?? setup.work) + "/\(scenario)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if options.keep == nil { try? FileManager.default.removeItem(atPath: folder) } }
            var yaml = setup.configurationYAML.replacingOccurrences(of: "ROSTER", with: setup.rosterPath)
            if !roster { yaml = yaml.split(separator: "\n").filter { !$0.hasPrefix("roster:") }.joined(separator: "\n") + "\n" }
            try yaml.write(toFile: folder + "/.postlint.yml", atomically: false, encoding: .utf8)
            for (index, post) in posts.enumerated() {
                FileManager.default.createFile(atPath: folder + String(format: "/post-%05d.html", index), contents: Data(post))
            }
            let allCores = scenario == "small-posts-cores"
            let command = (allCores ? [] : ["/usr/bin/taskset", "-c", "0"]) + [binary, "check", ".", "--format", "json", "--quiet"]
            say("running \(scenario)…")
            _ = Measure.spawn(command, currentDirectory: folder)  // warm the page cache
            var times: [Double] = []
            var status: Int32 = 0
            for _ in 0..<max(options.repeats, 3) {
                guard let run = Measure.spawn(command, currentDirectory: folder) else { continue }
                times.append(run.seconds)
                status = run.status
            }
            let peak = Measure.spawnMeasuringRSS(command, currentDirectory: folder)?.peakRSS ?? 0
            var row = Row(scenario: "`postlint check . --format json`, \(posts.count) small posts, "
                            + (allCores ? "all cores" : "1 core") + (roster ? ", roster of 30 (names appear)" : ", no roster"),
                          bytes: bytes, posts: posts.count, seconds: Measure.median(times), peakRSS: peak,
                          floorMBps: floor.mbps, note: "")
            let ratio = row.seconds / floor.seconds
            if allCores, let oneCore {
                row.note = String(format: "%.2f× one core (target ≥ 1.8× on 2); exit %d", oneCore.seconds / row.seconds, status)
            } else {
                row.note = String(format: "%.1f× the floor's time (target ≤ %@×); exit %d", ratio, roster ? "3.5" : "3", status)
            }
            if scenario == "small-posts" { oneCore = row }
            rows.append(row)
        }
        return rows
    }

    /// The reporters alone, on the findings of posts dense with pupils' names: µs per finding.
    private static func outputRows(_ setup: Setup, posts: [[UInt8]]) -> [Row] {
        let options = setup.options
        let formats = [("output-json", ReportFormat.json), ("output-sarif", ReportFormat.sarif)].filter { options.runs($0.0) }
        guard !formats.isEmpty else { return [] }
        say("checking posts dense with findings…")
        let linter = Linter()
        var configuration = Configuration()
        configuration.school.name = "Beechwood Primary School"
        configuration.school.domains = ["beechwood.example.sch.uk"]
        configuration.roster = [setup.rosterPath]
        let dense = posts.indices.map { index in
            Array(Generator.post(.html, size: posts[index].count, seed: 80_000 &+ UInt64(index), pupils: setup.pupils,
                                 findingRate: 0.6).utf8)
        }
        let reports = dense.enumerated().map { index, post in
            linter.lint(bytes: post, path: "post-\(index).html", format: .html, configuration: configuration)
        }
        let findings = reports.reduce(0) { $0 + $1.diagnostics.count }
        let facts = RunFacts(rules: linter.descriptors, workingDirectory: "/")
        return formats.map { scenario, format in
            let sink = CountingSink()
            let row = timed("\(scenario.dropFirst("output-".count).uppercased()) report of \(findings) findings (\(reports.count) posts)",
                            bytes: 0, posts: reports.count, floor: nil, repeats: options.repeats) {
                var summary = RunSummary()
                let stream = format.reporter().stream(to: sink)
                try? stream.begin(facts)
                for report in reports {
                    summary.add(report)
                    try? stream.file(report)
                }
                try? stream.end(summary)
            }
            var result = row
            result.note = String(format: "%.2f µs per finding (target ≤ 3 µs); %.1f MB written", row.seconds * 1e6 / Double(max(findings, 1)),
                                 Double(sink.bytes) / 1e6 / Double(max(options.repeats, 1)))
            return result
        }
    }

    /// Best of `repeats` runs of `body`.
    private static func timed(_ scenario: String, bytes: Int, posts: Int, floor: Row?, repeats: Int, _ body: () -> Void) -> Row {
        say("running \(scenario)…")
        Measure.resetPeak()
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = Measure.now()
            body()
            best = min(best, Measure.now() - start)
        }
        return Row(scenario: scenario, bytes: bytes, posts: posts, seconds: best, peakRSS: Measure.peakRSS(),
                   floorMBps: floor?.mbps)
    }

    private static func say(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}

/// Counts what a reporter writes and throws it away.
final class CountingSink: ReportSink {
    private(set) var bytes = 0
    func write(_ text: String) { bytes += text.utf8.count }
    func write(bytes: [UInt8]) { self.bytes += bytes.count }
    func flush() {}
}
