import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// Replays Fuzz/regressions/TARGET/* and the seed corpus Fuzz/seeds/TARGET/* through what each fuzz
/// target does (see Fuzz/README.md), so an input a fuzzer once crashed on, one written to probe a
/// fixed bug, and every seed are checked by every `swift test` without the sanitizer build. Drop a
/// libFuzzer artifact into the regressions folder of its target to keep it.
@Suite(.timeLimit(.minutes(2))) struct FuzzRegressionTests {
    static let folders = ["regressions", "seeds"].map { PostLintProcess.packageRoot + "/Fuzz/" + $0 }

    static func inputs(_ target: String) -> [String] {
        folders.flatMap { folder in
            let directory = folder + "/" + target
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { directory + "/" + $0 }
        }
    }

    @Test func theSeedCorpusIsThere() {
        for target in ["html", "markdown", "text", "config", "roster"] {
            #expect(Self.inputs(target).count >= 2, "\(target)")
        }
    }

    static func assertWellFormed(_ report: FileReport) {
        guard let source = report.source else { return }
        for diagnostic in report.diagnostics {
            #expect(diagnostic.region.byteRange.upperBound <= source.utf8.count, "\(report.path): \(diagnostic.ruleID)")
            #expect(diagnostic.region.start.line >= 1)
        }
        // Fixes never cut a character in two, and a draft with nothing to fix is left byte for byte.
        let (fixed, outcome) = FixApplier.fixedText(source, diagnostics: report.diagnostics)
        #expect(String(validating: fixed, as: UTF8.self) != nil, "\(report.path): a fix split a character")
        if outcome.applied == 0 { #expect(fixed == source.utf8, "\(report.path)") }
    }

    @Test(arguments: [("html", DocumentFormat.html), ("markdown", .markdown), ("text", .text), ("docx", .docx)])
    func readers(target: String, format: DocumentFormat) throws {
        for path in Self.inputs(target) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            Self.assertWellFormed(Linter().lint(bytes: bytes, path: path, format: format, configuration: Configuration()))
        }
    }

    @Test func configurations() throws {
        let loader = ConfigurationLoader(knownRuleIDs: Set(Linter().descriptors.map(\.id)))
        for path in Self.inputs("config") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            do {
                _ = try loader.load(text: text, path: "/fuzz/.postlint.yml")
            } catch {
                // Refused with at least one error, each naming the file, a line and a column in it.
                #expect(!error.errors.isEmpty)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                for problem in error.errors {
                    #expect(problem.path == "/fuzz/.postlint.yml" && (1...lines).contains(problem.line) && problem.column >= 1,
                            "\(path): \(problem)")
                }
            }
        }
    }

    @Test func rosters() throws {
        for path in Self.inputs("roster") {
            let result = RosterLoader.load(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
            if let roster = result.roster {
                Self.assertWellFormed(Linter().lint(text: "Well done Oliver Whitfield!\n", path: "x.txt", format: .text, roster: roster))
            } else {
                #expect(result.hasErrors, "\(path): no roster, and no error saying why")
            }
        }
    }

    /// Inputs the HTML property tests shrank to while CDATA hiding was written: a `<![CDATA[` inside an
    /// unclosed attribute value, and after a textarea (which libxml2 does not treat as raw text), once
    /// mapped words to the wrong bytes. `HTMLMappingCheck.read` expects every word to map back exactly.
    @Test(arguments: ["<p title='unclosed<![CDATA[x]]>", "<textarea><p title='unclosed</textarea><![CDATA[x]]>",
                      "<script>a<![CDATA[b]]>c</script><![CDATA[d]]>e", "<!-- <![CDATA[ --> x ]]>"])
    func cdataEveryWordStillMapsBack(html: String) {
        _ = HTMLMappingCheck.read(html)
    }

    @Test func cdataSectionsAreHiddenLikeComments() {
        let source = SourceText(path: "a.html", text: "<p>A<![CDATA[ Oliver Whitfield ]]>B</p>\n<p>C<![CDATA[ open\n")
        let document = HTMLReader.read(source)
        let text = document.blocks.map(\.string).joined(separator: "|")
        #expect(!text.contains("Oliver"), "\(text)")
        #expect(text.contains("A") && text.contains("B"))
    }
}
