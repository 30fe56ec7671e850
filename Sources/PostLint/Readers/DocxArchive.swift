import Foundation
import ZIPFoundation

/// The zip container of a `.docx`, opened with ZIPFoundation and read defensively: a draft may be
/// damaged, or built to hurt. A part is refused when its header declares more than `maximumPartSize`
/// bytes, and extraction stops past that limit whatever the header says (a zip bomb lies in its
/// header); the parts read from one file together stop at `maximumTotalSize`. Checksums are verified.
struct DocxArchive {
    static let maximumPartSize = 50 * 1024 * 1024
    static let maximumTotalSize = 200 * 1024 * 1024
    /// A real document has dozens of parts; a central directory listing more is not a Word draft.
    static let maximumEntries = 10_000

    enum Failure: Error, Equatable {
        case notZip(String)
        case tooLarge(part: String, size: UInt64?)
        case corrupt(part: String)
        case tooManyParts
    }

    /// Part names (no leading slash), in the order of the central directory.
    let partNames: [String]
    private var entries: [String: Entry]
    private let bytes: [UInt8]
    private var extracted = 0

    init(bytes: [UInt8]) throws(Failure) {
        // An OLE compound file: an encrypted .docx or an old binary .doc.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .notZip("it is a password-protected Word document or an old binary .doc; save it as an unprotected .docx")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw .notZip("a .docx is a zip archive, and this file does not start like one")
        }
        // ZIPFoundation's in-memory archive traps on a seek past the end of its data, which a damaged
        // table of contents asks for; a file answers such reads with end-of-file instead.
        let opened: Archive
        do {
            opened = try Self.openInMemory(bytes)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .notZip("the zip archive is damaged (its table of contents cannot be read)")
        }
        var names: [String] = []
        var entries: [String: Entry] = [:]
        for entry in opened {
            guard names.count < Self.maximumEntries else { throw .tooManyParts }
            guard entry.type == .file else { continue }
            let name = entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path
            if entries[name] == nil { names.append(name) }
            entries[name] = entry
        }
        self.partNames = names
        self.entries = entries
        self.bytes = bytes
    }

    /// `memfd_create`, looked up at run time (Swift's Glibc module does not declare it).
    private static let memfdCreate: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memfd_create") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    /// Opens the archive through an anonymous in-memory file (`memfd_create`): ZIPFoundation reads it
    /// like a file, but nothing is written to disk, so no copy of a draft outlives the process.
    private static func openInMemory(_ bytes: [UInt8]) throws -> Archive {
        guard let memfdCreate else { throw Failure.notZip("this system cannot open a Word document in memory") }
        let descriptor = memfdCreate("postlint-docx", 1)  // MFD_CLOEXEC
        guard descriptor >= 0 else { throw Failure.notZip("it could not be opened in memory (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }  // the open archive keeps its own handle
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written else { throw Failure.notZip("it could not be copied into memory to open it") }
        return try Archive(url: URL(fileURLWithPath: "/proc/self/fd/\(descriptor)"), accessMode: .read)
    }

    func contains(_ part: String) -> Bool { entries[part] != nil }

    /// A part's bytes, or nil when the archive has no such part. Parts are looked up by exact name,
    /// then ignoring case (zip tools on some systems change the case of names).
    ///
    /// The data is inflated with ZIPFoundation's `Data.decompress`, fed only the entry's own compressed
    /// bytes: its `Archive.extract` reads on past the entry and, on a crafted stream that never ends,
    /// would wait at the end of the file for ever.
    mutating func read(_ part: String) throws(Failure) -> [UInt8]? {
        guard let (name, entry) = entries[part].map({ (part, $0) })
                ?? entries.first(where: { $0.key.lowercased() == part.lowercased() }).map({ ($0.key, $0.value) }) else {
            return nil
        }
        let limit = min(Self.maximumPartSize, Self.maximumTotalSize - extracted)
        guard entry.uncompressedSize <= UInt64(limit) else { throw .tooLarge(part: part, size: entry.uncompressedSize) }
        guard let data = ZipLayout.dataRange(of: name, in: bytes), data.count == Int(clamping: entry.compressedSize) || entry.compressedSize == 0 else {
            throw .corrupt(part: part)
        }
        var output: [UInt8] = []
        output.reserveCapacity(min(Int(entry.uncompressedSize), limit))
        struct LimitExceeded: Error {}
        struct Truncated: Error {}
        let checksum: CRC32
        do {
            if entry.isCompressed {
                let source = bytes
                checksum = try Data.decompress(size: Int64(data.count), bufferSize: 64 * 1024, skipCRC32: false,
                                               provider: { position, size in
                    // Always exactly `size` bytes (zlib is told that many are there): the entry's own,
                    // then zeros, which no deflate stream reads as data for long. Past the end: done.
                    let start = data.lowerBound + Int(position)
                    guard start < data.upperBound else { throw Truncated() }
                    var chunk = Data(source[start..<min(data.upperBound, start + size)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                }, consumer: { chunk in
                    guard output.count + chunk.count <= limit else { throw LimitExceeded() }
                    output.append(contentsOf: chunk)
                })
            } else {
                guard data.count <= limit else { throw LimitExceeded() }
                output = Array(bytes[data])
                checksum = Data(output).crc32(checksum: 0)
            }
        } catch is LimitExceeded {
            throw .tooLarge(part: part, size: nil)
        } catch {
            throw .corrupt(part: part)
        }
        // Zero means "not recorded here" (an entry whose sizes and checksum follow its data).
        let declaredSize = Int(entry.uncompressedSize)
        guard entry.checksum == 0 || checksum == entry.checksum, declaredSize == 0 || output.count == declaredSize else {
            throw .corrupt(part: part)
        }
        extracted += output.count
        return output
    }
}

/// The little of the zip format ZIPFoundation does not make public: where an entry's compressed
/// bytes are. Read from the central directory and the local header, with every offset checked.
enum ZipLayout {
    static func dataRange(of name: String, in bytes: [UInt8]) -> Range<Int>? {
        func u16(_ offset: Int) -> Int? {
            offset >= 0 && offset + 2 <= bytes.count ? Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 : nil
        }
        func u32(_ offset: Int) -> Int? {
            guard let low = u16(offset), let high = u16(offset + 2) else { return nil }
            return low | high << 16
        }
        // The end of central directory record: within the last 64 KiB + 22 bytes.
        var end = bytes.count - 22
        let earliest = max(0, bytes.count - 22 - 65_535)
        while end >= earliest, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= earliest, let count = u16(end + 10), let directory = u32(end + 16) else { return nil }
        let wanted = Array(name.utf8)
        var record = directory
        for _ in 0..<count {
            guard u32(record) == 0x0201_4B50, let compressedSize = u32(record + 20), let nameLength = u16(record + 28),
                  let extraLength = u16(record + 30), let commentLength = u16(record + 32), let local = u32(record + 42),
                  record + 46 + nameLength <= bytes.count else { return nil }
            var recordName = Array(bytes[(record + 46)..<(record + 46 + nameLength)])
            if recordName.first == UInt8(ascii: "/") { recordName.removeFirst() }
            if recordName == wanted {
                // 0xFFFFFFFF: the real values are in a ZIP64 extra field, which Word documents never need.
                guard compressedSize != 0xFFFF_FFFF, local != 0xFFFF_FFFF, u32(local) == 0x0403_4B50,
                      let localName = u16(local + 26), let localExtra = u16(local + 28) else { return nil }
                let start = local + 30 + localName + localExtra
                guard start + compressedSize <= bytes.count else { return nil }
                return start..<(start + compressedSize)
            }
            record += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }
}
