import Foundation
import PostLint
import PostLintReporters
import Testing

/// Work must grow linearly with a draft, however hostile: each case is checked and reported (JSON and
/// text) at n and 4n bytes, and the ratio of the fastest of several runs at each size must stay far
/// below the 16 of quadratic work. A ratio of times, not a limit on time, so a slow or busy machine
/// cannot fail it; the sizes are small enough for a debug build. (The suite's time limit only stops
/// a badly quadratic regression: with the old `<` scan restored, the Markdown `<` case ran for minutes.)
/// At these sizes a mildly quadratic cost, such as the old linear search of suppressions, is still
/// hidden under the linear work; runs at 64 KB and 256 KB of the same cases find those.
@Suite(.timeLimit(.minutes(3))) struct GrowthTests {
    static let size = 12_000
    /// Linear work gives about 4 and quadratic about 16; between them, room for noise.
    static let limit = 9.0

    static let roster = Roster(pupils: [Pupil(forename: "Oliver", surname: "Whitfield"),
                                        Pupil(forename: "Imogen", surname: "Quayle")])

    @Test(arguments: GrowthCase.all)
    func workGrowsLinearly(_ growth: GrowthCase) {
        let small = Self.fastest { Self.checkAndReport(growth, bytes: Self.size) }
        let large = Self.fastest { Self.checkAndReport(growth, bytes: 4 * Self.size) }
        let ratio = large / max(small, 0.002)
        #expect(ratio < Self.limit, "\(growth.name): \(small) s at \(Self.size) bytes, \(large) s at 4x (ratio \(ratio))")
    }

    /// Reads, checks and renders one draft; returns the findings so the work cannot be skipped.
    static func checkAndReport(_ growth: GrowthCase, bytes: Int) -> Int {
        let report = Linter().lint(text: growth.make(bytes), path: "draft", format: growth.format, roster: roster)
        let run = RunReport(rules: Linter().descriptors, files: [report], workingDirectory: "/w")
        return JSONReporter().render(run).utf8.count + TextReporter().render(run).utf8.count + report.diagnostics.count
    }

    /// The shortest of three runs, in seconds.
    static func fastest(_ work: () -> Int) -> Double {
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000)
        for _ in 0..<3 {
            let start = clock.now
            let result = work()
            precondition(result > 0)
            best = min(best, clock.now - start)
        }
        return Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
    }
}
