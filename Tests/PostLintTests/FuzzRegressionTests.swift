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
        _ = FixApplier.fixedText(source, diagnostics: report.diagnostics)
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
            do { _ = try loader.load(text: text, path: "/fuzz/.postlint.yml") } catch { #expect(!error.errors.isEmpty) }
        }
    }

    @Test func rosters() throws {
        for path in Self.inputs("roster") {
            let result = RosterLoader.load(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
            if let roster = result.roster {
                Self.assertWellFormed(Linter().lint(text: "Well done Oliver Whitfield!\n", path: "x.txt", format: .text, roster: roster))
            }
        }
    }

    /// Inputs the HTML property tests shrank to while CDATA hiding was written: a `<![CDATA[` inside an
    /// unclosed attribute value, and after a textarea (which libxml2 does not treat as raw text).
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
