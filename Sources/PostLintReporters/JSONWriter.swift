/// Writes pretty-printed JSON straight into bytes, laid out exactly as `JSONEncoder` prints with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`, an
/// empty container as an open line), so the per-finding part of a report costs an append, not an
/// encoder's boxing and sorting. Callers write an object's members in sorted key order;
/// `JSONWriterTests` holds every writer to `JSONEncoder`'s output.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Spaces before a member at the current depth.
    private var indent: Int
    /// For each open container but the innermost: whether anything was written in it yet.
    private var outerHasMembers: [Bool] = []
    /// Whether anything was written yet in the innermost open container (kept apart from the stack:
    /// every member asks it).
    private var innerHasMembers = false
    /// How many containers are open.
    private var depth = 0
    /// A key was written and its value comes next, on the same line.
    private var afterKey = false

    /// - Parameter indent: how deep the value sits in the enclosing document, in spaces.
    init(indent: Int = 0, capacity: Int = 1024) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
    }

    /// Forgets the bytes written, keeping the buffer's capacity for the next value.
    mutating func reset(indent: Int) {
        bytes.removeAll(keepingCapacity: true)
        self.indent = indent
        outerHasMembers.removeAll(keepingCapacity: true)
        innerHasMembers = false
        depth = 0
        afterKey = false
    }

    /// Bytes between top-level values (a separator, the indent of a value in a larger document).
    mutating func appendRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func openObject() { openContainer(UInt8(ascii: "{")) }
    mutating func closeObject() { closeContainer(UInt8(ascii: "}")) }
    mutating func openArray() { openContainer(UInt8(ascii: "[")) }
    mutating func closeArray() { closeContainer(UInt8(ascii: "]")) }

    /// Starts a member of the open object; `name` must need no escaping.
    mutating func key(_ name: StaticString) {
        newMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        appendKeySeparator()
        afterKey = true
    }

    /// Starts a member whose name is data (a dictionary's key).
    mutating func key(_ name: String) {
        newMember()
        bytes.append(UInt8(ascii: "\""))
        var text = name
        text.withUTF8 { appendEscaped($0) }
        appendKeySeparator()
        afterKey = true
    }

    mutating func string(_ value: String) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) {
        beginValue()
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, no allocation
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    /// Members whose value is optional are left out when nil, as synthesized `Encodable` does.
    mutating func string(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func int(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    // MARK: - Layout

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)

    private mutating func openContainer(_ bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        if depth > 0 { outerHasMembers.append(innerHasMembers) }
        innerHasMembers = false
        depth += 1
        indent += 2
    }

    private mutating func closeContainer(_ bracket: UInt8) {
        let wasEmpty = !innerHasMembers
        depth -= 1
        innerHasMembers = depth > 0 ? outerHasMembers.removeLast() : false
        indent -= 2
        bytes.append(UInt8(ascii: "\n"))
        if wasEmpty { bytes.append(UInt8(ascii: "\n")) }
        appendIndent()
        bytes.append(bracket)
    }

    /// A value follows its key directly; inside an array it starts a new member line.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if depth > 0 { newMember() }
    }

    private mutating func newMember() {
        if innerHasMembers { bytes.append(UInt8(ascii: ",")) }
        innerHasMembers = true
        bytes.append(UInt8(ascii: "\n"))
        appendIndent()
    }

    private mutating func appendIndent() {
        for _ in 0..<indent { bytes.append(UInt8(ascii: " ")) }
    }

    /// `" : ` after a key's name.
    private mutating func appendKeySeparator() {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: " "))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// `JSONEncoder`'s escaping: quote and backslash, the short forms of five controls, `\u00XX`
    /// (lower-case hex) for the other controls; everything else, slashes and non-ASCII included, as is.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time past text that needs no escaping (most of a message or a help text).
            while index + 8 <= count, !Self.mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index - 1 { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - 1 - runStart)) }
            runStart = index
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            }
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash (the classic
    /// "has a byte less than n" and "has a zero byte" tests; exact about whether one exists).
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)) != 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
