import PostLint
import Testing

/// An adversarial draft that once made PostLint super-linear (issue 19), built at any size.
struct GrowthCase: Sendable, CustomTestStringConvertible {
    let name: String
    let format: DocumentFormat
    let make: @Sendable (Int) -> String

    var testDescription: String { name }

    /// `unit` repeated to exactly `count` bytes (ASCII units only).
    static func repeated(_ unit: String, _ count: Int) -> String {
        String(String(repeating: unit, count: count / unit.utf8.count + 1).prefix(count))
    }

    static let all: [GrowthCase] = [
        GrowthCase(name: "one line of full names", format: .text) { repeated("Oliver Whitfield and ", $0) },
        GrowthCase(name: "one line of initials", format: .text) { repeated("Oliver W. ", $0) },
        GrowthCase(name: "one line of opinions", format: .text) { repeated("I think ", $0) },
        GrowthCase(name: "one line of phone numbers", format: .text) { repeated("Call 07700 900123. ", $0) },
        GrowthCase(name: "many short lines", format: .text) { repeated("I think Oliver Whitfield rang 07700 900123.\n", $0) },
        GrowthCase(name: "many links on one line", format: .html) { "<p>" + repeated("<a href=\"http://x.example/\">a</a> ", $0) },
        GrowthCase(name: "open anchors", format: .html) { "<p>" + repeated("<a href=\"http://x.example/\">", $0) },
        GrowthCase(name: "images with names in alt text", format: .html) {
            "<p>" + repeated("<img src=\"oliver-whitfield.jpg\" alt=\"Oliver Whitfield\">", $0)
        },
        GrowthCase(name: "minified HTML", format: .html) {
            "<p>" + repeated("<b>Oliver Whitfield</b> rang 07700 900123, I think. ", $0) + "</p>"
        },
        GrowthCase(name: "HTML disable-next-line before every finding", format: .html) {
            repeated("<!-- postlint-disable-next-line -->\n<p>I think so. 07700 900123</p>\n", $0)
        },
        GrowthCase(name: "Markdown run of <", format: .markdown) { repeated("<", $0) },
        GrowthCase(name: "Markdown run of <a", format: .markdown) { repeated("<a ", $0) },
        GrowthCase(name: "Markdown run of <!--", format: .markdown) { repeated("<!--", $0) },
        GrowthCase(name: "Markdown unclosed autolinks", format: .markdown) { repeated("<http://a ", $0) },
        GrowthCase(name: "Markdown emphasis openers then closers", format: .markdown) {
            String(repeating: "*", count: $0 / 4) + "a" + repeated(" b*", $0 - $0 / 4 - 1)
        },
        GrowthCase(name: "Markdown brackets before links", format: .markdown) {
            String(repeating: "[", count: 3 * ($0 / 8)) + repeated("[a](b)", $0 - 3 * ($0 / 8))
        },
        GrowthCase(name: "Markdown disable-next-line before every finding", format: .markdown) {
            repeated("<!-- postlint-disable-next-line -->\nI think so. Ring 07700 900123\n", $0)
        },
        // Pupil-name evidence that reads around a name: lower-case line starts with year groups, businesses,
        // compounds, credited titles, relatives and an endless one-line social post signed at its end.
        GrowthCase(name: "lower-case results lines", format: .text) { repeated("oliver whitfield – y6 100m\noliver w – y6\n", $0) },
        GrowthCase(name: "one line of names, businesses and compounds", format: .text) {
            repeated("Oliver's Pasty Shop Tea Rooms, Masjid-e-Oliver, Oliver's uncle, Oliver and her mum, ", $0)
        },
        GrowthCase(name: "one line of credited titles", format: .markdown) { repeated("*Oliver* by *Oliver* by Imogen ", $0) },
        GrowthCase(name: "one long signed line", format: .text) { repeated("Eid Mubarak – Mrs Iqbal, Headteacher, ", $0) },
        // Evidence read around a name this session: ranks among cadets, team sheets, glossed terms, stories.
        GrowthCase(name: "one line of cadets' ranks", format: .text) { repeated("Cpl Oliver, Cdt Whitfield, Sgt Imogen Quayle, ", $0) },
        GrowthCase(name: "one long team sheet", format: .text) { repeated("Whitfield; Quayle (capt), Oliver 3, ", $0) },
        GrowthCase(name: "glossed terms and stories", format: .text) { repeated("the story of Oliver and Imogen, Oliver (truth) and ", $0) },
        // Column headers carried to cells: tables nested in header cells, and very wide tables.
        GrowthCase(name: "HTML tables nested in header cells", format: .html) { repeated("<table><tr><th>Star of the Week Oliver ", $0) },
        GrowthCase(name: "HTML wide header row", format: .html) {
            "<table><tr>" + repeated("<th>Pupil</th>", $0 / 2) + "</tr><tr>" + repeated("<td>Oliver</td>", $0 / 2)
        },
        // The direct HTML scanner: many attributes in one tag, many comments and references, a long script.
        GrowthCase(name: "HTML tag with thousands of attributes", format: .html) {
            "<p " + (0..<($0 / 10)).map { "a\($0)=\"1\" " }.joined() + ">Oliver Whitfield</p>"
        },
        GrowthCase(name: "HTML tag with thousands of attributes, repaired by libxml2", format: .html) {
            "<p " + (0..<($0 / 10)).map { "a\($0)=\"1\" " }.joined() + ">Oliver Whitfield 1 < 2</p>"
        },
        GrowthCase(name: "HTML comments and references", format: .html) { "<p>" + repeated("<!-- x -->&amp;Oliver&#8217;s ", $0) + "</p>" },
        GrowthCase(name: "HTML long script", format: .html) { "<script>" + repeated("a < b </x ", $0) + "</script><p>Oliver Whitfield</p>" },
        GrowthCase(name: "Markdown wide table", format: .markdown) {
            repeated("| Pupil ", $0 / 3) + "|\n" + repeated("|---", $0 / 3) + "|\n" + repeated("| Oliver ", $0 / 3) + "|\n"
        },
    ]
}
