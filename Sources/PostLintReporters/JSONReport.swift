import PostLint

/// The document `--format json` writes, version 1. Documented in docs/json-format.md.
///
/// Kept apart from the core types on purpose: `Diagnostic` may change shape as the engine evolves,
/// while scripts reading this format must not break. Fields may be added within a version; none is
/// renamed, removed or retyped without raising `version`.
public struct JSONReport: Sendable, Hashable, Codable {
    public static let currentVersion = 1

    public var version: Int
    public var tool: Tool
    public var files: [File]
    public var summary: Summary

    public struct Tool: Sendable, Hashable, Codable {
        public var name: String
        public var version: String
        public var informationUri: String
    }

    public struct File: Sendable, Hashable, Codable {
        /// The path as the user named it.
        public var path: String
        /// `html`, `markdown` or `text`; absent when the file could not be classified.
        public var format: String?
        /// The encoding the file was stored in, when it was read.
        public var encoding: String?
        public var diagnostics: [Diagnostic]
        public var problems: [Problem]
    }

    public struct Diagnostic: Sendable, Hashable, Codable {
        public var ruleId: String
        /// `note`, `warning` or `error`.
        public var level: String
        public var message: String
        /// 1-based; columns count Unicode code points; the end is exclusive.
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        /// The same start and end counted in UTF-16 code units, for editors that count that way.
        public var utf16Column: Int
        public var utf16EndColumn: Int
        /// Byte offsets into the file as decoded to UTF-8.
        public var offset: Int
        public var length: Int
        /// The flagged text exactly as in the file, line ends as LF.
        public var snippet: String
        public var suppressed: Bool
        public var fix: Fix?
        /// The rule's title, the policy clause it enforces and how to fix; absent for an unknown rule.
        public var title: String?
        public var policy: String?
        public var help: String?
        /// Where the finding is for a person when line and column are those of a rendering, not of
        /// the file: in a Word draft, "paragraph 12" or "header 1, paragraph 2". Absent otherwise.
        public var logicalLocation: String?
        /// With `--baseline`: `unchanged` for a finding recorded in the baseline (it does not fail the
        /// run), `new` otherwise. Absent without a baseline.
        public var baselineState: String?
    }

    public struct Fix: Sendable, Hashable, Codable {
        public var description: String
        public var edits: [Edit]
    }

    public struct Edit: Sendable, Hashable, Codable {
        public var offset: Int
        public var length: Int
        /// Where the replaced text is, when the source was available to compute it.
        public var line: Int?
        public var column: Int?
        public var endLine: Int?
        public var endColumn: Int?
        public var replacement: String
    }

    public struct Problem: Sendable, Hashable, Codable {
        /// `error` or `warning`.
        public var severity: String
        public var path: String
        public var message: String
        public var line: Int?
        public var column: Int?
        /// The rule the problem is about: set when that rule could NOT check the draft.
        public var ruleId: String?
    }

    public struct Summary: Sendable, Hashable, Codable {
        public var files: Int
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        public var suppressed: Int
        public var problems: Int
        /// Findings known from `--baseline` (not counted in errors, warnings or notes); absent when none.
        public var baseline: Int?
    }
}
