import Foundation

/// Raw writes to a pipe or standard output, shared by the worker framing and `postlint lsp`'s replies:
/// both need every byte out, or to know that the reader is gone.
package enum DescriptorWriter {
    /// Writes every byte, retrying short writes; false when the other end is gone.
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
