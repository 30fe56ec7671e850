import PostLint
import PostLintWorker

/// JSON-RPC base protocol framing as LSP uses it: a header block (`Content-Length: N`, optionally
/// `Content-Type`), each line ending in CR LF, an empty line, then exactly N bytes of UTF-8 JSON.
///
/// `MessageReader` works on bytes, in whatever chunks they arrive (a pipe gives arbitrary splits), and
/// never reads past the body it was told about. A broken header block does not end the stream: the
/// reader reports it and resynchronises at the next `Content-Length:`.
struct MessageReader {
    enum Frame: Sendable, Equatable {
        /// A complete body.
        case message([UInt8])
        /// A header block that could not be understood (the reason, for a ParseError reply and the log).
        case malformed(String)
    }

    /// Bodies larger than this are refused (and skipped); a draft is a few hundred KiB at most.
    static let maximumBodySize = 64 << 20
    /// A header block longer than this is garbage, not headers.
    static let maximumHeaderSize = 8 << 10

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (compacted now and then rather than on every frame).
    private var start = 0
    /// Bytes of an oversized body still to be thrown away.
    private var skipping = 0
    /// After a malformed header: discard until the next `Content-Length:`.
    private var resynchronising = false

    init() {}

    /// Adds bytes read from the stream.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    mutating func next() -> Frame? {
        while true {
            if skipping > 0 {
                let available = min(skipping, buffer.count - start)
                start += available
                skipping -= available
                compact()
                if skipping > 0 { return nil }
            }
            if resynchronising {
                guard let found = findHeaderStart(Self.contentLengthPrefix) else {
                    // Keep only a possible partial prefix at the end of the buffer.
                    start = max(start, buffer.count - Self.contentLengthPrefix.count)
                    compact()
                    return nil
                }
                start = found
                resynchronising = false
            }
            guard let headerEnd = find(Self.headerTerminator, from: start) else {
                if buffer.count - start > Self.maximumHeaderSize {
                    start = buffer.count
                    resynchronising = true
                    compact()
                    return .malformed("header block longer than \(Self.maximumHeaderSize) bytes")
                }
                return nil
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            let bodyStart = headerEnd + Self.headerTerminator.count
            let length: Int
            switch Self.contentLength(in: header) {
            case .failure(let reason):
                start = bodyStart
                resynchronising = true
                compact()
                return .malformed(reason.description)
            case .success(let value):
                length = value
            }
            if length > Self.maximumBodySize {
                start = bodyStart
                skipping = length
                return .malformed("message of \(length) bytes is larger than \(Self.maximumBodySize) bytes")
            }
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<bodyStart + length])
            start = bodyStart + length
            compact()
            return .message(body)
        }
    }

    /// The Content-Length of a header block, or why there is none.
    static func contentLength(in header: String) -> Result<Int, MalformedHeader> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(MalformedHeader("header line without a colon"))
            }
            let name = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return .failure(MalformedHeader("Content-Length is not a number"))
                }
                length = number
            }
        }
        guard let length else { return .failure(MalformedHeader("no Content-Length header")) }
        return .success(length)
    }

    struct MalformedHeader: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private static let headerTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    private static let contentLengthPrefix: [UInt8] = Array("content-length:".utf8)

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        var index = from
        while index + needle.count <= buffer.count {
            if buffer[index] == needle[0], buffer[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the next `prefix`, any case. Not only at line starts: the body after a broken
    /// header runs straight into the next message's header.
    private func findHeaderStart(_ prefix: [UInt8]) -> Int? {
        var index = start
        while index + prefix.count <= buffer.count {
            do {
                var matched = true
                for offset in 0..<prefix.count where buffer[index + offset] | 0x20 != prefix[offset] | 0x20 {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private mutating func compact() {
        if start >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 << 10, start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

/// Frames an outgoing body.
enum MessageFramer {
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
