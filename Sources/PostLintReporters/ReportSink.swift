import PostLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a streaming reporter writes: a string in memory, standard output, or the temporary file
/// behind `--output`. Text arrives in pieces and may be buffered until `flush()`.
public protocol ReportSink: AnyObject {
    func write(_ text: String) throws
    /// Bytes a reporter has already encoded as UTF-8 (a file of a JSON or SARIF report): written as they
    /// are, without making a String of them first.
    func write(bytes: [UInt8]) throws
    /// Pushes buffered text on (to the terminal, pipe or file), e.g. after each file of a batch.
    func flush() throws
}

extension ReportSink {
    public func write(bytes: [UInt8]) throws { try write(String(decoding: bytes, as: UTF8.self)) }
}

/// Collects everything in memory; what `Reporter.render(_:)` returns.
public final class StringSink: ReportSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
    public func flush() {}
}

/// A buffered writer on a file descriptor (standard output): writes go out in 64 KiB blocks or on
/// `flush()`, so a large report costs few system calls and little memory.
public final class FileDescriptorSink: ReportSink {
    public struct WriteError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "cannot write the report: \(reason)" }
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    public init(descriptor: Int32, capacity: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                AtomicFileWriter.systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                buffer.removeAll(keepingCapacity: true)
                throw WriteError(reason: String(cString: strerror(errno)))
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
