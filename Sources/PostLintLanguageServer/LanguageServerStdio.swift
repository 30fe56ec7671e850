import Foundation
import PostLint
import PostLintWorker

/// Runs a `LanguageServer` over standard input and output, as `postlint lsp` does.
///
/// One thread reads standard input (byte-exactly, with `read(2)`) and frames messages; another handles
/// them in order, so a check never stops the server from reading, and messages that pile up while a
/// check runs are handled as one batch (superseded changes are not checked). Standard output carries
/// protocol messages only; the log goes to standard error.
public enum LanguageServerStdio {
    /// - Parameter workerExecutable: the `postlint` binary whose hidden worker mode runs the (built-in)
    ///   checks, so a check that traps ends the worker, not the server; nil checks in this process.
    public static func run(linter: Linter = Linter(), workerExecutable: String? = nil) -> Never {
        signal(SIGPIPE, SIG_IGN)  // a client that goes away must not kill us mid-write; write() fails instead
        let inbox = Inbox()
        let log: @Sendable (String) -> Void = { message in
            FileHandle.standardError.write(Data("postlint lsp: \(message)\n".utf8))
        }
        let worker = Thread {
            let worker = workerExecutable.map { WorkerProcess(executable: $0, arguments: [LanguageServerWorker.subcommand]) }
            worker?.warmUp()
            let server = LanguageServer(linter: linter, worker: worker, send: { bytes in
                guard DescriptorWriter.writeAll(bytes, to: STDOUT_FILENO) else {
                    log("standard output is closed; exiting")
                    exit(1)
                }
            }, log: log, onExit: { status in exit(status) })
            while true {
                let (bodies, endOfInput) = inbox.take()
                if !bodies.isEmpty { server.handle(batch: bodies) }
                if endOfInput {
                    // The client closed our input without `exit`: as after `exit`, 0 only after shutdown.
                    exit(server.isShutDown ? 0 : 1)
                }
            }
        }
        worker.stackSize = 8 << 20
        worker.start()

        var reader = MessageReader()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            reader.append(chunk[0..<count])
            while let frame = reader.next() {
                switch frame {
                case .message(let body):
                    inbox.put(body)
                case .malformed(let reason):
                    log("malformed message header: \(reason)")
                    // An empty body is not JSON: the server answers it with a ParseError.
                    inbox.put([])
                }
            }
        }
        inbox.close()
        while true { sleep(60) }  // the worker exits the process
    }

    /// Message bodies waiting for the handling thread.
    private final class Inbox: @unchecked Sendable {
        private let condition = NSCondition()
        private var bodies: [[UInt8]] = []
        private var closed = false

        func put(_ body: [UInt8]) {
            condition.lock()
            bodies.append(body)
            condition.signal()
            condition.unlock()
        }

        func close() {
            condition.lock()
            closed = true
            condition.signal()
            condition.unlock()
        }

        /// Waits for messages or the end of input; returns all waiting messages.
        func take() -> ([[UInt8]], Bool) {
            condition.lock()
            defer { condition.unlock() }
            while bodies.isEmpty, !closed { condition.wait() }
            let taken = bodies
            bodies.removeAll()
            return (taken, closed && taken.isEmpty)
        }
    }
}
