import CLibXML2Floor
import Dispatch
import Foundation
import PostLint

// postlint-bench: generates a deterministic corpus, runs every scenario, prints one table.
// Usage: swift run -c release postlint-bench [--quick] [--only a,b,…] [--repeat N] [--list]

struct Options {
    var quick = false
    var only: Set<String>?
    var repeats = 3
    var processRuns = 30
    var lspChanges = 200
    var list = false
    /// Where to keep the small-post folders (for profiling a whole process on them).
    var keep: String?

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--quick": quick = true
            case "--only": only = Set((iterator.next() ?? "").split(separator: ",").map(String.init))
            case "--repeat": repeats = max(1, Int(iterator.next() ?? "") ?? 3)
            case "--process-runs": processRuns = max(1, Int(iterator.next() ?? "") ?? 30)
            case "--lsp-changes": lspChanges = max(1, Int(iterator.next() ?? "") ?? 200)
            case "--list": list = true
            case "--keep": keep = iterator.next()
            case "-h", "--help":
                print("""
                usage: postlint-bench [--quick] [--only SCENARIO,…] [--repeat N] [--process-runs N] [--lsp-changes N] [--keep DIR] [--list]
                  --quick         smaller corpora and batches (a smoke run, not for docs/benchmarks.md)
                  --only          run only these scenarios (see --list); the floor always runs
                  --repeat N      timed repeats of each in-process scenario, best kept (default 3)
                  --process-runs  runs of the one-small-post process scenario, median kept (default 30)
                  --lsp-changes   edits timed in the editor scenario, median, p90 and max kept (default 200)
                  --keep DIR      write the small-post folders into DIR and keep them, to profile one process on them
                """)
                exit(0)
            default:
                FileHandle.standardError.write(Data("postlint-bench: unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
        if quick { repeats = min(repeats, 2); processRuns = min(processRuns, 10); lspChanges = min(lspChanges, 40) }
    }

    func runs(_ scenario: String) -> Bool { only.map { $0.contains(scenario) } ?? true }
}

let scenarioNames = ["parse-html", "check-html", "check-text", "check-markdown", "roster-30", "roster-50000",
                     "sealed-30", "sealed-50000", "cores-1", "cores-all", "big-html-50mb", "big-text-50mb", "roster-load-50000",
                     "sealed-load-50000",
                     "process-small", "process-small-roster-50000", "cli-batch-200", "cli-batch-20000", "lsp-latency"]
    + SmallPosts.scenarios
let options = Options(CommandLine.arguments.dropFirst())
if options.list {
    print((["floor"] + scenarioNames).joined(separator: "\n"))
    exit(0)
}

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

// MARK: The corpus

let work = NSTemporaryDirectory() + "postlint-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }

let bigRoster = Generator.roster(count: 50_000)
let smallRoster = Array(bigRoster.prefix(30))
let roster50000Path = work + "/roster-50000.csv"
let roster30Path = work + "/roster-30.csv"
try Generator.rosterCSV(bigRoster).write(toFile: roster50000Path, atomically: false, encoding: .utf8)
try Generator.rosterCSV(smallRoster).write(toFile: roster30Path, atomically: false, encoding: .utf8)

/// A corpus of `count` posts of one format, 2 KB to 256 KB, names drawn from the 30-pupil roster
/// (who are also in the 50,000), 15% of paragraphs carrying a finding.
func corpus(_ format: BenchFormat, count: Int, seed: UInt64) -> [[UInt8]] {
    Generator.sizes(count: count, minimum: 2_000, maximum: 256_000, seed: seed).enumerated().map { index, size in
        Array(Generator.post(format, size: size, seed: seed &+ UInt64(index), pupils: smallRoster).utf8)
    }
}

let corpusCount = options.quick ? 60 : 300
log("generating corpora (\(corpusCount) posts per format)…")
let htmlCorpus = corpus(.html, count: corpusCount, seed: 1000)
let textCorpus = options.runs("check-text") ? corpus(.text, count: corpusCount, seed: 2000) : []
let markdownCorpus = options.runs("check-markdown") ? corpus(.markdown, count: corpusCount, seed: 3000) : []
func totalBytes(_ posts: [[UInt8]]) -> Int { posts.reduce(0) { $0 + $1.count } }

func schoolConfiguration(roster: [String] = []) -> Configuration {
    var configuration = Configuration()
    configuration.school.name = "Beechwood Primary School"
    configuration.school.domains = ["beechwood.example.sch.uk"]
    configuration.school.phones = ["01625 000000"]
    configuration.school.logo = ["beechwood-logo", "crest"]
    configuration.sources.domains = ["gov.uk", "nspcc.org.uk"]
    configuration.sources.names = ["Department for Education", "NSPCC"]
    configuration.positions = ["Forest School Lead"]
    configuration.roster = roster
    return configuration
}

let configurationYAML = """
school:
  name: Beechwood Primary School
  domains: [beechwood.example.sch.uk]
  phones: ["01625 000000"]
  logo: ["beechwood-logo", "crest"]
roster: [ROSTER]
sources:
  domains: [gov.uk, nspcc.org.uk]
  names: [Department for Education, NSPCC]
positions: [Forest School Lead]

"""

// MARK: Running scenarios

var rows: [Row] = []

/// Best of `options.repeats` runs of `body` (after resetting the peak), as a table row.
func timed(_ scenario: String, bytes: Int, posts: Int, floor: Double?, note: String = "", repeats: Int = options.repeats,
           _ body: () -> Void) -> Row {
    log("running \(scenario)…")
    Measure.resetPeak()
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = Measure.now()
        body()
        best = min(best, Measure.now() - start)
    }
    return Row(scenario: scenario, bytes: bytes, posts: posts, seconds: best, peakRSS: Measure.peakRSS(),
               floorMBps: floor, note: note)
}

