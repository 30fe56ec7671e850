import Foundation
@testable import PostLint
@testable import PostLintReporters
import Testing

/// The byte writer behind `--format json` and SARIF results must print exactly what `JSONEncoder`
/// prints for the same `Codable` shapes, or the documented formats would drift from their types.
struct JSONWriterTests {
    /// A seeded generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Strings with what escaping must get right: every control, quotes, backslashes, slashes,
    /// non-ASCII letters, emoji, line separators, and the empty string.
    static func text(_ random: inout SplitMix) -> String {
        let pieces = ["", "a", "Jane Smith", "\"", "\\", "/", "\n", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "€",
                      "😀", "\u{2028}", "\u{FEFF}", "</script>", "§4.2 “Contact”", "\u{8}\u{C}", "07700 900123",
                      // Long runs with nothing to escape, so the eight-bytes-at-a-time scan meets escapes at every offset.
                      "Use the forename only, or no name at all", "abcdefg", "0123456789abcdef"]
        let count = Int.random(in: 0...10, using: &random)
        return (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func maybe<T>(_ value: T, _ random: inout SplitMix) -> T? { Bool.random(using: &random) ? value : nil }

    static func number(_ random: inout SplitMix) -> Int {
        [0, 1, 9, 10, 123, 99_999, Int.max, -1, Int.min + 1].randomElement(using: &random)!
    }

    static func file(_ random: inout SplitMix) -> JSONReport.File {
        let diagnostics = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            JSONReport.Diagnostic(
                ruleId: text(&random), level: text(&random), message: text(&random), line: number(&random),
                column: number(&random), endLine: number(&random), endColumn: number(&random),
                utf16Column: number(&random), utf16EndColumn: number(&random), offset: number(&random),
                length: number(&random), snippet: text(&random), suppressed: Bool.random(using: &random),
                fix: maybe(JSONReport.Fix(description: text(&random), edits: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                    JSONReport.Edit(offset: number(&random), length: number(&random), line: maybe(number(&random), &random),
                                    column: maybe(number(&random), &random), endLine: maybe(number(&random), &random),
                                    endColumn: maybe(number(&random), &random), replacement: text(&random))
                }), &random),
                title: maybe(text(&random), &random), policy: maybe(text(&random), &random), help: maybe(text(&random), &random),
                logicalLocation: maybe(text(&random), &random), baselineState: maybe(text(&random), &random))
        }
        let problems = (0..<Int.random(in: 0...2, using: &random)).map { _ in
            JSONReport.Problem(severity: text(&random), path: text(&random), message: text(&random),
                               line: maybe(number(&random), &random), column: maybe(number(&random), &random),
                               ruleId: maybe(text(&random), &random))
        }
        return JSONReport.File(path: text(&random), format: maybe(text(&random), &random),
                               encoding: maybe(text(&random), &random), diagnostics: diagnostics, problems: problems)
    }

    static func message(_ random: inout SplitMix) -> SARIFLog.Message {
        SARIFLog.Message(text: text(&random), markdown: maybe(text(&random), &random))
    }

    static func region(_ random: inout SplitMix) -> SARIFLog.Region {
        SARIFLog.Region(startLine: number(&random), startColumn: maybe(number(&random), &random),
                        endLine: maybe(number(&random), &random), endColumn: maybe(number(&random), &random),
                        snippet: maybe(message(&random), &random))
    }

    static func result(_ random: inout SplitMix) -> SARIFLog.Result {
        let artifact = SARIFLog.ArtifactLocation(uri: text(&random), uriBaseId: maybe(text(&random), &random))
        let location = SARIFLog.Location(
            physicalLocation: .init(artifactLocation: artifact, region: maybe(region(&random), &random)),
            logicalLocations: maybe([.init(name: text(&random), kind: text(&random))], &random))
        let fix = SARIFLog.Fix(description: message(&random), artifactChanges: [
            .init(artifactLocation: artifact, replacements: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                .init(deletedRegion: region(&random), insertedContent: message(&random))
            })])
        return SARIFLog.Result(
            ruleId: text(&random), ruleIndex: maybe(number(&random), &random), level: text(&random), message: message(&random),
            locations: Bool.random(using: &random) ? [location] : [], partialFingerprints: [PartialFingerprint.key: text(&random)],
            suppressions: maybe([.init(kind: text(&random))], &random), baselineState: maybe(text(&random), &random),
            properties: maybe(.init(policy: text(&random)), &random), fixes: maybe([fix], &random))
    }

    @Test(arguments: [0, 4])
    func aJSONFileIsWrittenAsTheEncoderWritesIt(indent: Int) {
        var random = SplitMix(state: 17)
        let encoder = JSONFragments.encoder()
        var writer = JSONWriter(indent: indent)
        for _ in 0..<500 {
            let value = Self.file(&random)
            writer.reset(indent: indent)
            value.write(to: &writer)
            let written = String(decoding: writer.bytes, as: UTF8.self)
            let encoded = JSONFragments.encode(value, indent: indent, encoder: encoder)
            #expect(written == encoded)
            if written != encoded { break }
        }
    }

    @Test func aSARIFResultIsWrittenAsTheEncoderWritesIt() {
        var random = SplitMix(state: 23)
        let encoder = JSONFragments.encoder()
        var writer = JSONWriter(indent: 8)
        for _ in 0..<500 {
            let value = Self.result(&random)
            writer.reset(indent: 8)
            value.write(to: &writer)
            let written = String(decoding: writer.bytes, as: UTF8.self)
            let encoded = JSONFragments.encode(value, indent: 8, encoder: encoder)
            #expect(written == encoded)
            if written != encoded { break }
        }
    }

    @Test func integersAtTheLimitsAndEmptyContainers() {
        var writer = JSONWriter()
        writer.openObject()
        writer.key("a")
        writer.openArray()
        writer.int(Int.min)
        writer.int(Int.max)
        writer.int(0)
        writer.closeArray()
        writer.key("b")
        writer.openArray()
        writer.closeArray()
        writer.closeObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self)
                == "{\n  \"a\" : [\n    -9223372036854775808,\n    9223372036854775807,\n    0\n  ],\n  \"b\" : [\n\n  ]\n}")
    }
}
