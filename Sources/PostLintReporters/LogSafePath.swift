import PostLint

/// A draft's path as a line of human-readable output may start with it. GitHub Actions runs any log
/// line that starts with `::` (after leading white space) as a workflow command, so a draft named
/// `::error file=README.md::…` could forge annotations or worse; such a path is shown as `./::…`,
/// the same file. Control characters are replaced as everywhere else in text output.
public enum LogSafePath {
    public static func shown(_ path: String) -> String {
        let sanitized = SourceExcerpt.sanitized(path)
        let trimmed = sanitized.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("::") ? "./" + sanitized : sanitized
    }
}
