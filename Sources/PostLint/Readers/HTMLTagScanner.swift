/// Finds tags and their attributes in the source bytes, because libxml2 hands over names and decoded
/// values but not where they are. The parser's own offset bounds every scan, so the scanner only has to
/// split a tag libxml2 has already delimited.
enum HTMLTagScanner {
    /// An attribute as written: lower-cased name and the byte range of its value (inside any quotes).
    struct ScannedAttribute: Sendable, Equatable {
        var name: String
        var nameRange: Range<Int>
        var valueRange: Range<Int>?
        /// A quoted value whose closing quote never came.
        var isUnterminated: Bool
    }

    /// The offset of the first `<name` (case-insensitive, followed by a delimiter) in `range`, after the
    /// `prefix` bytes (`<` for a start tag, `</` for an end tag).
    static func findTag(_ name: some RandomAccessCollection<UInt8>, prefix: [UInt8], in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        let needed = prefix.count + name.count
        guard range.count >= needed else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - needed
        while index <= last {
            if source[index] == prefix[0], matches(name, prefix: prefix, in: source, at: index) {
                let after = index + needed
                if after >= source.count || isDelimiter(source[after]) { return index }
            }
            index += 1
        }
        return nil
    }

    /// The start tag `<name…` that libxml2 has just finished when its offset is `end`: the first `<name`
    /// in `range` whose attributes run up to `end` without a `>` outside quotes (a tag libxml2 skipped
    /// earlier in the span ends before `end` and is passed over).
    static func startTag(_ name: some RandomAccessCollection<UInt8>, in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        var from = range.lowerBound
        while let start = findTag(name, prefix: [UInt8(ascii: "<")], in: source, range: from..<range.upperBound) {
            let attributesStart = start + 1 + name.count
            if closingBracket(in: source, range: attributesStart..<range.upperBound) == nil { return start }
            from = start + 1
        }
        return nil
    }

    /// The end tag `</name…>` that ends exactly at `end` (libxml2's offset after it), searching back from
    /// the end of `range`; nil when the element was closed implicitly.
    static func endTag(_ name: some RandomAccessCollection<UInt8>, in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        let prefix = endTagPrefix
        var upper = range.upperBound
        while let start = lastTag(name, prefix: prefix, in: source, range: range.lowerBound..<upper) {
            let rest = (start + prefix.count + name.count)..<range.upperBound
            let closedHere = range.upperBound > 0 && source[range.upperBound - 1] == UInt8(ascii: ">")
                && !rest.contains { source[$0] == UInt8(ascii: "<") }
            if closedHere || rest.allSatisfy({ HTMLTextAligner.isSpace(source[$0]) }) { return start }
            upper = start + prefix.count + name.count - 1
        }
        return nil
    }

    private static func lastTag(_ name: some RandomAccessCollection<UInt8>, prefix: [UInt8], in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        let needed = prefix.count + name.count
        guard range.count >= needed else { return nil }
        var index = range.upperBound - needed
        while index >= range.lowerBound {
            if source[index] == prefix[0], matches(name, prefix: prefix, in: source, at: index) {
                let after = index + needed
                if after >= source.count || isDelimiter(source[after]) { return index }
            }
            index -= 1
        }
        return nil
    }

    private static let endTagPrefix = Array("</".utf8)

    /// The first `>` outside quoted attribute values, following the attribute rules below.
    static func closingBracket(in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        var index = range.lowerBound
        var afterEquals = false
        while index < range.upperBound {
            let byte = source[index]
            if byte == UInt8(ascii: ">") { return index }
            if afterEquals, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                var close = index + 1
                while close < range.upperBound, source[close] != byte { close += 1 }
                index = close + 1
                afterEquals = false
                continue
            }
            if byte == UInt8(ascii: "=") {
                afterEquals = true
            } else if !HTMLTextAligner.isSpace(byte) {
                afterEquals = false
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ name: some RandomAccessCollection<UInt8>, prefix: [UInt8], in source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in 1..<prefix.count where source[index + offset] != prefix[offset] { return false }
        for (offset, byte) in name.enumerated() where lower(source[index + prefix.count + offset]) != byte {
            return false
        }
        return true
    }

    /// The first occurrence of `needle` in `range`.
    static func find(_ needle: [UInt8], in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index <= range.upperBound - needle.count {
            if source[index] == needle[0], source[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Splits the attributes of a start tag whose attribute text is `source[range]` (after the name, up
    /// to the tag's `>`), following the HTML rules libxml2 applies: quoted values run to the matching
    /// quote, unquoted ones to white space or `>`.
    static func attributes(in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [ScannedAttribute] {
        var result: [ScannedAttribute] = []
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            while index < end, HTMLTextAligner.isSpace(source[index]) || source[index] == UInt8(ascii: "/") { index += 1 }
            guard index < end else { break }
            let nameStart = index
            while index < end, !HTMLTextAligner.isSpace(source[index]), source[index] != UInt8(ascii: "="),
                  source[index] != UInt8(ascii: ">"), source[index] != UInt8(ascii: "/") || index == nameStart {
                index += 1
            }
            let nameEnd = index
            let name = String(decoding: source[nameStart..<index].map(lower), as: UTF8.self)
            var probe = index
            while probe < end, HTMLTextAligner.isSpace(source[probe]) { probe += 1 }
            guard probe < end, source[probe] == UInt8(ascii: "=") else {
                result.append(ScannedAttribute(name: name, nameRange: nameStart..<index, valueRange: nil, isUnterminated: false))
                continue
            }
            index = probe + 1
            while index < end, HTMLTextAligner.isSpace(source[index]) { index += 1 }
            if index < end, source[index] == UInt8(ascii: "\"") || source[index] == UInt8(ascii: "'") {
                let quote = source[index]
                let valueStart = index + 1
                var valueEnd = valueStart
                while valueEnd < end, source[valueEnd] != quote { valueEnd += 1 }
                result.append(ScannedAttribute(name: name, nameRange: nameStart..<nameEnd, valueRange: valueStart..<valueEnd, isUnterminated: valueEnd >= end))
                index = min(end, valueEnd + 1)
            } else {
                let valueStart = index
                while index < end, !HTMLTextAligner.isSpace(source[index]), source[index] != UInt8(ascii: ">") { index += 1 }
                result.append(ScannedAttribute(name: name, nameRange: nameStart..<nameEnd, valueRange: valueStart..<index, isUnterminated: false))
            }
        }
        return result
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        HTMLTextAligner.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
