#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The real `postlint lsp` driven over pipes as an editor drives it, for the latency scenario.
/// Framed JSON-RPC goes to its standard input; answers are read back on this thread, since the
/// benchmark waits for each one before it sends the next.
final class LSPSession {
    private let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var exited = false

    /// Starts `binary lsp` in `directory`; nil when it cannot be started.
    init?(binary: String, directory: String) {
        var toServer: [Int32] = [0, 0]
        var fromServer: [Int32] = [0, 0]
        guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toServer[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromServer[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for descriptor in toServer + fromServer { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let arguments: [String] = [binary, "lsp"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The child starts in `directory` (the benchmark is single-threaded while it spawns).
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        close(toServer[0])
        close(fromServer[1])
        guard spawned == 0 else {
            close(toServer[1])
            close(fromServer[0])
            return nil
        }
        self.pid = pid
        input = toServer[1]
        output = fromServer[0]
    }

    deinit {
        close(input)
        close(output)
        guard !exited else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    func send(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message) else { return }
        let bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(input, $0.baseAddress!, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    }

    /// Reads messages until one matches `predicate` and returns it; nil when the server's output ends.
    func next(where predicate: ([String: Any]) -> Bool) -> [String: Any]? {
        while true {
            while let body = takeFrame() {
                if let message = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any], predicate(message) {
                    return message
                }
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(output, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// The publishDiagnostics of `uri` at `version`.
    func diagnostics(_ uri: String, version: Int) -> [[String: Any]]? {
        next { message in
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                  let params = message["params"] as? [String: Any] else { return false }
            return params["uri"] as? String == uri && params["version"] as? Int == version
        }.flatMap { ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] }
    }

    /// Shuts the server down as an editor does and returns its exit status.
    func shutdown() -> Int32 {
        request(999_999, "shutdown")
        _ = next { $0["id"] as? Int == 999_999 }
        notify("exit")
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        exited = true
        return (status >> 8) & 0xFF
    }

    /// Peak resident memory of the server and of the worker it checks in (VmHWM, bytes).
    func peakRSS() -> Int {
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return ([pid] + children.split(separator: " ").compactMap { pid_t($0) }).reduce(0) { total, process in
            guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return total }
            return total + kilobytes * 1024
        }
    }

    /// One framed body off the front of the buffer, if it has arrived whole.
    private func takeFrame() -> [UInt8]? {
        let separator = Array("\r\n\r\n".utf8)
        guard buffer.count >= 4,
              let end = (0...(buffer.count - 4)).first(where: { buffer[$0..<$0 + 4].elementsEqual(separator) }) else { return nil }
        let header = String(decoding: buffer[..<end], as: UTF8.self).lowercased()
        guard let line = header.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        let start = end + 4
        guard buffer.count >= start + length else { return nil }
        let body = Array(buffer[start..<start + length])
        buffer.removeSubrange(..<(start + length))
        return body
    }
}
