import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `postlint serve` on a free port of the loopback, as a user starts it, for end-to-end tests.
/// Unchecked: its state is set once at start; `Process` is only asked about and signalled.
package final class ServeProcess: @unchecked Sendable {
    package struct StartError: Error, CustomStringConvertible {
        package var description: String
    }

    package struct Reply {
        package var status: Int
        package var headers: [String: String]
        package var body: Data

        package var text: String { String(decoding: body, as: UTF8.self) }

        package func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    package let port: Int
    package let process = Process()
    private let logURL: URL

    /// Starts `postlint serve --port 0 ARGUMENTS` in `directory` and waits until it listens.
    package init(_ arguments: [String] = [], in directory: String, environment: [String: String] = [:]) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = PostLintProcess.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while true {
            let text = String(decoding: (try? Data(contentsOf: logURL)) ?? Data(), as: UTF8.self)
            if let port = Self.listeningPort(in: text) {
                self.port = port
                return
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                if process.isRunning { process.terminate() }
                throw StartError(description: "postlint serve did not start: \(text)")
            }
            usleep(20_000)
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: logURL)
    }

    /// Everything the server has printed so far.
    package var log: String {
        String(decoding: (try? Data(contentsOf: logURL)) ?? Data(), as: UTF8.self)
    }

    /// The server's worker processes now running (its children, from /proc).
    package var workers: Set<Int32> {
        let parent = process.processIdentifier
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return Set(entries.compactMap(Int32.init).filter { pid in
            // /proc/PID/stat: "PID (name) STATE PPID ..."; the name may hold spaces, so read after ')'.
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && fields[0] != "Z" && Int32(fields[1]) == parent
        })
    }

    /// The CPU time (user and system, in clock ticks) a process has used, from /proc/PID/stat; nil when it is gone.
    package static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After ')': state (field 3 of stat) first, so utime (14) and stime (15) are at 11 and 12.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// The port in the line `postlint: serving http://HOST:PORT/`.
    private static func listeningPort(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.hasPrefix("postlint: serving http://") }),
              let colon = line.lastIndex(of: ":") else { return nil }
        return Int(line[line.index(after: colon)...].prefix { $0.isNumber })
    }

    /// Stops the server as Ctrl-C or a service manager would, and returns everything it printed.
    package func stop() -> (status: Int32, log: String) {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: logURL)) ?? Data(), as: UTF8.self))
    }

    package func request(_ path: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> Reply {
        let (data, response) = try await Self.session.data(for: urlRequest(path, method: method, headers: headers, body: body))
        return try Self.reply(data, response)
    }

    /// The same request, blocking the calling thread until the answer. For tests that time answers
    /// against each other: their threads are the system's, whereas `await` resumes on the test
    /// process's few cooperative threads, which hundreds of tests running beside them keep busy for
    /// minutes at a time.
    package func requestBlocking(_ path: String, method: String = "GET", headers: [String: String] = [:],
                                 body: Data? = nil) throws -> Reply {
        let outcome = BlockingOutcome()
        Self.session.dataTask(with: urlRequest(path, method: method, headers: headers, body: body)) { data, response, error in
            outcome.finish(Result { try Self.reply(data ?? Data(), response, error: error) })
        }.resume()
        return try outcome.wait()
    }

    /// `postJSON`, blocking the calling thread (see `requestBlocking`).
    package func postJSONBlocking(_ object: [String: String]) throws -> Reply {
        try requestBlocking("/api/v1/check", method: "POST", headers: ["Content-Type": "application/json"],
                            body: try JSONSerialization.data(withJSONObject: object))
    }

    private func urlRequest(_ path: String, method: String, headers: [String: String], body: Data?) -> URLRequest {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return request
    }

    private static func reply(_ data: Data, _ response: URLResponse?, error: (any Error)? = nil) throws -> Reply {
        if let error { throw error }
        guard let http = response as? HTTPURLResponse else { throw StartError(description: "not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// Hands one answer from URLSession's thread to the thread waiting for it.
    private final class BlockingOutcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<Reply, any Error>?

        func finish(_ result: Result<Reply, any Error>) {
            self.result = result
            done.signal()
        }

        func wait() throws -> Reply {
            done.wait()
            return try result!.get()
        }
    }

    /// Enough connections for several slow checks and the requests made meanwhile.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.timeoutIntervalForRequest = 300
        return URLSession(configuration: configuration)
    }()

    package func postJSON(_ object: [String: String], headers: [String: String] = [:]) async throws -> Reply {
        try await request("/api/v1/check", method: "POST", headers: headers.merging(["Content-Type": "application/json"]) { $1 },
                          body: try JSONSerialization.data(withJSONObject: object))
    }

    /// Sends a request head and only part of its body over a plain socket, then reads what comes back.
    package func sendIncompleteRequest(head: String, partialBody: String) throws -> String {
        let socket = try LoopbackSocket(port: port)
        socket.send(head + partialBody)
        return socket.readUntilClosed(timeout: .seconds(30)) { $0.contains("\"error\"") }.text
    }
}
