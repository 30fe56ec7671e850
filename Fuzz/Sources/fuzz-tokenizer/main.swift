import FuzzSupport
import PostLint
#if canImport(Glibc)
import Glibc
#endif

/// The tokenizer over arbitrary UTF-8 text: every token lies inside its block and maps back to the source.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    let document = Document(reading: SourceText(path: "fuzz.txt", text: text), format: .text)
    let analyzed = AnalyzedDocument(document)
    for block in analyzed.blocks where !block.tokens.isEmpty {
        for token in block.tokens {
            _ = block.text(of: token)
            _ = block.normalizedText(of: token)
        }
        let range = block.sourceRange(from: 0, through: block.tokens.count - 1)
        precondition(range.lowerBound >= 0 && range.upperBound <= document.source.utf8.count, "token outside the source")
    }
    return 0
}

exit(FuzzSupport.run(fuzz))
