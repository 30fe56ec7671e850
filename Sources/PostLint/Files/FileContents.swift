import Glibc

/// Reads a whole file with POSIX calls, refusing what is not a regular file (a FIFO would block for
/// ever, a folder is not a draft) and reporting failures in words a person understands.
package enum FileContents {
    package struct ReadError: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// Files larger than this are refused rather than read into memory.
    package static let maximumSize = 256 * 1024 * 1024

    package static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(description: "cannot open: \(reason(errno))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(description: "cannot read: \(reason(errno))") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ReadError(description: "not a regular file (\(kind(status.st_mode)))")
        }
        guard Int(status.st_size) <= maximumSize else {
            throw ReadError(description: "file is too large (\(status.st_size) bytes; the limit is \(maximumSize))")
        }
        // One byte more than the file's size, so the read that finds the end needs no larger buffer
        // (a file that grows while it is read still gets one).
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 65536)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: "cannot read: \(reason(errno))")
            }
            if count == 0 { break }
            total += count
            guard total <= maximumSize else { throw ReadError(description: "file is too large") }
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder"
        default: String(cString: strerror(code))
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }
}
