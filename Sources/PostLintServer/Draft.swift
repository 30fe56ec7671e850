import PostLint

/// One post sent to `POST /api/v1/check`, whichever way it came (JSON or a multipart upload).
struct Draft: Sendable {
    var bytes: [UInt8]
    var format: DocumentFormat
    /// A bare file name, used as the report's `path`; never a path into the server's folders.
    var filename: String

    init(bytes: [UInt8], format: DocumentFormat, filename: String?) {
        self.bytes = bytes
        self.format = format
        self.filename = Self.bareName(filename) ?? "draft.\(Self.defaultExtension(format))"
    }

    /// The last component of a client's name, without control characters; nil when nothing is left.
    static func bareName(_ name: String?) -> String? {
        guard let name else { return nil }
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return clean.isEmpty || clean == "." || clean == ".." ? nil : clean
    }

    private static func defaultExtension(_ format: DocumentFormat) -> String {
        switch format {
        case .html: "html"
        case .markdown: "md"
        case .text: "txt"
        case .docx: "docx"
        }
    }
}
