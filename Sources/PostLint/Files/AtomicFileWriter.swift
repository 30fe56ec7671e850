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
package enum AtomicFileWriter {
    package struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What was being done, e.g. "create a temporary file".
        package var operation: String
        package var path: String
        /// The system's reason, e.g. "Permission denied".
        package var reason: String

        package var description: String { "cannot \(operation) \(path): \(reason)" }
    }

    package static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    package static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let stream = try Stream(path: path)
        try stream.write(bytes)
        try stream.commit()
    }

    /// The streaming variant: the report is written piece by piece into the temporary file (buffered,
    /// so memory stays small) and appears at `path` only on `commit()`. Until then the old file, if
    /// any, is untouched; `discard()`, or dropping an uncommitted stream, removes the temporary file.
    package final class Stream {
        package let path: String
        /// The file renamed over `path` on commit; nil when `path` is a device or FIFO written directly.
        let temporary: String?
        private let folder: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var finished = false
        private static let capacity = 64 * 1024

        /// Only a regular file (or nothing) at `path` is replaced. A character device or FIFO
        /// (`/dev/null`, a terminal, a pipe, also through a link such as `/dev/stdout`) is written as a
        /// stream and never replaced; a link to anything else, a folder or a socket is refused, so a
        /// report can never swap out a device node or a link's target.
        package init(path: String) throws(WriteError) {
            self.path = path
            folder = AtomicFileWriter.directory(of: path)
            var existing = stat()
            let exists = lstat(path, &existing) == 0
            if exists, existing.st_mode & S_IFMT != S_IFREG {
                var target = stat()
                let kind = stat(path, &target) == 0 ? target.st_mode & S_IFMT : existing.st_mode & S_IFMT
                guard kind == S_IFCHR || kind == S_IFIFO else {
                    let what = existing.st_mode & S_IFMT == S_IFLNK ? "a symbolic link (name the file it points to)"
                        : "not a regular file"
                    throw WriteError(operation: "write the report to", path: path, reason: "it is \(what)")
                }
                descriptor = AtomicFileWriter.openStream(path)
                guard descriptor >= 0 else {
                    throw errno == ENXIO ? WriteError(operation: "write the report to", path: path, reason: "no process is reading the FIFO")
                        : failure("open", path)
                }
                temporary = nil
                return
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let created = AtomicFileWriter.createTemporary(beside: name, in: folder) else {
                throw failure("create a temporary file for", path)
            }
            descriptor = created.descriptor
            temporary = created.path
            // The file is created 0600; a report is meant to be read like any other output file.
            // A replaced file keeps its owner (when allowed) and permissions, but never setuid, setgid
            // or sticky bits: a report is not a program.
            var mode = mode_t(0o644)
            if exists {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
                mode = existing.st_mode & 0o777
            }
            _ = fchmod(descriptor, mode)
            buffer.reserveCapacity(Self.capacity)
        }

        deinit { discard() }

        package func write(_ text: String) throws {
            try write(Array(text.utf8))
        }

        package func write(_ bytes: [UInt8]) throws(WriteError) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.capacity { try flushBuffer() }
        }

        package func flush() throws { try flushBuffer() }

        private func flushBuffer() throws(WriteError) {
            guard !finished else { return }
            var written = 0
            while written < buffer.count {
                let result = buffer.withUnsafeBytes { bytes in
                    systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
                }
                if result < 0 {
                    if errno == EINTR { continue }
                    let error = failure("write", temporary ?? path)
                    discard()
                    throw error
                }
                written += result
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes to disk and renames the temporary file over `path`. With `original`, the file at
        /// `path` is read again just before the rename and left alone when it no longer holds those
        /// bytes (an edit saved while `--fix` was working is never lost).
        package func commit(expecting original: [UInt8]? = nil) throws(WriteError) {
            try flushBuffer()
            guard !finished else { throw WriteError(operation: "write", path: path, reason: "the report was discarded") }
            guard let temporary else {
                finished = true
                close(descriptor)
                return
            }
            if fsync(descriptor) != 0 {
                let error = failure("flush to disk", temporary)
                discard()
                throw error
            }
            finished = true
            defer { SignalCleanup.remove(nil) }
            if let original, (try? FileContents.read(path)) != original {
                close(descriptor)
                unlink(temporary)
                throw WriteError(operation: "replace", path: path, reason: "the file changed while it was being rewritten")
            }
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
        package func discard() {
            guard !finished else { return }
            finished = true
            buffer = []
            close(descriptor)
            if let temporary {
                unlink(temporary)
                SignalCleanup.remove(nil)
            }
        }
    }

    /// Creates `.NAME.postlint-RANDOM` in `folder` (hidden and recognisable, so a crash between create
    /// and rename leaves an obvious leftover), 0600, with its removal on SIGINT or SIGTERM registered
    /// *before* the file exists: a signal at any moment finds either no file or a registered one.
    /// mkstemp cannot do this, since its name is known only once the file is made. `O_EXCL` refuses a
    /// name already taken; with 16 random letters and digits a clash (then the next name is tried) is
    /// out of reach, so the registered name is never another run's file.
    static func createTemporary(beside name: String, in folder: String) -> (descriptor: Int32, path: String)? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let suffix = String((0..<16).map { _ in alphabet.randomElement(using: &random)! })
            let temporary = "\(folder)/.\(name).postlint-\(suffix)"
            SignalCleanup.remove(temporary)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, temporary) }
            let reason = errno
            SignalCleanup.remove(nil)
            errno = reason
            guard reason == EEXIST else { return nil }
        }
        return nil
    }

    /// Opens a device or FIFO for writing without waiting for a FIFO's reader (ENXIO when none).
    static func openStream(_ path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
        return descriptor
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The C library's `write`, which the `write` methods above would otherwise shadow.
    package static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
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
