import Foundation

/// Runs `git` as a child process: the plumbing behind the pre-commit hook. Output is read while the
/// input is written (on another thread), so a large `cat-file --batch` cannot deadlock on full pipes.
public enum Git {
    /// A git command that failed: its arguments, exit status and what it printed on standard error.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var arguments: [String]
        public var status: Int32
        public var standardError: String

        public var description: String {
            let detail = standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            return "git \(arguments.joined(separator: " ")) failed (status \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }

    /// Runs `git ARGUMENTS` in `directory` and returns its standard output; throws `Failure` on a
    /// non-zero status, or the launch error when git cannot be started.
    public static func run(_ arguments: [String], in directory: String, input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()

        let group = DispatchGroup()
        let errorBox = DataBox()
        DispatchQueue.global().async(group: group) {
            errorBox.data = error.fileHandleForReading.readDataToEndOfFile()
        }
        DispatchQueue.global().async(group: group) {
            if let input { standardInput.fileHandleForWriting.write(input) }
            try? standardInput.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, status: process.terminationStatus,
                          standardError: String(decoding: errorBox.data, as: UTF8.self))
        }
        return data
    }

    /// Written by one thread and read after `DispatchGroup.wait`, which orders the two.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
