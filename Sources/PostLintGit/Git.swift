import Foundation
import PostLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `git` as a child process: the plumbing behind the pre-commit hook. Uses `posix_spawnp` and
/// `waitpid` rather than Foundation's `Process`, whose run-loop based wait added 30–80 ms per call on
/// Linux (the hook makes three calls; git itself takes about 2 ms each). Output is read while the input
/// is written on another thread, so a large `cat-file --batch` cannot deadlock on full pipes.
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

    /// Runs `git -C DIRECTORY ARGUMENTS` (git found on PATH) and returns its standard output; throws
    /// `Failure` on a non-zero status or when git cannot be started.
    public static func run(_ arguments: [String], in directory: String, input: Data? = nil) throws -> Data {
        let inputPipe = try makePipe(), outputPipe = try makePipe(), errorPipe = try makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on 0, 1 and 2; every pipe end itself is close-on-exec.
        posix_spawn_file_actions_adddup2(&actions, inputPipe.read, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, 2)

        let argv = (["git", "-C", directory] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(inputPipe.read)
        close(outputPipe.write)
        close(errorPipe.write)
        guard spawned == 0 else {
            close(inputPipe.write)
            close(outputPipe.read)
            close(errorPipe.read)
            throw Failure(arguments: arguments, status: 127, standardError: "cannot start git: " + String(cString: strerror(spawned)))
        }

        let group = DispatchGroup()
        let errorBox = DataBox()
        DispatchQueue.global().async(group: group) {
            errorBox.data = readAll(errorPipe.read)
            close(errorPipe.read)
        }
        DispatchQueue.global().async(group: group) {
            if let input { writeAll(input, to: inputPipe.write) }
            close(inputPipe.write)
        }
        let output = readAll(outputPipe.read)
        close(outputPipe.read)
        group.wait()

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard code == 0 else {
            throw Failure(arguments: arguments, status: code, standardError: String(decoding: errorBox.data, as: UTF8.self))
        }
        return output
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw Failure(arguments: [], status: 127, standardError: "pipe: " + String(cString: strerror(errno)))
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    private static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// Writes everything, or stops quietly when git closed its end (EPIPE: SIGPIPE is ignored so
    /// that this cannot kill the process).
    private static func writeAll(_ data: Data, to descriptor: Int32) {
        signal(SIGPIPE, SIG_IGN)
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno != EINTR {
                    return
                }
            }
        }
    }

    /// Written by one thread and read after `DispatchGroup.wait`, which orders the two.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
