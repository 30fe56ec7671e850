/// Decodes one scalar from UTF-8 bytes without building a String. Invalid sequences decode as
/// U+FFFD one byte at a time, so a scan always makes progress.
enum UTF8Scalars {
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let first = bytes[index]
        if first < 0x80 { return (Unicode.Scalar(first), 1) }
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if first & 0xE0 == 0xC0, let second = continuation(1) {
            let value = UInt32(first & 0x1F) << 6 | second
            if value >= 0x80, let scalar = Unicode.Scalar(value) { return (scalar, 2) }
        } else if first & 0xF0 == 0xE0, let second = continuation(1), let third = continuation(2) {
            let value = UInt32(first & 0x0F) << 12 | second << 6 | third
            if value >= 0x800, let scalar = Unicode.Scalar(value) { return (scalar, 3) }
        } else if first & 0xF8 == 0xF0, let second = continuation(1), let third = continuation(2), let fourth = continuation(3) {
            let value = UInt32(first & 0x07) << 18 | second << 12 | third << 6 | fourth
            if value >= 0x10000, let scalar = Unicode.Scalar(value) { return (scalar, 4) }
        }
        return ("\u{FFFD}", 1)
    }
}
