import Foundation
import PostLint

/// A child process that does checks for its parent over a pipe, so a trap inside a check (which
/// cannot be caught in-process) ends the child, not the server or the language server. The child is
/// started on first use and again after it dies. Its calls block: make them from one thread at a
/// time, never from an event loop or Swift's cooperative threads.
public final class WorkerProcess: @unchecked Sendable {
    public enum Outcome {
        case reply([[UInt8]])
        /// The worker ended mid-check (a trap, a crash, or it could not start): why, for the log.
        case died(String)
        case cancelled
    }

    private let executable: String
    private let arguments: [String]
    private var child: (process: pid_t, input: Int32, output: Int32)?

    /// - Parameters:
    ///   - executable: the `postlint` binary; `arguments` select its hidden worker mode.
    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
        signal(SIGPIPE, SIG_IGN)  // a worker that died mid-write must fail the write, not end the parent
    }

    deinit {
        stop()
    }

    /// Starts the worker now rather than on the first check (so that one is not slower).
    public func warmUp() {
        _ = try? start()
    }

    /// Sends a message and waits for the worker's reply of `replyParts` parts.
    public func exchange(_ message: [[UInt8]], replyParts: Int, cancellation: WorkerCancellation? = nil) -> Outcome {
        let running: (process: pid_t, input: Int32, output: Int32)
        do {
            running = try start()
        } catch {
            return .died("could not start \(executable): \(error)")
        }
        guard cancellation?.attach(running.process) ?? true else { return .cancelled }
        if WorkerFraming.write(message, to: running.input),
           let reply = WorkerFraming.read(replyParts, from: running.output) {
            cancellation?.detach()
            return .reply(reply)
        }
        cancellation?.detach()
        let status = stop()
        if cancellation?.isCancelled == true { return .cancelled }
        return .died(status)
    }

    private static let spawning = NSLock()

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), which Swift cannot see
    /// (it is a GNU extension); without it, workers inherit what the parent left inheritable.
    private static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    private struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    private func start() throws -> (process: pid_t, input: Int32, output: Int32) {
        if let child { return child }
        // Pipes are made close-on-exec before any other worker can be spawned (pipe2 is not
        // visible from Swift), so no worker inherits another's pipe and keeps it open.
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { throw SpawnError(description: String(cString: strerror(errno))) }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw SpawnError(description: String(cString: strerror(errno)))
        }
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // Only the child's ends become its standard input and output; every other descriptor of the
        // parent is close-on-exec or closed here, so a worker never holds another worker's pipe open.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        // Descriptors opened without close-on-exec elsewhere in the parent (sockets, other programs'
        // pipes) must not live on in a long-lived worker: one held open hides its peer's end of file.
        if let addCloseFrom = Self.addCloseFrom { _ = addCloseFrom(&actions, STDERR_FILENO + 1) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = Self.environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var process: pid_t = 0
        let result = posix_spawn(&process, executable, &actions, nil, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard result == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw SpawnError(description: String(cString: strerror(result)))
        }
        child = (process, toChild[1], fromChild[0])
        return (process, toChild[1], fromChild[0])
    }

    /// The parent's environment, without Swift's crash backtracer unless asked for: it takes seconds
    /// to symbolicate, which a trapped check's client (and the next draft) would wait for.
    private static let environment: [String] = {
        var variables = ProcessInfo.processInfo.environment
        if variables["SWIFT_BACKTRACE"] == nil { variables["SWIFT_BACKTRACE"] = "enable=no" }
        return variables.map { "\($0.key)=\($0.value)" }
    }()

    /// Kills and reaps the worker; says how it ended.
    @discardableResult
    private func stop() -> String {
        guard let child else { return "not running" }
        self.child = nil
        close(child.input)
        close(child.output)
        kill(child.process, SIGKILL)
        var status: Int32 = 0
        while waitpid(child.process, &status, 0) < 0, errno == EINTR {}
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? "exited with status \((status >> 8) & 0xFF)" : "ended by signal \(signalNumber)"
    }
}
