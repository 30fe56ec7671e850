internal import CYaml

/// Refuses "billion laughs" documents before Yams composes them. Composing is cheap because aliased
/// subtrees are shared, but Yams hashes mapping keys to find duplicates, so an alias used as a key
/// (`? *laugh9 : x`) costs its full expanded size — seconds to hours. This pass reads libyaml's event
/// stream once and computes each anchor's expanded size, so the bound holds whatever the document does.
enum AliasExpansionGuard {
    /// Where the document passes `limit` values once aliases are expanded, or nil when it stays under
    /// it. Syntax errors are left for Yams to report, with its messages.
    static func positionExceedingLimit(in text: String, limit: Int) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, limit: limit)
        }
    }

    private static func scan(_ parser: inout yaml_parser_t, limit: Int) -> (line: Int, column: Int)? {
        /// Expanded size of each anchor seen so far (a later anchor of the same name shadows it).
        var anchors: [String: Int] = [:]
        /// Open collections: their anchor and the size of their contents so far.
        var open: [(anchor: String?, size: Int)] = [(nil, 0)]
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: (anchor: String?, size: Int)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                open = [(nil, 0)]
            case YAML_SCALAR_EVENT:
                finished = (string(event.data.scalar.anchor), 1)
            case YAML_ALIAS_EVENT:
                finished = (nil, string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((string(event.data.sequence_start.anchor), 0))
            case YAML_MAPPING_START_EVENT:
                open.append((string(event.data.mapping_start.anchor), 0))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if open.count > 1, let collection = open.popLast() {
                    finished = (collection.anchor, collection.size.addingReportingOverflow(1).partialValue)
                }
            default:
                break
            }
            guard let (anchor, size) = finished else { continue }
            if let anchor { anchors[anchor] = size }
            let (sum, overflow) = open[open.count - 1].size.addingReportingOverflow(size)
            if overflow || sum > limit { return mark }
            open[open.count - 1].size = sum
        }
        return nil
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
