import FuzzSupport
@_spi(Fuzzing) import PostLint
#if canImport(Glibc)
import Glibc
#endif

/// The direct HTML scanner against libxml2: any document the scanner accepts must read exactly as
/// libxml2 reads it, or the input is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzSupport.bytes(data, size)
    // Valid UTF-8 only: the reader decodes every draft to UTF-8 before HTML is parsed.
    guard String(validating: bytes, as: UTF8.self) != nil else { return 0 }
    if let agree = htmlReadingsAgree(bytes) { precondition(agree, "the direct scanner and libxml2 read this differently") }
    return 0
}

exit(FuzzSupport.run(fuzz))