/// A sink the optimiser cannot see through.
nonisolated(unsafe) var sink = 0

// The floor: libxml2 parsing the same HTML and walking every text node and attribute, one core.
postlint_floor_init()
let htmlBytes = totalBytes(htmlCorpus)
let floorRow = timed("floor (libxml2 parse+walk, C)", bytes: htmlBytes, posts: htmlCorpus.count, floor: nil) {
    for post in htmlCorpus {
        sink &+= Int(post.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                postlint_floor_parse_html($0, buffer.count)
            }
        })
    }
}
let floor = floorRow.mbps
rows.append(floorRow)

if options.runs("parse-html") {
    rows.append(timed("parse only (HTMLReader)", bytes: htmlBytes, posts: htmlCorpus.count, floor: floor) {
        for (index, post) in htmlCorpus.enumerated() {
            sink &+= HTMLReader.read(SourceText(path: "post\(index).html", utf8: post)).blocks.count
        }
    })
}

let linter = Linter()
let school = schoolConfiguration()

func checkAll(_ posts: [[UInt8]], format: DocumentFormat, configuration: Configuration, linter: Linter = linter) {
    for (index, post) in posts.enumerated() {
        sink &+= linter.lint(bytes: post, path: "post\(index)", format: format, configuration: configuration).diagnostics.count
    }
}

if options.runs("check-html") {
    rows.append(timed("full check, HTML, 1 core", bytes: htmlBytes, posts: htmlCorpus.count, floor: floor, note: "target ≥ 0.7× floor") {
        checkAll(htmlCorpus, format: .html, configuration: school)
    })
}
if options.runs("check-text") {
    rows.append(timed("full check, text, 1 core", bytes: totalBytes(textCorpus), posts: textCorpus.count, floor: floor,
                      note: "target ≥ 100 MB/s") {
        checkAll(textCorpus, format: .text, configuration: school)
    })
}
if options.runs("check-markdown") {
    rows.append(timed("full check, Markdown, 1 core", bytes: totalBytes(markdownCorpus), posts: markdownCorpus.count, floor: floor) {
        checkAll(markdownCorpus, format: .markdown, configuration: school)
    })
}

