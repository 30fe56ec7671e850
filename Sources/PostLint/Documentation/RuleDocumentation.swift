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
        if !descriptor.triggeringExamples.isEmpty {
            text += "\nFlagged (the marked words):\n"
            for example in descriptor.triggeringExamples { text += "  ✗ \(oneLine(example.text))\n" }
        }
        if !descriptor.nonTriggeringExamples.isEmpty {
            text += "\nNot flagged:\n"
            for example in descriptor.nonTriggeringExamples { text += "  ✓ \(oneLine(example.text))\n" }
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
            if !descriptor.triggeringExamples.isEmpty {
                text += "\nFlagged (marked «like this»):\n\n"
                for example in descriptor.triggeringExamples { text += "- `\(oneLine(example.text))`\n" }
            }
            if !descriptor.nonTriggeringExamples.isEmpty {
                text += "\nNot flagged:\n\n"
                for example in descriptor.nonTriggeringExamples { text += "- `\(oneLine(example.text))`\n" }
            }
        }
        return text
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
