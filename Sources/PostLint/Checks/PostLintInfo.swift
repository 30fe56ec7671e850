/// The tool's identity, as reported by `--version` and in SARIF's `tool.driver`.
public enum PostLintInfo {
    public static let name = "postlint"
    public static let version = "0.1.0"
    public static let repositoryURL = "https://github.com/postlint/postlint"
}
