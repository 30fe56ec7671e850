#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file a run is writing when SIGINT or SIGTERM ends it, so Ctrl-C during
/// `--output` or `--fix` leaves no `.name.postlint-…` beside the user's files. The handler
/// calls only async-signal-safe functions (`unlink`, `signal`, `raise`) on a path copied into a
/// fixed buffer beforehand, then lets the signal end the process as it would have.
enum SignalCleanup {
    private static let capacity = Int(PATH_MAX) + 1
    /// The pending path as a C string; an empty string when nothing is pending.
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    nonisolated(unsafe) private static var installed = false

    /// Makes `path` the file removed on a signal (nil: none). Called before the file is created
    /// (`AtomicFileWriter.createTemporary`), so there is no moment when it exists unregistered. One
    /// file at a time: a run writes its report and its fixes one after another.
    static func remove(_ path: String?) {
        pending[0] = 0
        guard let path else { return }
        let bytes = Array(path.utf8)
        guard bytes.count < capacity else { return }
        if !installed {
            installed = true
            for signal in [SIGINT, SIGTERM, SIGHUP] { install(signal) }
        }
        // The first byte last, so a signal in between sees an empty path, never half of one.
        for index in bytes.indices.dropFirst() { pending[index] = CChar(bitPattern: bytes[index]) }
        pending[bytes.count] = 0
        if let first = bytes.first { pending[0] = CChar(bitPattern: first) }
    }

    private static func install(_ number: Int32) {
        var action = sigaction()
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handle
        #else
        action.__sigaction_handler.sa_handler = handle
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(number, &action, nil)
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        if SignalCleanup.pending[0] != 0 { unlink(SignalCleanup.pending) }
        signal(number, SIG_DFL)
        raise(number)
    }
}
