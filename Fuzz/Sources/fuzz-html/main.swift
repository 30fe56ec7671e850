import FuzzSupport
import PostLint
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzSupport.lint(FuzzSupport.bytes(data, size), format: .html, name: "fuzz.html")
    return 0
}

exit(FuzzSupport.run(fuzz))
