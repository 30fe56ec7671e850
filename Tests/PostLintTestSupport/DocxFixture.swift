import Foundation
import ZIPFoundation

/// Builds `.docx` files in memory with ZIPFoundation, so the tests need no binary fixtures.
package enum DocxFixture {
    package static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:v="urn:schemas-microsoft-com:vml"
        """
    package static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `word/document.xml` with this body content.
    package static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    package static func header(_ content: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr \(namespaces)>\(content)</w:hdr>"
    }

    package static func footer(_ content: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:ftr \(namespaces)>\(content)</w:ftr>"
    }

    /// A paragraph of plain runs.
    package static func p(_ runs: String..., style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined())</w:p>"
    }

    package static func image(id: String, descr: String?, title: String? = nil, name: String = "Picture 1") -> String {
        let description = descr.map { " descr=\"\($0)\"" } ?? ""
        let titled = title.map { " title=\"\($0)\"" } ?? ""
        return """
            <w:r><w:drawing><wp:inline><wp:docPr id="1" name="\(name)"\(description)\(titled)/>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>\
            <pic:blipFill><a:blip r:embed="\(id)"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>\
            </wp:inline></w:drawing></w:r>
            """
    }

    /// A relationships part: (id, type suffix, target, external).
    package static func relationships(_ entries: [(String, String, String, Bool)]) -> String {
        let lines = entries.map { id, type, target, external in
            "<Relationship Id=\"\(id)\" Type=\"\(relationshipBase)/\(type)\" Target=\"\(target)\"\(external ? " TargetMode=\"External\"" : "")/>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(lines.joined())</Relationships>"
    }

    /// A zip of these parts (deflated), as bytes.
    package static func zip(_ parts: [(String, String)]) throws -> [UInt8] {
        try zip(parts.map { ($0.0, Array($0.1.utf8)) })
    }

    package static func zip(_ parts: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// A Word document with this body and optional extra parts.
    package static func docx(_ body: String, rels: [(String, String, String, Bool)] = [],
                     parts: [(String, String)] = []) throws -> [UInt8] {
        var all: [(String, String)] = [("word/document.xml", document(body))]
        if !rels.isEmpty { all.append(("word/_rels/document.xml.rels", relationships(rels))) }
        return try zip(all + parts)
    }

    /// Sets the uncompressed size a zip declares for the entry `name`, in its local header and its
    /// central directory record: how a zip bomb lies about (or brags of) its size.
    package static func declareUncompressedSize(_ size: UInt32, of name: String, in bytes: inout [UInt8]) {
        let nameBytes = Array(name.utf8)
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
        }
        func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x03, bytes[index + 3] == 0x04,
               bytes[(index + 30)..<min(bytes.count, index + 30 + nameBytes.count)].elementsEqual(nameBytes),
               u16(index + 26) == nameBytes.count {
                put(size, at: index + 22)
            }
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02,
               bytes[(index + 46)..<min(bytes.count, index + 46 + nameBytes.count)].elementsEqual(nameBytes),
               u16(index + 28) == nameBytes.count {
                put(size, at: index + 24)
            }
            index += 1
        }
    }
}
