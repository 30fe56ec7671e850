import Foundation
@testable import PostLintLanguageServer
import PostLintTestSupport

/// A minimal LSP client for tests: starts the real `postlint lsp` binary, writes framed JSON-RPC to its
/// standard input and reads framed messages from its standard output on a background thread (its own
/// framing code, independent of the server's). Every wait has a timeout, so a broken server fails the
/// test instead of hanging it.
final class LSPClient: @unchecked Sendable {
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errorFile: URL
    private let condition = NSCondition()
    private var received: [[String: Any]] = []
    private var endOfOutput = false
    private var nextID = 1

    init(arguments: [String] = ["lsp"], directory: String = PostLintProcess.packageRoot,
         environment: [String: String] = [:]) throws {
        process.executableURL = PostLintProcess.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-lsp-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            var buffer: [UInt8] = []
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                buffer += data
                while let (body, rest) = Self.split(buffer) {
                    buffer = rest
                    let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
                        ?? ["unparseable": String(decoding: body, as: UTF8.self)]
                    condition.lock()
                    received.append(object)
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock()
            endOfOutput = true
            condition.broadcast()
            condition.unlock()
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: errorFile)
    }

    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// One framed body off the front of `buffer`, if complete.
    private static func split(_ buffer: [UInt8]) -> ([UInt8], [UInt8])? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, buffer.count - 3)).first(where: { Array(buffer[$0..<$0 + 4]) == separator }) else { return nil }
        let header = String(decoding: buffer[..<end], as: UTF8.self)
        guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        let start = end + 4
        guard buffer.count >= start + length else { return nil }
        return (Array(buffer[start..<start + length]), Array(buffer[(start + length)...]))
    }

    // MARK: Sending

    func sendRaw(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ message: [String: Any]) {
        let body = try! JSONSerialization.data(withJSONObject: message)
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: [String: Any] = [:]) -> Int {
        condition.lock()
        let id = nextID
        nextID += 1
        condition.unlock()
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return id
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    func closeInput() throws { try input.fileHandleForWriting.close() }

    // MARK: Receiving

    /// Waits for (and removes) the first message matching `predicate`.
    func wait(timeout: TimeInterval = 20, for what: String, _ predicate: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: predicate) {
                return received.remove(at: index)
            }
            if endOfOutput { throw Timeout(description: "the server closed its output while waiting for \(what); stderr: \(standardError)") }
            if !condition.wait(until: deadline) {
                throw Timeout(description: "no \(what) within \(timeout) s; stderr: \(standardError)")
            }
        }
    }

    func response(_ id: Int, timeout: TimeInterval = 20) throws -> [String: Any] {
        try wait(timeout: timeout, for: "the response to request \(id)") { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    func diagnostics(_ uri: String, timeout: TimeInterval = 20) throws -> [String: Any] {
        try wait(timeout: timeout, for: "diagnostics of \(uri)") {
            ($0["method"] as? String) == "textDocument/publishDiagnostics"
                && (($0["params"] as? [String: Any])?["uri"] as? String) == uri
        }["params"] as! [String: Any]
    }

    /// Messages received and not yet taken.
    var pending: [[String: Any]] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// Waits for the process to end; nil on timeout (the process is then killed).
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}
