import FuzzSupport
import PostLint
#if canImport(Glibc)
import Glibc
#endif

/// The configuration loader over arbitrary text: it loads or throws errors with positions, never traps or hangs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let loader = ConfigurationLoader(knownRuleIDs: Set(FuzzSupport.linter.descriptors.map(\.id)))
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    do {
        let configuration = try loader.load(text: text, path: "/fuzz/.postlint.yml")
        _ = configuration.configuredLevel(for: "pupil-name", relativePath: "news/a.html")
    } catch {
        for problem in error.errors { precondition(!problem.description.isEmpty) }
    }
    return 0
}

exit(FuzzSupport.run(fuzz))
