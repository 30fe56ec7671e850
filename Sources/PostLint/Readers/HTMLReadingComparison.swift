/// For the `html-direct` fuzz target (a separate package, which sees only public API): whether
/// `HTMLDirectScanner` and libxml2 read `bytes` into the same document. Nil when the scanner declines
/// the markup (libxml2 alone reads it). Not for library users: the SPI marks it so.
@_spi(Fuzzing)
public func htmlReadingsAgree(_ bytes: [UInt8]) -> Bool? {
    let source = SourceText(path: "fuzz.html", utf8: bytes)
    guard let direct = HTMLReader.readDirectly(HTMLReader.hidingCDATASections(bytes), source: source)?.document else { return nil }
    let libxml2 = HTMLReader.readCountingFallbacks(source, useDirectScanner: false).document
    var left = "", right = ""
    dump(direct, to: &left)
    dump(libxml2, to: &right)
    return left == right
}
