import Yams

/// YAML front matter of a Markdown draft (`---` … `---` or `...`). Parsed with Yams' composer so
/// every scalar keeps its line and column; each value becomes a `FrontMatterField` and a block
/// (`.title` for `title`, else `.frontMatter` labelled with its key) mapped back to the file.
enum FrontMatterReader {
    struct Region {
        /// The bytes between the fence lines.
        var yaml: Range<Int>
        /// 0-based line of the first YAML line, and of the first line after the closing fence.
        var firstLine: Int
        var bodyLine: Int
    }

    /// The front matter region, when the file starts with a `---` line that a fence line closes.
    static func region(_ source: SourceText) -> Region? {
        let lines = source.lines
        guard lines.lineCount > 1, isFence(source.utf8, lines.lineRange(0), allowDots: false) else { return nil }
        for line in 1..<lines.lineCount where isFence(source.utf8, lines.lineRange(line), allowDots: true) {
            return Region(yaml: lines.lineStarts[1]..<lines.lineStarts[line], firstLine: 1, bodyLine: line + 1)
        }
        return nil
    }

    /// A file that opens front matter (`---`, then a `key:` line) and never closes it: the whole file
    /// is read as Markdown, and the author should hear why their `author:` line was not seen.
    static func isUnclosed(_ source: SourceText) -> Bool {
        let lines = source.lines
        guard lines.lineCount > 1, isFence(source.utf8, lines.lineRange(0), allowDots: false), region(source) == nil else { return false }
        let second = source.utf8[lines.lineRange(1)]
        guard let colon = second.firstIndex(of: UInt8(ascii: ":")), colon > second.startIndex else { return false }
        return second[second.startIndex..<colon].allSatisfy { byte in
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
        }
    }

    private static func isFence(_ bytes: [UInt8], _ range: Range<Int>, allowDots: Bool) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let line = bytes[range.lowerBound..<end]
        return line.elementsEqual("---".utf8) || (allowDots && line.elementsEqual("...".utf8))
    }

    /// Reads the fields; a YAML error becomes an error `ReadProblem` at the start of the offending line.
    static func read(_ region: Region, into document: inout Document) {
        let source = document.source
        let text = String(decoding: source.utf8[region.yaml], as: UTF8.self)
        do {
            // UTF-8 said outright: Yams' `.default` reads the whole process environment on every call
            // (about 8% of the Markdown reader's instructions), and Swift strings are UTF-8 anyway.
            guard let root = try YAMLComposer.compose(text) else { return }
            guard let mapping = root.mapping else {
                document.problems.append(ReadProblem(severity: .warning,
                                                     message: "front matter is not a mapping of keys to values",
                                                     byteOffset: region.yaml.lowerBound))
                return
            }
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                visit(name, value, region: region, document: &document)
            }
        } catch {
            var offset = region.yaml.lowerBound
            var problem = "\(error)"
            if let yamlError = error as? YamlError {
                switch yamlError {
                case .scanner(_, let message, let mark, _), .parser(_, let message, let mark, _),
                     .composer(_, let message, let mark, _):
                    problem = "\(message) (line \(region.firstLine + mark.line), column \(mark.column))"
                    let line = min(region.firstLine + mark.line - 1, region.bodyLine - 2)
                    offset = source.lines.lineStarts[max(region.firstLine, line)]
                default:
                    break
                }
            }
            document.problems.append(ReadProblem(severity: .error,
                                                 message: "\(source.path): front matter is not valid YAML: \(problem)",
                                                 byteOffset: offset))
        }
    }

    private static func visit(_ key: String, _ node: Node, region: Region, document: inout Document) {
        switch node {
        case .scalar(let scalar):
            addField(key, scalar, region: region, document: &document)
        case .sequence(let sequence):
            for item in sequence {
                if case .scalar(let scalar) = item { addField(key, scalar, region: region, document: &document) }
            }
        case .mapping(let mapping):
            for (child, value) in mapping {
                guard let name = child.string else { continue }
                visit("\(key).\(name)", value, region: region, document: &document)
            }
        default:
            break
        }
    }

    private static func addField(_ key: String, _ scalar: Node.Scalar, region: Region, document: inout Document) {
        let source = document.source
        guard let mark = scalar.mark,
              let start = source.lines.offset(line: region.firstLine + mark.line, column: mark.column)
        else { return }
        let value = Array(scalar.string.utf8)
        guard !value.isEmpty, start < region.yaml.upperBound else {
            document.frontMatter.append(FrontMatterField(key: key, value: scalar.string, valueRange: start..<start))
            return
        }
        let block = FrontMatterScalarMapper.block(kind: key == "title" ? .title : .frontMatter, label: key,
                                                  value: value, style: scalar.style, bytes: source.utf8,
                                                  start: start, limit: region.yaml.upperBound)
        document.frontMatter.append(FrontMatterField(key: key, value: scalar.string,
                                                     valueRange: block.sourceRange(0..<block.text.count)))
        // `featured_image: /uploads/amal-islam-museum.jpg`: an image's file name, like an `<img>`'s.
        if let fileStart = imageFileNameStart(value) {
            document.blocks.append(FrontMatterScalarMapper.block(kind: .imageFileName, label: key, value: Array(value[fileStart...]),
                                                                 style: scalar.style, bytes: source.utf8,
                                                                 start: start + fileStart, limit: region.yaml.upperBound))
        } else if block.text.contains(where: { !MarkdownSpan.isWhitespace($0) }) {
            document.blocks.append(block)
        }
    }

    private static let imageExtensions: [[UInt8]] = ["jpg", "jpeg", "png", "gif", "webp", "heic", "avif", "svg"].map { Array($0.utf8) }

    /// Where the file name starts in a value that is an image's path (one line, an image extension), else nil.
    private static func imageFileNameStart(_ value: [UInt8]) -> Int? {
        guard !value.contains(0x0A), !value.contains(0x20), let dot = value.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let fileExtension = value[(dot + 1)...].map { $0 | 0x20 }
        guard imageExtensions.contains(where: { $0.elementsEqual(fileExtension) }) else { return nil }
        return (value.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
    }
}
