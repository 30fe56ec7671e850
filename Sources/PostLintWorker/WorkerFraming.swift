import Foundation
import PostLint

/// How a parent and a worker process talk over pipes: a message is a fixed number of parts, each an
/// 8-byte big-endian length and then its bytes, so drafts and reports travel as raw bytes, unescaped.
public enum WorkerFraming {
    /// Writes every part; false when the other end is gone.
    public static func write(_ parts: [[UInt8]], to descriptor: Int32) -> Bool {
        for part in parts {
            var length = UInt64(part.count).bigEndian
            let header = withUnsafeBytes(of: &length) { Array($0) }
            guard DescriptorWriter.writeAll(header, to: descriptor),
                  DescriptorWriter.writeAll(part, to: descriptor) else { return false }
        }
        return true
    }

    /// Reads `count` parts; nil at the end of input or when a part is longer than `limit`.
    public static func read(_ count: Int, from descriptor: Int32, limit: Int = 1 << 30) -> [[UInt8]]? {
        var parts: [[UInt8]] = []
        for _ in 0..<count {
            guard let header = readExactly(8, from: descriptor) else { return nil }
            let length = header.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard length <= UInt64(limit), let part = readExactly(Int(length), from: descriptor) else { return nil }
            parts.append(part)
        }
        return parts
    }

    private static func readExactly(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, count - offset) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }
}
