import Foundation

/// Runs the real `postlint` binary built beside the test bundle, as a user or a script would.
package struct PostLintProcess {
    package struct Result {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String
        /// The child was still running at the deadline and was killed.
        package var timedOut = false
        /// The child's peak resident memory in kilobytes (VmHWM from /proc, sampled while it ran).
        package var peakMemoryKB = 0
    }

    /// The binary SwiftPM built for this test run (tests depend on the executable target).
    package static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("postlint").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("postlint")
    }()

    /// The package root, for running on the Samples.
    package static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    package static func run(_ arguments: [String], in directory: String = packageRoot, standardInput: String? = nil,
                    environment: [String: String] = [:], timeout: Duration = .seconds(120),
                    executable: URL? = nil, prefix: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? Self.executable
        process.arguments = prefix + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var processEnvironment = ProcessInfo.processInfo.environment
        for (key, value) in environment { processEnvironment[key] = value }
        process.environment = processEnvironment
        // Output goes to files, so a large report cannot fill a pipe and block the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        // Wait with a deadline, sampling peak memory: a hang becomes a failed test, not a stuck run.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var timedOut = false
        var peak = 0
        while process.isRunning {
            peak = max(peak, peakMemory(of: process.processIdentifier))
            if clock.now >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        try output.close()
        try error.close()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
                      timedOut: timedOut, peakMemoryKB: peak)
    }

    /// VmHWM (peak resident set) of a running process in kilobytes, 0 when it cannot be read.
    private static func peakMemory(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
