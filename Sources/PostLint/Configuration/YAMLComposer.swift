import Yams

/// Every YAML document PostLint reads (configuration, rule files, front matter) is composed here.
enum YAMLComposer {
    /// The document's tree, read as UTF-8. Naming the encoding matters: Yams' default looks it up in the
    /// process environment, which Foundation copies whole on every call (a third of a millisecond each).
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .default, .default, .utf8)
    }
}
