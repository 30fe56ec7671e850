import Yams

/// Maps a YAML scalar's value back to its bytes in the file. libyaml gives only where a scalar
/// starts, so the value is walked against the source: equal bytes are verbatim runs; escapes
/// (`\"`, `\u00e9`, `''`) and folded line breaks are replaced runs over their source form; dropped
/// indentation is skipped. If the walk fails the value maps as one replaced run over its line.
enum FrontMatterScalarMapper {
    static func block(kind: ProseKind, label: String, value: [UInt8], style: Node.Scalar.Style,
                      bytes: [UInt8], start: Int, limit: Int) -> TextBlock {
        var builder = TextBlockBuilder(kind: kind, label: label)
        var position = start
        var wanted = value
        switch style {
        case .singleQuoted, .doubleQuoted:
            position += 1
        case .literal, .folded:
            position = (bytes[start..<limit].firstIndex(of: 0x0A) ?? limit - 1) + 1
            while wanted.last == 0x0A { wanted.removeLast() }
        default:
            break
        }
        if align(wanted, style: style, bytes: bytes, from: position, limit: limit, into: &builder) {
            return builder.finish()
        }
        var fallback = TextBlockBuilder(kind: kind, label: label)
        let lineEnd = bytes[start..<limit].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? limit
        fallback.appendReplaced(wanted, source: start..<lineEnd)
        return fallback.finish()
    }

    private static func align(_ value: [UInt8], style: Node.Scalar.Style, bytes: [UInt8], from start: Int,
                              limit: Int, into builder: inout TextBlockBuilder) -> Bool {
        let doubleQuoted = style == .doubleQuoted
        let singleQuoted = style == .singleQuoted
        func isSpecial(_ byte: UInt8) -> Bool {
            byte == 0x0D || (doubleQuoted && byte == UInt8(ascii: "\\")) || (singleQuoted && byte == 0x27)
        }
        var index = 0
        var position = start
        while index < value.count {
            guard position < limit else { return false }
            let byte = bytes[position]
            let wanted = value[index]
            if doubleQuoted, byte == UInt8(ascii: "\\") {
                guard position + 1 < limit else { return false }
                let escaped = bytes[position + 1]
                if escaped == 0x0A || escaped == 0x0D {
                    // An escaped line break joins the lines without adding anything.
                    position += 2
                    if escaped == 0x0D, position < limit, bytes[position] == 0x0A { position += 1 }
                    while position < limit, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                    continue
                }
                guard let (scalar, length) = escape(bytes, at: position, limit: limit) else { return false }
                var utf8: [UInt8] = []
                SourceDecoder.appendUTF8(scalar, to: &utf8)
                guard index + utf8.count <= value.count, value[index..<index + utf8.count].elementsEqual(utf8)
                else { return false }
                builder.appendReplaced(utf8, source: position..<position + length)
                index += utf8.count
                position += length
                continue
            }
            if singleQuoted, byte == 0x27 {
                guard wanted == 0x27, position + 1 < limit, bytes[position + 1] == 0x27 else { return false }
                builder.appendReplaced(CollectionOfOne(0x27), source: position..<position + 2)
                index += 1
                position += 2
                continue
            }
            if byte == wanted, !isSpecial(byte) {
                var run = 1
                while index + run < value.count, position + run < limit, value[index + run] == bytes[position + run],
                      !isSpecial(bytes[position + run]) { run += 1 }
                builder.appendVerbatim(bytes[position..<position + run], sourceStart: position)
                index += run
                position += run
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
            if (wanted == 0x20 || wanted == 0x0A), isSpace {
                // A folded line break (or CR LF read as LF): the value byte stands for the break.
                var end = position
                while end < limit, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                if end < limit, bytes[end] == 0x0D { end += 1 }
                if end < limit, bytes[end] == 0x0A { end += 1 }
                builder.appendReplaced(CollectionOfOne(wanted), source: position..<end)
                index += 1
                position = end
                continue
            }
            guard isSpace else { return false }
            position += 1
        }
        return true
    }

    /// A double-quoted escape at `start` (the backslash): its code point and source length.
    private static func escape(_ bytes: [UInt8], at start: Int, limit: Int) -> (UInt32, Int)? {
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, 0x09: 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 0x1B, 0x20: 0x20, 0x22: 0x22, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "\\"): 0x5C,
            UInt8(ascii: "N"): 0x85, UInt8(ascii: "_"): 0xA0, UInt8(ascii: "L"): 0x2028, UInt8(ascii: "P"): 0x2029,
        ]
        let kind = bytes[start + 1]
        if let scalar = simple[kind] { return (scalar, 2) }
        let digits: Int
        switch kind {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return nil
        }
        guard start + 2 + digits <= limit else { return nil }
        var scalar: UInt32 = 0
        for byte in bytes[(start + 2)..<(start + 2 + digits)] {
            let lower = byte | 0x20
            switch byte {
            case 0x30...0x39: scalar = scalar << 4 | UInt32(byte - 0x30)
            default:
                guard lower >= 0x61, lower <= 0x66 else { return nil }
                scalar = scalar << 4 | UInt32(lower - 0x61 + 10)
            }
        }
        return (scalar, 2 + digits)
    }
}
