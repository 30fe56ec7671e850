import PostLint

/// The progress line a batch shows on a terminal: "1234/20000 files, 850 files/s, 0:20 left".
public struct ProgressLine: Sendable, Hashable {
    public var done: Int
    public var total: Int
    /// Seconds since the batch started.
    public var elapsed: Double

    public init(done: Int, total: Int, elapsed: Double) {
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }

    public var text: String {
        var text = "postlint: \(done)/\(total) files"
        guard elapsed > 0, done > 0 else { return text }
        let rate = Double(done) / elapsed
        text += ", \(Self.rate(rate)) files/s"
        let left = Double(max(0, total - done)) / rate
        text += ", \(Self.clock(left)) left"
        return text
    }

    /// A rate with sensible precision: "0.5", "12", "850".
    public static func rate(_ value: Double) -> String {
        if value < 10 { return String(Double((value * 10).rounded()) / 10) }
        return String(Int(value.rounded()))
    }

    /// "0:07", "12:30", "1:02:03".
    public static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }

    /// "0.42 s", "12.3 s", "2:05".
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(Double((seconds * 100).rounded()) / 100) + " s" }
        if seconds < 60 { return String(Double((seconds * 10).rounded()) / 10) + " s" }
        return clock(seconds)
    }
}
