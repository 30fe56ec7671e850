import Foundation

/// Renders what a person reads about rules: `postlint rules`, `postlint explain RULE`, and
/// `docs/rules.md` (which the test suite keeps in step with the registry).
package enum RuleDocumentation {
    /// The whole catalogue as JSON (`postlint rules --format json`, the server's `GET /api/v1/rules`).
    package static func json(_ descriptors: [CheckDescriptor]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(descriptors), as: UTF8.self)
    }

    /// One line per rule: id, default level, policy section, title.
    package static func table(_ descriptors: [CheckDescriptor]) -> String {
        let idWidth = descriptors.map(\.id.count).max() ?? 0
        var lines = ["\("RULE".padded(to: idWidth))  LEVEL    POLICY  TITLE"]
        for descriptor in descriptors {
            lines.append("\(descriptor.id.padded(to: idWidth))  \(descriptor.defaultLevel.rawValue.padded(to: 7))  §\(descriptor.policy.section.padded(to: 5))  \(descriptor.title)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The full explanation of one rule, for a terminal.
    package static func explain(_ descriptor: CheckDescriptor) -> String {
        var text = """
        \(descriptor.id): \(descriptor.title)
        Default level: \(descriptor.defaultLevel.rawValue)\(descriptor.isFixable ? " (fixable)" : "")
        Policy: \(descriptor.policy.citation)

        Why: \(descriptor.explanation)

        How to fix: \(descriptor.help)
        \(descriptor.wordHelp.map { "\nIn a Word document: \($0)\n" } ?? "")
        """
        for (kind, lines) in examples(descriptor, quote: oneLine) {
            switch kind {
            case .flagged: text += "\nFlagged (the marked words):\n" + lines.map { "  ✗ \($0)\n" }.joined()
            case .notFlagged: text += "\nNot flagged:\n" + lines.map { "  ✓ \($0)\n" }.joined()
            case .fixed: text += "\nFixed by `postlint check --fix`:\n" + lines.map { "  ✎ \($0)\n" }.joined()
            }
        }
        return text
    }

    /// `docs/rules.md`: every rule with its policy clause, help and examples.
    package static func markdown(_ descriptors: [CheckDescriptor]) -> String {
        var text = """
        # PostLint rules

        Generated from the rule registry by `postlint rules --format markdown`; do not edit by hand.
        Each rule enforces a clause of the school's social media policy.

        | Rule | Default level | Policy | Title |
        | --- | --- | --- | --- |

        """
        for descriptor in descriptors {
            text += "| [`\(descriptor.id)`](#\(descriptor.id)) | \(descriptor.defaultLevel.rawValue) | §\(descriptor.policy.section) | \(descriptor.title) |\n"
        }
        for descriptor in descriptors {
            text += """

            ## \(descriptor.id)

            **\(descriptor.title)** — default level `\(descriptor.defaultLevel.rawValue)`\(descriptor.isFixable ? ", fixable" : "").

            Policy §\(descriptor.policy.section) (\(descriptor.policy.heading)): “\(descriptor.policy.text)”

            \(descriptor.explanation)

            **How to fix:** \(descriptor.help)
            \(descriptor.wordHelp.map { "\n**In a Word document:** \($0)\n" } ?? "")
            """
            for (kind, lines) in examples(descriptor, quote: { "`\(oneLine($0))`" }) {
                switch kind {
                case .flagged: text += "\nFlagged (marked «like this»):\n\n"
                case .notFlagged: text += "\nNot flagged:\n\n"
                case .fixed: text += "\nFixed by `postlint check --fix` (before → after):\n\n"
                }
                text += lines.map { "- \($0)\n" }.joined()
            }
        }
        return text
    }

    private enum ExampleKind { case flagged, notFlagged, fixed }

    /// The example lists both renderings show, in order, leaving out empty ones; each rendering
    /// gives a kind its heading and bullet. A correction whose configuration changes what the fix
    /// writes says so.
    private static func examples(_ descriptor: CheckDescriptor, quote: (String) -> String) -> [(ExampleKind, [String])] {
        let corrections = descriptor.corrections.map { correction in
            "\(quote(correction.example.text)) → \(quote(correction.corrected))"
                + (correction.example.configuration.map { " (with \(quote($0)) in .postlint.yml)" } ?? "")
        }
        return [(ExampleKind.flagged, descriptor.triggeringExamples.map { quote($0.text) }),
                (.notFlagged, descriptor.nonTriggeringExamples.map { quote($0.text) }),
                (.fixed, corrections)].filter { !$0.1.isEmpty }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "⏎")
            .split(separator: "`", omittingEmptySubsequences: false).joined(separator: "ˋ")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
