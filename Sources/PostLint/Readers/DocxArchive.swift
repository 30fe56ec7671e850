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

    private let archive: Archive
    /// Part names (no leading slash), in the order of the central directory.
    let partNames: [String]
    private var entries: [String: Entry]
    private var extracted = 0

    init(bytes: [UInt8]) throws(Failure) {
        // An OLE compound file: an encrypted .docx or an old binary .doc.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .notZip("it is a password-protected Word document or an old binary .doc; save it as an unprotected .docx")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw .notZip("a .docx is a zip archive, and this file does not start like one")
        }
        let opened: Archive
        do {
            opened = try Archive(data: Data(bytes), accessMode: .read)
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
        self.archive = opened
        self.partNames = names
        self.entries = entries
    }

    func contains(_ part: String) -> Bool { entries[part] != nil }

    /// A part's bytes, or nil when the archive has no such part. Parts are looked up by exact name,
    /// then ignoring case (zip tools on some systems change the case of names).
    mutating func read(_ part: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries[part] ?? entries.first(where: { $0.key.lowercased() == part.lowercased() })?.value else {
            return nil
        }
        let limit = min(Self.maximumPartSize, Self.maximumTotalSize - extracted)
        guard entry.uncompressedSize <= UInt64(limit) else { throw .tooLarge(part: part, size: entry.uncompressedSize) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        struct LimitExceeded: Error {}
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else { throw LimitExceeded() }
                bytes.append(contentsOf: chunk)
            }
            // Zero means "not recorded here" (an entry whose sizes and checksum follow its data).
            let declaredSize = Int(entry.uncompressedSize)
            guard entry.checksum == 0 || checksum == entry.checksum, declaredSize == 0 || bytes.count == declaredSize else {
                throw Failure.corrupt(part: part)
            }
        } catch is LimitExceeded {
            throw .tooLarge(part: part, size: nil)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .corrupt(part: part)
        }
        extracted += bytes.count
        return bytes
    }
}
