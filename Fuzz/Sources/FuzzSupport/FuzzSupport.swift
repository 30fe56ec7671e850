import PostLint

/// What every target checks after running PostLint on an input: whatever the bytes, the report is
/// well-formed (regions inside the source, problems with sane positions). A violation traps, which
/// libFuzzer records as a crash with its input.
public enum FuzzSupport {
    public static let linter = Linter()

    public static func lint(_ bytes: [UInt8], format: DocumentFormat, name: String) {
        let report = linter.lint(bytes: bytes, path: name, format: format, configuration: Configuration())
        check(report)
    }

    public static func check(_ report: FileReport) {
        guard let source = report.source else { return }
        for diagnostic in report.diagnostics {
            let range = diagnostic.region.byteRange
            precondition(range.lowerBound >= 0 && range.upperBound <= source.utf8.count && range.lowerBound <= range.upperBound,
                         "diagnostic outside the source")
            precondition(diagnostic.region.start.line >= 1 && diagnostic.region.start.column >= 1, "bad position")
        }
        for problem in report.problems {
            if let position = problem.position { precondition(position.line >= 1 && position.column >= 1, "bad problem position") }
        }
        _ = report.fixedText
    }

    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

/// libFuzzer's entry for programs that keep their own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

extension FuzzSupport {
    /// Hands control to libFuzzer with `callback` as the target; returns libFuzzer's exit status.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, callback)
    }
}
