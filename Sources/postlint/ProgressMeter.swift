import Foundation
import PostLint
import PostLintReporters

/// "files done / total, rate, time left" on standard error, redrawn in place (`\r`, clear line) at
/// most ten times a second, once the batch has run for `delay` seconds, and removed at the end.
/// Only used when standard error is a terminal and `--quiet` is not given.
final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var enabled: Bool
    private let delay: Double
    private let start = DispatchTime.now().uptimeNanoseconds
    private var done = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false
    static let clearLine = "\r\u{1B}[2K"

    init(total: Int, enabled: Bool, delay: Double = 1.0) {
        self.total = total
        self.enabled = enabled
        self.delay = delay
    }

    /// Whether progress may be shown: standard error is a terminal and the user did not ask for quiet.
    /// `POSTLINT_PROGRESS_DELAY` (seconds) shortens the wait, for tests.
    static func make(total: Int, quiet: Bool) -> ProgressMeter {
        let delay = ProcessInfo.processInfo.environment["POSTLINT_PROGRESS_DELAY"].flatMap(Double.init) ?? 1.0
        return ProgressMeter(total: total, enabled: !quiet && isatty(STDERR_FILENO) != 0, delay: delay)
    }

    /// One more file checked; called from the batch's worker threads.
    func fileChecked() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard enabled else { return }
        done += 1
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - start) / 1e9
        guard elapsed >= delay, now - lastDraw >= 100_000_000 || lastDraw == 0 else { return }
        lastDraw = now
        var line = ProgressLine(done: done, total: total, elapsed: elapsed).text
        // A line wider than the terminal would wrap, and \r would then redraw only its last row.
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1, line.count >= Int(size.ws_col) {
            line = String(line.prefix(Int(size.ws_col) - 1))
        }
        write(Self.clearLine + line)
        drawn = true
    }

    /// Runs `body` (which writes findings to the same terminal) with the progress line removed; the
    /// next tick draws it again below the new output.
    func pausing(_ body: () throws -> Void) throws {
        guard enabled else { return try body() }
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            write(Self.clearLine)
            drawn = false
        }
        try body()
    }

    /// Removes the line for good.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { write(Self.clearLine) }
        drawn = false
        enabled = false
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = Foundation.write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }
}
