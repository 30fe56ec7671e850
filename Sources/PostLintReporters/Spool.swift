import PostLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An anonymous temporary file that holds part of a report until it can be written in its place
/// (the HTML page lists its totals before the drafts, but the totals are known only at the end).
/// It keeps memory flat; the file disappears when the spool is dropped, even after a crash.
final class Spool {
    struct SpoolError: Error, CustomStringConvertible {
        var description: String
    }

    private let file: UnsafeMutablePointer<FILE>

    init() throws {
        guard let file = tmpfile() else {
            throw SpoolError(description: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit { fclose(file) }

    func write(_ text: String) throws {
        var text = text
        let count = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard count == text.utf8.count else {
            throw SpoolError(description: "cannot write a temporary file: \(String(cString: strerror(errno)))")
        }
    }

    /// Copies everything written so far into `sink`, a block at a time (never splitting a character).
    func copy(to sink: any ReportSink) throws {
        fflush(file)
        rewind(file)
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        var carried: [UInt8] = []
        while true {
            let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            var bytes = carried + block[0..<count]
            carried = []
            if count == block.count {
                // Keep the last, possibly incomplete, character for the next block.
                var start = bytes.count - 1
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                carried = Array(bytes[start...])
                bytes.removeLast(bytes.count - start)
            }
            if !bytes.isEmpty { try sink.write(String(decoding: bytes, as: UTF8.self)) }
            if count < block.count {
                if ferror(file) != 0 { throw SpoolError(description: "cannot read a temporary file") }
                if !carried.isEmpty { try sink.write(String(decoding: carried, as: UTF8.self)) }
                break
            }
        }
    }
}
