import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// `postlint check --redact` through the real binary: in every format, no name of any pupil on the
/// roster appears in full, nor any text the pupil-name check matched, while every position stays
/// exactly where it was without `--redact`. Run on the Samples and two corpus schools whose pupils
/// are also ordinary words, with diacritics, hyphens and apostrophes.
@Suite struct RedactTests {
    struct School: CustomTestStringConvertible, Sendable {
        var folder: String
        var roster: String
        var testDescription: String { folder }
    }

    static let schools = [
        School(folder: "Samples", roster: "pupils.csv"),
        School(folder: "Tests/Corpus/hollins-green", roster: "pupils.csv"),
        School(folder: "Tests/Corpus/st-aidans", roster: "pupils.csv"),
    ]
    static let placeholder = "[Pupil's name]"

    /// Every pupil's name as a post could write it in full ("Forename Surname", "Surname, Forename",
    /// with the preferred forename too), read from the roster's header-named columns.
    static func fullNames(_ school: School) throws -> Set<String> {
        let text = try String(contentsOfFile: "\(PostLintProcess.packageRoot)/\(school.folder)/\(school.roster)", encoding: .utf8)
        let lines = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
        let delimiter: Character = lines[0].contains(";") ? ";" : ","
        let header = lines[0].split(separator: delimiter, omittingEmptySubsequences: false).map { $0.lowercased() }
        let forenames = header.indices.filter { ["legal forename", "forename", "preferred forename", "known as"].contains(header[$0]) }
        let surnames = header.indices.filter { ["legal surname", "surname"].contains(header[$0]) }
        #expect(!forenames.isEmpty && !surnames.isEmpty, "the roster's name columns were found")
        var names: Set<String> = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
            for forename in forenames.map({ fields[$0] }) where !forename.isEmpty {
                for surname in surnames.map({ fields[$0] }) where !surname.isEmpty {
                    names.insert("\(forename) \(surname)")
                    names.insert("\(surname), \(forename)")
                }
            }
        }
        return names
    }

    /// Whether `name` occurs in `output` as whole words, in any case, however its spaces were wrapped
    /// (HTML's escapes undone first).
    static func contains(_ output: String, _ name: String) -> Bool {
        let text = output.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let words = name.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
        let pattern = "(?<![\\p{L}\\p{N}])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}])"
        let expression = try! NSRegularExpression(pattern: pattern, options: .caseInsensitive)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func run(_ school: School, _ format: String, redact: Bool) throws -> PostLintProcess.Result {
        try PostLintProcess.run(["check", ".", "--quiet", "--format", format] + (redact ? ["--redact"] : []),
                                in: "\(PostLintProcess.packageRoot)/\(school.folder)")
    }

    @Test(arguments: schools)
    func noOutputFormatHoldsARosterName(_ school: School) throws {
        let plain = try JSONDecoder().decode(JSONReport.self, from: Data(try Self.run(school, "json", redact: false).standardOutput.utf8))
        let matched = Set(plain.files.flatMap(\.diagnostics).filter { $0.ruleId == "pupil-name" }.map(\.snippet))
        #expect(matched.count >= 5, "the school's drafts name pupils: \(matched.count)")
        let names = try Self.fullNames(school).union(matched)
        for format in ["text", "json", "sarif", "github", "html"] {
            let unredacted = try Self.run(school, format, redact: false)
            let redacted = try Self.run(school, format, redact: true)
            #expect(redacted.status == unredacted.status)
            #expect(names.contains { Self.contains(unredacted.standardOutput, $0) }, "without --redact, \(format) names pupils")
            let leaked = names.filter { Self.contains(redacted.standardOutput, $0) || Self.contains(redacted.standardError, $0) }
            #expect(leaked.isEmpty, "\(format) output holds \(leaked.sorted())")
            let shown = format == "html" ? HTMLReporter.escape(Self.placeholder) : Self.placeholder
            #expect(redacted.standardOutput.contains(shown), "\(format) shows the placeholder")
        }
    }

    /// Every finding keeps its rule, level and exact place; only the text of names changes.
    @Test(arguments: schools)
    func positionsAreExactlyThoseWithoutRedact(_ school: School) throws {
        func places(_ redact: Bool) throws -> [[String]] {
            let report = try JSONDecoder().decode(JSONReport.self, from: Data(try Self.run(school, "json", redact: redact).standardOutput.utf8))
            return report.files.flatMap { file in
                file.diagnostics.map { [file.path, $0.ruleId, $0.level] + [$0.line, $0.column, $0.endLine, $0.endColumn,
                                                                            $0.utf16Column, $0.offset, $0.length].map(String.init) }
            }
        }
        let plain = try places(false)
        #expect(!plain.isEmpty)
        #expect(try places(true) == plain)

        func regions(_ redact: Bool) throws -> [String] {
            let output = try Self.run(school, "sarif", redact: redact).standardOutput
            let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            return results.map { result in
                let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                let region = location?["region"] as? [String: Any] ?? [:]
                return ["startLine", "startColumn", "endLine", "endColumn"].map { "\(region[$0] ?? "-")" }.joined(separator: ":")
                    + " \(result["ruleId"] ?? "")"
            }
        }
        #expect(try regions(true) == regions(false))

        // A SARIF snippet must be the file's own text: a redacted region has none (and keeps its place).
        let log = try #require(try JSONSerialization.jsonObject(with: Data(try Self.run(school, "sarif", redact: true).standardOutput.utf8))
            as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let pupils = results.filter { $0["ruleId"] as? String == "pupil-name" }
        #expect(!pupils.isEmpty)
        for result in pupils {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            #expect((location?["region"] as? [String: Any])?["snippet"] == nil)
        }
    }

    /// In the text excerpt the name is shown as the placeholder, underlined, and a later finding on the
    /// same line is still underlined under its own words.
    @Test func excerptsUnderlineTheRightWordsAroundAPlaceholder() throws {
        let fixture = try FailClosedFixture(configuration: "roster: [pupils.csv]\n")
        let result = try fixture.check(["news", "--redact"])
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (rule, words) in [("pupil-name", Self.placeholder), ("personal-opinion", "I think")] {
            let header = try #require(lines.firstIndex { $0.hasSuffix("[\(rule)]") }, "\(result.standardOutput)")
            let excerpt = lines[header + 1], underline = lines[header + 2]
            #expect(excerpt.hasSuffix("Well done to \(Self.placeholder) for his reading award. I think it was deserved."))
            let start = try #require(excerpt.range(of: words))
            let caret = try #require(underline.firstIndex(of: "^"))
            #expect(excerpt.distance(from: excerpt.startIndex, to: start.lowerBound) == underline.distance(from: underline.startIndex, to: caret))
            #expect(underline[caret...] == "^" + String(repeating: "~", count: words.count - 1))
        }
        #expect(!result.standardOutput.contains("Oliver") && !result.standardOutput.contains("Whitfield"))

        let html = try fixture.check(["news", "--redact", "--format", "html"]).standardOutput
        #expect(html.contains("<mark>\(HTMLReporter.escape(Self.placeholder))</mark>"))
        #expect(html.contains("<mark>I think</mark>"))
    }
}
