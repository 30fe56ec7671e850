import Foundation
import PostLint
import PropertyBased
import Testing

/// The promise every output relies on: a diagnostic's line and columns (code points, end exclusive),
/// cut out of the file as saved, give exactly the flagged text. Checked here the way a SARIF consumer
/// does it, from lines and columns only, over generated documents in every format.
@Suite struct RegionExactnessTests {
    /// Builds a document from a list of choices: prose pieces, character references, emoji, markup,
    /// line ends, and opinion phrases (which personal-opinion must flag) in various spellings, each
    /// ending its sentence: the rule gives one finding per sentence, however many stance words it has.
    static func document(_ choices: [Int], format: DocumentFormat, lineEnd: String) -> (text: String, phrases: Int) {
        let words = ["Zoë", "café", "the", "children", "👩‍🏫", "ran", "O’Brien", "🧁🍰", "naïve", "Year", "3", "平和", "good"]
        var body = ""
        var phrases = 0
        for choice in choices {
            switch choice % 12 {
            case 0, 1, 2: body += words[choice / 12 % words.count] + " "
            case 3: body += format == .html ? "&amp; " : "& "
            case 4: body += format == .html ? "caf&eacute; &#8217;s " : "café ’s "
            case 5: body += lineEnd
            case 6:
                // personal-opinion reports one finding per sentence, so each phrase closes its own.
                body += ["I think ", "I" + lineEnd + "  think ", "in my opinion ", "IMO ", "I can’t stand "][choice / 12 % 5] + "well. "
                phrases += 1
            case 7: body += format == .html ? "<b>bold</b> " : format == .markdown ? "**bold** " : "bold "
            case 8: body += "🎉\t"
            case 9: body += (format == .html ? "I&nbsp;think " : "I think ") + "well. "
                phrases += 1
            case 10: body += "— "
            default: body += "well. "
            }
        }
        switch format {
        case .html:
            return ("<!DOCTYPE html>" + lineEnd + "<html><body>" + lineEnd + "<p>" + body + "</p>" + lineEnd + "</body></html>" + lineEnd, phrases)
        case .markdown:
            return ("# Title" + lineEnd + lineEnd + body + lineEnd, phrases)
        case .text, .docx:  // a Word draft's regions are in its text rendering (DocxReaderTests)
            return (body + lineEnd, phrases)
        }
    }

    /// Cuts a region out of text the way SARIF consumers do: lines split at LF (a CR before it is
    /// part of the line end), columns counted in code points.
    static func cut(_ text: String, _ region: SourceRegion) -> String? {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.unicodeScalars) }
        guard region.start.line >= 1, region.end.line <= lines.count else { return nil }
        let first = lines[region.start.line - 1]
        let last = lines[region.end.line - 1]
        guard region.start.column - 1 <= first.count, region.end.column - 1 <= last.count else { return nil }
        var scalars: [Unicode.Scalar]
        if region.start.line == region.end.line {
            guard region.start.column <= region.end.column else { return nil }
            scalars = Array(first[(region.start.column - 1)..<(region.end.column - 1)])
        } else {
            scalars = Array(first[(region.start.column - 1)...]) + ["\n"]
            for line in lines[region.start.line..<(region.end.line - 1)] { scalars += line + ["\n"] }
            scalars += last[..<(region.end.column - 1)]
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    @Test(arguments: [DocumentFormat.html, .markdown, .text], ["\n", "\r\n"])
    func everyRegionCutsOutItsSnippet(format: DocumentFormat, lineEnd: String) async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...10_000).array(of: 1...60)) { choices in
            let (text, phrases) = Self.document(choices, format: format, lineEnd: lineEnd)
            let report = Linter().lint(text: text, path: "generated", format: format)
            let opinions = report.diagnostics.filter { $0.ruleID == "personal-opinion" }
            #expect(opinions.count == phrases, "expected \(phrases) opinions in: \(text.debugDescription)")
            for diagnostic in report.diagnostics {
                #expect(Self.cut(text, diagnostic.region) == diagnostic.snippet,
                        "\(diagnostic.region) in \(text.debugDescription)")
            }
        }
    }
}
