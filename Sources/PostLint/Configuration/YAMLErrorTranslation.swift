import Yams

/// Turns Yams' errors into `ConfigurationError`s at the line and column libyaml reports, in words a
/// school's web editor can act on rather than libyaml's internal phrasing where that helps.
enum YAMLErrorTranslation {
    static func error(_ error: YamlError, path: String, text: String) -> ConfigurationError {
        switch error {
        case let .scanner(context, _, mark, _) where context?.text == "while scanning an alias":
            let alias = context.map { token(at: $0.mark, in: text) } ?? "*"
            let line = context?.mark.line ?? mark.line, column = context?.mark.column ?? mark.column
            return ConfigurationError(path: path, line: line, column: column, message:
                "`\(alias)` reads as a YAML alias; a value that starts with `*`, such as a glob, must be quoted: \"\(alias)\"")
        case let .scanner(_, _, mark, _) where token(at: mark, in: text).hasPrefix("\t"):
            return ConfigurationError(path: path, line: mark.line, column: mark.column,
                                      message: "YAML syntax error: a tab cannot indent YAML; use spaces")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            return ConfigurationError(path: path, line: mark.line, column: mark.column,
                                      message: "YAML syntax error: \(problem)\(describe(context))")
        case let .composer(context, problem, mark, _):
            if problem == "found undefined alias" {
                let alias = token(at: mark, in: text)
                return ConfigurationError(path: path, line: mark.line, column: mark.column, message:
                    "`\(alias)` is a YAML alias to an anchor that is not defined; "
                    + "a value that starts with `*`, such as a glob, must be quoted: \"\(alias)\"")
            }
            return ConfigurationError(path: path, line: mark.line, column: mark.column,
                                      message: "YAML error: \(problem)\(describe(context))")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { position(ofCharacterOffset: $0, in: yaml) } ?? (1, 1)
            return ConfigurationError(path: path, line: line, column: column, message: "YAML error: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return ConfigurationError(path: path, line: context.mark.line, column: context.mark.column,
                                      message: "duplicate key \(keys): a key may appear only once in a mapping (this is its first use)")
        default:
            return ConfigurationError(path: path, line: 1, column: 1, message: "YAML error: \(error)")
        }
    }

    private static func describe(_ context: YamlError.Context?) -> String {
        guard let context else { return "" }
        return " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
    }

    /// The run of non-space characters at a mark, to quote the offending alias back to the reader.
    private static func token(at mark: Mark, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return "*" }
        let scalars = lines[mark.line - 1].unicodeScalars
        let start = scalars.dropFirst(mark.column - 1)
        if start.first == "\t" { return "\t" }
        let token = start.prefix { !" \t\r,]}".unicodeScalars.contains($0) }
        return token.isEmpty ? "*" : String(String.UnicodeScalarView(token))
    }

    private static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (line, column)
    }
}