// Rosters: loaded once per run by the linter's store, so load them before timing the checks.
var rosterRows: [String: Row] = [:]
for (scenario, path, count) in [("roster-30", roster30Path, 30), ("roster-50000", roster50000Path, 50_000)] where options.runs(scenario) {
    let rosterLinter = Linter()
    let configuration = schoolConfiguration(roster: [path])
    _ = rosterLinter.rosters.roster(for: [path])
    var row = timed("full check, HTML, roster of \(count)", bytes: htmlBytes, posts: htmlCorpus.count, floor: floor) {
        checkAll(htmlCorpus, format: .html, configuration: configuration, linter: rosterLinter)
    }
    if let small = rosterRows["roster-30"] {
        row.note = String(format: "%.2f× the time of 30 (target ≤ 1.1×)", row.seconds / small.seconds)
    }
    rosterRows[scenario] = row
    rows.append(row)
}

// The same with the rosters sealed (`postlint roster seal`): the names only as keyed hashes, the
// draft's candidate words hashed instead.
let benchKey = try RosterKey(secret: "postlint-bench roster key, not a secret", origin: "the benchmark")
func sealed(_ csv: String) throws -> String {
    let path = csv.replacingOccurrences(of: ".csv", with: ".sealed")
    if !FileManager.default.fileExists(atPath: path) {
        guard let bytes = RosterSealer.seal(paths: [csv], options: RosterLoadOptions(), key: benchKey).sealed else {
            throw CocoaError(.fileWriteUnknown)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    return path
}
let sealedEnvironment = [RosterKey.environmentVariable: "postlint-bench roster key, not a secret"]
for (scenario, csv, count) in [("sealed-30", roster30Path, 30), ("sealed-50000", roster50000Path, 50_000)] where options.runs(scenario) {
    let path = try sealed(csv)
    let rosterLinter = Linter(rosters: RosterStore(environment: sealedEnvironment))
    let configuration = schoolConfiguration(roster: [path])
    _ = rosterLinter.rosters.roster(for: configuration)
    var row = timed("full check, HTML, sealed roster of \(count)", bytes: htmlBytes, posts: htmlCorpus.count, floor: floor) {
        checkAll(htmlCorpus, format: .html, configuration: configuration, linter: rosterLinter)
    }
    if let small = rosterRows[scenario == "sealed-30" ? "roster-30" : "sealed-30"] {
        let against = scenario == "sealed-30" ? "the CSV roster of 30" : "sealed 30 (target ≤ 1.1×)"
        row.note = String(format: "%.2f× the time of ", row.seconds / small.seconds) + against
    }
    rosterRows[scenario] = row
    rows.append(row)
}

// Cores: the same HTML files from disk, one after another on one core, then BatchLinter on all.
if options.runs("cores-1") || options.runs("cores-all") {
    let folder = work + "/cores"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var files: [(path: String, format: DocumentFormat)] = []
    for (index, post) in htmlCorpus.enumerated() {
        let path = folder + "/post-\(index).html"
        FileManager.default.createFile(atPath: path, contents: Data(post))
        files.append((path, .html))
    }
    var oneCore: Row?
    if options.runs("cores-1") {
        let row = timed("files, HTML, 1 core (sequential)", bytes: htmlBytes, posts: files.count, floor: floor) {
            for file in files {
                sink &+= linter.lintFile(at: file.path, format: .html, configuration: school).diagnostics.count
            }
        }
        oneCore = row
        rows.append(row)
    }
    if options.runs("cores-all") {
        let batch = BatchLinter(linter: linter) { _ in BatchLinter.FileSettings(configuration: school, relativePath: nil) }
        var row = timed("files, HTML, BatchLinter, \(ProcessInfo.processInfo.activeProcessorCount) cores", bytes: htmlBytes,
                        posts: files.count, floor: floor) {
            batch.run(files) { sink &+= $0.diagnostics.count }
        }
        if let oneCore { row.note = String(format: "%.2f× one core (target ≥ 1.8× on 2)", oneCore.seconds / row.seconds) }
        rows.append(row)
    }
    try? FileManager.default.removeItem(atPath: folder)
}

// One 50 MB file, held in memory by the caller as a CLI would after reading it.
for (scenario, format) in [("big-html-50mb", BenchFormat.html), ("big-text-50mb", BenchFormat.text)] where options.runs(scenario) {
    let size = options.quick ? 5_000_000 : 50_000_000
    log("generating one \(size / 1_000_000) MB \(format.rawValue) file…")
    let big = Array(Generator.post(format, size: size, seed: 99, pupils: smallRoster).utf8)
    let documentFormat: DocumentFormat = format == .html ? .html : .text
    rows.append(timed("one \(size / 1_000_000) MB \(format.rawValue) file, full check", bytes: big.count, posts: 1, floor: floor,
                      note: "peak includes the file itself", repeats: 1) {
        sink &+= linter.lint(bytes: big, path: "big", format: documentFormat, configuration: school).diagnostics.count
    })
}

if options.runs("roster-load-50000") {
    log("running roster-load-50000…")
    Measure.resetPeak()
    var times: [Double] = []
    for _ in 0..<5 {
        let start = Measure.now()
        sink &+= RosterLoader.load(paths: [roster50000Path]).roster?.statistics.pupils ?? 0
        times.append(Measure.now() - start)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: roster50000Path)[.size] as? Int) ?? 0
    rows.append(Row(scenario: "load roster of 50,000 (median of 5)", bytes: size, posts: 1, seconds: Measure.median(times),
                    peakRSS: Measure.peakRSS(), floorMBps: nil, note: "target < 200 ms"))
}

if options.runs("sealed-load-50000") {
    log("running sealed-load-50000…")
    let path = try sealed(roster50000Path)
    Measure.resetPeak()
    var times: [Double] = []
    let loadOptions = RosterLoadOptions(key: RosterKeySource(environment: sealedEnvironment, keyFile: nil))
    for _ in 0..<5 {
        let start = Measure.now()
        sink &+= RosterLoader.load(paths: [path], options: loadOptions).roster?.statistics.pupils ?? 0
        times.append(Measure.now() - start)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    rows.append(Row(scenario: "load sealed roster of 50,000 (median of 5)", bytes: size, posts: 1, seconds: Measure.median(times),
                    peakRSS: Measure.peakRSS(), floorMBps: nil, note: "target < 300 ms"))
}

// MARK: Processes: the release `postlint` binary, as a pre-commit hook or a comms lead runs it

/// The release `postlint` next to this benchmark, brought up to date first: `swift run postlint-bench`
/// builds only the benchmark, and a stale binary would time old code.
func postlintBinary() -> String? {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let binary = directory.appendingPathComponent("postlint").path
    log("building the release postlint binary (a no-op when it is current)…")
    // .build/<triple>/release/postlint-bench → the package folder is three levels up.
    let package = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let build = Measure.spawn(["/usr/bin/env", "swift", "build", "-c", "release", "--product", "postlint", "--package-path", package])
    if build?.status != 0 { log("warning: could not build postlint; the process rows use the binary as it is, if any") }
    return FileManager.default.isExecutableFile(atPath: binary) ? binary : nil
}

let processScenarios = ["process-small", "process-small-roster-50000", "cli-batch-200", "cli-batch-20000", "lsp-latency",
                         "small-posts", "small-posts-roster", "small-posts-cores"]
let binary = processScenarios.contains(where: options.runs) ? postlintBinary() : nil
rows += try SmallPosts.run(.init(options: options, binary: binary, work: work, pupils: smallRoster, rosterPath: roster30Path,
                                 configurationYAML: configurationYAML))
if let binary {
    for (scenario, rosterPath) in [("process-small", roster30Path), ("process-small-roster-50000", roster50000Path)] where options.runs(scenario) {
        log("running \(scenario)…")
        let folder = work + "/\(scenario)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try configurationYAML.replacingOccurrences(of: "ROSTER", with: rosterPath)
            .write(toFile: folder + "/.postlint.yml", atomically: false, encoding: .utf8)
        let post = Generator.post(.html, size: 4_000, seed: 5, pupils: smallRoster)
        try post.write(toFile: folder + "/post.html", atomically: false, encoding: .utf8)
        _ = Measure.spawn([binary, "check", "post.html"], currentDirectory: folder)  // warm the page cache
        var times: [Double] = []
        var peak = 0
        for _ in 0..<options.processRuns {
            guard let run = Measure.spawn([binary, "check", "post.html"], currentDirectory: folder) else { continue }
            times.append(run.seconds)
        }
        peak = Measure.spawnMeasuringRSS([binary, "check", "post.html"], currentDirectory: folder)?.peakRSS ?? 0
        rows.append(Row(scenario: "`postlint check post.html` (4 KB\(rosterPath == roster30Path ? "" : ", 50,000 names")), median of \(options.processRuns)",
                        bytes: post.utf8.count, posts: 1, seconds: Measure.median(times), peakRSS: peak, floorMBps: nil,
                        note: rosterPath == roster30Path ? "target ≤ 30 ms" : "includes loading the roster"))
    }
    var batchPeaks: [Int: Int] = [:]
    for (scenario, count) in [("cli-batch-200", 200), ("cli-batch-20000", 20_000)] where options.runs(scenario) {
        let posts = options.quick ? count / 10 : count
        log("generating \(posts) posts for \(scenario)…")
        let folder = work + "/\(scenario)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try configurationYAML.replacingOccurrences(of: "ROSTER", with: roster30Path)
            .write(toFile: folder + "/.postlint.yml", atomically: false, encoding: .utf8)
        var bytes = 0
        let sizes = Generator.sizes(count: posts, minimum: 2_000, maximum: 16_000, seed: 77)
        for index in 0..<posts {
            let post = Generator.post(.html, size: sizes[index], seed: 10_000 &+ UInt64(index), pupils: smallRoster)
            bytes += post.utf8.count
            try post.write(toFile: folder + String(format: "/post-%05d.html", index), atomically: false, encoding: .utf8)
        }
        log("running \(scenario)…")
        guard let run = Measure.spawnMeasuringRSS([binary, "check", "."], currentDirectory: folder) else { continue }
        batchPeaks[count] = run.peakRSS
        var note = "exit \(run.status)"
        if let small = batchPeaks[200], count != 200 {
            note += String(format: "; peak %.2f× that of 200 (target ≤ 2×)", Double(run.peakRSS) / Double(small))
        }
        rows.append(Row(scenario: "`postlint check .`, \(posts) HTML posts, all cores", bytes: bytes, posts: posts,
                        seconds: run.seconds, peakRSS: run.peakRSS, floorMBps: floor, note: note))
        try? FileManager.default.removeItem(atPath: folder)
    }
    if options.runs("lsp-latency") {
        log("running lsp-latency…")
        signal(SIGPIPE, SIG_IGN)  // a server that dies is a missing row, not the end of the benchmark
        let folder = work + "/lsp-latency"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try configurationYAML.replacingOccurrences(of: "ROSTER", with: roster30Path)
            .write(toFile: folder + "/.postlint.yml", atomically: false, encoding: .utf8)
        for size in [4_000, 10_000] {
            let post = Generator.post(.html, size: size, seed: 6, pupils: smallRoster)
            guard let run = LSPLatency.measure(binary: binary, folder: folder, post: post, changes: options.lspChanges) else {
                log("warning: postlint lsp did not answer; no lsp-latency row for \(size / 1000) KB")
                continue
            }
            rows.append(Row(scenario: "`postlint lsp` didChange → diagnostics (\(size / 1000) KB), median of \(run.times.count)",
                            bytes: post.utf8.count, posts: 1, seconds: Measure.median(run.times), peakRSS: run.peakRSS,
                            floorMBps: nil, note: String(format: "p90 %.1f ms, max %.1f ms; %d findings",
                                                         LSPLatency.percentile(run.times, 0.9) * 1000,
                                                         (run.times.max() ?? 0) * 1000, run.findings)))
        }
    }
}

print(Table.render(rows))
log("(sink \(sink))")
