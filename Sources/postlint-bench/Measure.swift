#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Wall-clock time, peak memory and child processes, measured with the C library (no Foundation
/// timers): what the benchmark needs and nothing more.
enum Measure {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Resets this process's peak RSS (Linux: writing 5 to /proc/self/clear_refs), so each scenario
    /// reports its own peak. Returns false where that is not possible (the figure is then cumulative).
    @discardableResult
    static func resetPeak() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    /// This process's peak RSS in bytes (VmHWM), or the lifetime peak from getrusage.
    static func peakRSS() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes * 1024
        }
        var usage = rusage()
        getrusage(0, &usage)  // RUSAGE_SELF
        return Int(usage.ru_maxrss) * 1024
    }

    /// Runs a program, waits for it, and returns its wall time, exit status and peak RSS (from wait4's
    /// rusage: the same figure as `/usr/bin/time -f %M`). Standard output and error go to /dev/null.
    static func spawn(_ arguments: [String], currentDirectory: String? = nil) -> (seconds: Double, status: Int32, peakRSS: Int)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        // The child starts in `currentDirectory` (the benchmark is single-threaded while it spawns).
        let previous = FileManager.default.currentDirectoryPath
        if let currentDirectory { _ = FileManager.default.changeCurrentDirectoryPath(currentDirectory) }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let start = now()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = now() - start
        return (seconds, (status >> 8) & 0xFF, Int(usage.ru_maxrss) * 1024)
    }

    /// Runs a program under `/usr/bin/time -f %M` and returns its wall time, exit status and peak RSS.
    /// (wait4's own figure is useless here: a child spawned from this process inherits its
    /// high-water mark, which Linux carries across exec.) Falls back to wait4 without /usr/bin/time.
    static func spawnMeasuringRSS(_ arguments: [String], currentDirectory: String? = nil) -> (seconds: Double, status: Int32, peakRSS: Int)? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return spawn(arguments, currentDirectory: currentDirectory) }
        let output = NSTemporaryDirectory() + "postlint-bench-rss-\(getpid())"
        defer { unlink(output) }
        guard let run = spawn(["/usr/bin/time", "-f", "%M", "-o", output] + arguments, currentDirectory: currentDirectory),
              let text = try? String(contentsOfFile: output, encoding: .utf8),
              let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { return nil }
        return (run.seconds, run.status, kilobytes * 1024)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// One row of the table.
struct Row {
    var scenario: String
    var bytes: Int
    var posts: Int
    /// The time of one run (the best of the repeats for throughput, the median for latency).
    var seconds: Double
    var peakRSS: Int
    /// MB/s of the floor to compare with (nil: no ratio makes sense for this row).
    var floorMBps: Double?
    var note: String = ""

    var mbps: Double { Double(bytes) / 1e6 / seconds }
    var postsPerSecond: Double { Double(posts) / seconds }
}

enum Table {
    static func render(_ rows: [Row]) -> String {
        let header = ["scenario", "MB", "posts", "time", "MB/s", "posts/s", "peak RSS", "× floor", "note"]
        let cells: [[String]] = rows.map { row in
            [row.scenario,
             row.bytes > 0 ? String(format: "%.1f", Double(row.bytes) / 1e6) : "–",
             "\(row.posts)",
             row.seconds >= 1 ? String(format: "%.2f s", row.seconds) : String(format: "%.1f ms", row.seconds * 1000),
             row.bytes > 0 ? String(format: "%.1f", row.mbps) : "–",
             String(format: "%.0f", row.postsPerSecond),
             String(format: "%.0f MB", Double(row.peakRSS) / 1_048_576),
             row.floorMBps.map { row.bytes > 0 ? String(format: "%.2f", row.mbps / $0) : "–" } ?? "–",
             row.note]
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ values: [String]) -> String {
            "| " + values.enumerated().map { index, value in
                let pad = String(repeating: " ", count: widths[index] - value.count)
                return index == 0 || index == values.count - 1 ? value + pad : pad + value
            }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { index, width in
            index == 0 || index == widths.count - 1 ? String(repeating: "-", count: width + 2) : String(repeating: "-", count: width + 1) + ":"
        }.joined(separator: "|") + "|"
        return ([line(header), rule] + cells.map(line)).joined(separator: "\n")
    }
}
