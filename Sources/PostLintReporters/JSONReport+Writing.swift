/// The per-file part of `--format json` written with `JSONWriter`: each member in sorted key order,
/// exactly as `JSONEncoder` encodes the `Codable` shape above (held to it by `JSONWriterTests`).
extension JSONReport.File {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("diagnostics")
        writer.openArray()
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
        writer.closeArray()
        writer.string("encoding", encoding)
        writer.string("format", format)
        writer.key("path")
        writer.string(path)
        writer.key("problems")
        writer.openArray()
        for problem in problems { problem.write(to: &writer) }
        writer.closeArray()
        writer.closeObject()
    }
}

extension JSONReport.Diagnostic {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.string("baselineState", baselineState)
        writer.key("column")
        writer.int(column)
        writer.key("endColumn")
        writer.int(endColumn)
        writer.key("endLine")
        writer.int(endLine)
        if let fix {
            writer.key("fix")
            fix.write(to: &writer)
        }
        writer.string("help", help)
        writer.key("length")
        writer.int(length)
        writer.key("level")
        writer.string(level)
        writer.key("line")
        writer.int(line)
        writer.string("logicalLocation", logicalLocation)
        writer.key("message")
        writer.string(message)
        writer.key("offset")
        writer.int(offset)
        writer.string("policy", policy)
        writer.key("ruleId")
        writer.string(ruleId)
        writer.key("snippet")
        writer.string(snippet)
        writer.key("suppressed")
        writer.bool(suppressed)
        writer.string("title", title)
        writer.key("utf16Column")
        writer.int(utf16Column)
        writer.key("utf16EndColumn")
        writer.int(utf16EndColumn)
        writer.closeObject()
    }
}

extension JSONReport.Fix {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("description")
        writer.string(description)
        writer.key("edits")
        writer.openArray()
        for edit in edits {
            writer.openObject()
            writer.int("column", edit.column)
            writer.int("endColumn", edit.endColumn)
            writer.int("endLine", edit.endLine)
            writer.key("length")
            writer.int(edit.length)
            writer.int("line", edit.line)
            writer.key("offset")
            writer.int(edit.offset)
            writer.key("replacement")
            writer.string(edit.replacement)
            writer.closeObject()
        }
        writer.closeArray()
        writer.closeObject()
    }
}

extension JSONReport.Problem {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.int("column", column)
        writer.int("line", line)
        writer.key("message")
        writer.string(message)
        writer.key("path")
        writer.string(path)
        writer.string("ruleId", ruleId)
        writer.key("severity")
        writer.string(severity)
        writer.closeObject()
    }
}
