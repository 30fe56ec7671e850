#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `--output FILE` so that readers see either the old file or the whole new one, never a
/// half-written report (CI uploads the file even when the run fails or is killed).
///
/// The text goes to a temporary file in the same folder (so the rename stays on one file system),
/// is flushed to disk with `fsync`, and is then renamed over the target. On any failure the
/// temporary file is removed and the error names the step and the path.
public enum AtomicFileWriter {
    public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What was being done, e.g. "create a temporary file".
        public var operation: String
        public var path: String
        /// The system's reason, e.g. "Permission denied".
        public var reason: String

        public var description: String { "cannot \(operation) \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let stream = try Stream(path: path)
        try stream.write(bytes)
        try stream.commit()
    }

    /// The streaming variant: the report is written piece by piece into the temporary file (buffered,
    /// so memory stays small) and appears at `path` only on `commit()`. Until then the old file, if
    /// any, is untouched; `discard()`, or dropping an uncommitted stream, removes the temporary file.
    public final class Stream: ReportSink {
        public let path: String
        let temporary: String
        private let folder: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var finished = false
        private static let capacity = 64 * 1024

        public init(path: String) throws(WriteError) {
            self.path = path
            folder = AtomicFileWriter.directory(of: path)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            // Hidden and recognisable, so a crash between create and rename leaves an obvious leftover.
            var template = Array("\(folder)/.\(name).postlint-XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else {
                throw failure("create a temporary file for", path)
            }
            temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            // mkstemp creates the file 0600; a report is meant to be read like any other output file.
            var mode = mode_t(0o644)
            var existing = stat()
            if stat(path, &existing) == 0 { mode = existing.st_mode & 0o7777 }
            _ = fchmod(descriptor, mode)
            buffer.reserveCapacity(Self.capacity)
        }

        deinit { discard() }

        public func write(_ text: String) throws {
            try write(Array(text.utf8))
        }

        public func write(_ bytes: [UInt8]) throws(WriteError) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.capacity { try flushBuffer() }
        }

        public func flush() throws { try flushBuffer() }

        private func flushBuffer() throws(WriteError) {
            guard !finished else { return }
            var written = 0
            while written < buffer.count {
                let result = buffer.withUnsafeBytes { bytes in
                    systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
                }
                if result < 0 {
                    if errno == EINTR { continue }
                    let error = failure("write", temporary)
                    discard()
                    throw error
                }
                written += result
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes to disk and renames the temporary file over `path`.
        public func commit() throws(WriteError) {
            try flushBuffer()
            guard !finished else { throw WriteError(operation: "write", path: path, reason: "the report was discarded") }
            if fsync(descriptor) != 0 {
                let error = failure("flush to disk", temporary)
                discard()
                throw error
            }
            finished = true
            if close(descriptor) != 0 {
                let error = failure("close", temporary)
                unlink(temporary)
                throw error
            }
            if rename(temporary, path) != 0 {
                let error = failure("replace", path)
                unlink(temporary)
                throw error
            }
            // Make the rename itself durable; failing here does not undo a complete, visible file.
            let folderDescriptor = open(folder, O_RDONLY)
            if folderDescriptor >= 0 {
                _ = fsync(folderDescriptor)
                close(folderDescriptor)
            }
        }

        /// Abandons the report: the temporary file is removed and `path` is left as it was.
        public func discard() {
            guard !finished else { return }
            finished = true
            buffer = []
            close(descriptor)
            unlink(temporary)
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The C library's `write`, which the `write` methods above would otherwise shadow.
    static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    static func failure(_ operation: String, _ path: String) -> WriteError {
        WriteError(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}
