import FuzzSupport
import PostLint
#if canImport(Glibc)
import Glibc
#endif

/// The roster loader over arbitrary bytes, then the pupil-name check with whatever roster it built.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let result = Roster.load(bytes: FuzzSupport.bytes(data, size), path: "fuzz.csv")
    guard let roster = result.roster else { return 0 }
    let report = FuzzSupport.linter.lint(text: Sample.text, path: "fuzz.txt", format: .text, roster: roster)
    FuzzSupport.check(report)
    return 0
}

private enum Sample {
    static let text = "Well done Oliver Whitfield, Amara and O'Callaghan! Zoë Fairbrother-Smith ran; Niamh O’Callaghan won.\n"
}

exit(FuzzSupport.run(fuzz))
