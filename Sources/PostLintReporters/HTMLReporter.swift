import PostLint

/// `--format html`: one self-contained page for the person who signs posts off, not a developer.
///
/// Totals per rule with a small bar chart come first, then every draft that needs changes with each
/// finding in context (its line or sentence, the flagged words marked), the message, how to fix it
/// and the policy clause; clean drafts are listed compactly at the end. The page has inline CSS and
/// inline SVG only: no scripts, fonts, images or network. Everything from a draft is escaped.
///
/// Drafts are streamed into a temporary spool as they arrive, because the totals that head the page
/// are known only at the end; memory stays flat however many drafts a batch holds.
public struct HTMLReporter: Reporter {
    public init() {}

    public func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(sink: sink)
    }

    final class Stream: ReportStream {
        let sink: any ReportSink
        var facts = RunFacts(rules: [], workingDirectory: "/")
        var rules: [String: CheckDescriptor] = [:]
        var drafts: Spool?
        var clean: Spool?
        var draftCount = 0

        init(sink: any ReportSink) {
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws {
            facts = run
            rules = run.ruleLookup()
            drafts = try Spool()
            clean = try Spool()
        }

        func file(_ file: FileReport) throws {
            let shown = file.diagnostics.filter { $0.isOutstanding && $0.level != .off }
            if shown.isEmpty && file.problems.isEmpty {
                try clean?.write("<li>\(HTMLReporter.escape(file.path))</li>\n")
                return
            }
            draftCount += 1
            try drafts?.write(HTMLReporter.article(file, shown: shown, rules: rules, number: draftCount))
        }

        func end(_ summary: RunSummary) throws {
            try sink.write(HTMLReporter.head(facts, summary: summary))
            try sink.write(HTMLReporter.totals(summary, rules: rules))
            try sink.write("<section aria-labelledby=\"drafts\">\n<h2 id=\"drafts\">Drafts that need changes (\(draftCount))</h2>\n")
            if draftCount == 0 { try sink.write("<p>None: every draft passed.</p>\n") }
            try drafts?.copy(to: sink)
            try sink.write("</section>\n")
            try sink.write("<section aria-labelledby=\"clean\">\n<h2 id=\"clean\">Clean drafts (\(summary.cleanFiles))</h2>\n")
            if summary.cleanFiles > 0 {
                try sink.write("<ul class=\"clean\">\n")
                try clean?.copy(to: sink)
                try sink.write("</ul>\n")
            } else {
                try sink.write("<p>None.</p>\n")
            }
            try sink.write("</section>\n</main>\n<footer><p>Made by \(PostLintInfo.name) \(HTMLReporter.escape(PostLintInfo.version)). "
                           + "Suppressed findings are not shown; they are counted above.</p></footer>\n</body>\n</html>\n")
            drafts = nil
            clean = nil
        }
    }

    // MARK: Page parts

    static func head(_ facts: RunFacts, summary: RunSummary) -> String {
        let folder = facts.roots.isEmpty ? "." : facts.roots.joined(separator: ", ")
        var meta = "<p class=\"meta\">Checked: <strong>\(escape(folder))</strong>"
        if let date = facts.startedAt { meta += " · Run: <time>\(escape(date))</time>" }
        if let elapsed = summary.elapsed { meta += " · Took \(escape(ProgressLine.duration(elapsed)))" }
        meta += "</p>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Post check report: \(escape(folder))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <header>
            <h1>Post check report</h1>
            \(meta)
            </header>
            <main>

            """
    }

    static func totals(_ summary: RunSummary, rules: [String: CheckDescriptor]) -> String {
        let counts = summary.counts
        var html = "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n"
        html += "<p class=\"verdict\">\(counts.files) draft\(counts.files == 1 ? "" : "s") checked: "
            + "<strong>\(summary.filesWithFindings) need\(summary.filesWithFindings == 1 ? "s" : "") changes</strong>, "
            + "\(summary.cleanFiles) clean"
            + (summary.filesWithProblems > 0 ? ", \(summary.filesWithProblems) with problems (unreadable, or a check did not run)" : "") + ".</p>\n"
        html += "<ul class=\"levels\">\n"
        for level in [Level.error, .warning, .note] {
            let value = level == .error ? counts.errors : level == .warning ? counts.warnings : counts.notes
            html += "<li class=\"\(level.rawValue)\">\(badge(level)) <span class=\"count\">\(value)</span></li>\n"
        }
        html += "</ul>\n"
        if counts.suppressed > 0 {
            html += "<p class=\"small\">\(counts.suppressed) finding\(counts.suppressed == 1 ? " was" : "s were") suppressed in the drafts and \(counts.suppressed == 1 ? "is" : "are") not shown.</p>\n"
        }
        if counts.baseline > 0 {
            html += "<p class=\"small\">\(counts.baseline) finding\(counts.baseline == 1 ? " was" : "s were") already known (recorded in the baseline) and \(counts.baseline == 1 ? "is" : "are") not shown.</p>\n"
        }
        let perRule = summary.rulesByCount
        if !perRule.isEmpty {
            let largest = max(1, perRule.map(\.count.total).max() ?? 1)
            html += """
                <table class="rules">
                <caption>Findings per rule</caption>
                <thead><tr><th scope="col">Rule</th><th scope="col" class="chart">Chart</th><th scope="col">Must fix</th><th scope="col">Should fix</th><th scope="col">Consider</th><th scope="col">Total</th></tr></thead>
                <tbody>

                """
            for (id, count) in perRule {
                let title = rules[id]?.title ?? id
                html += "<tr><th scope=\"row\">\(escape(title)) <code>\(escape(id))</code></th>"
                html += "<td class=\"chart\">\(bar(count, largest: largest))</td>"
                html += "<td>\(count.errors)</td><td>\(count.warnings)</td><td>\(count.notes)</td><td>\(count.total)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !summary.worstFiles.isEmpty {
            html += "<h3>Drafts with the most findings</h3>\n<ol class=\"worst\">\n"
            for file in summary.worstFiles {
                html += "<li>\(escape(file.path)): \(escape(TextReporter.levels(file.counts)))</li>\n"
            }
            html += "</ol>\n"
        }
        if counts.problemErrors + counts.problemWarnings > 0 {
            html += "<p>\(counts.problemErrors + counts.problemWarnings) problem(s) reading drafts or running checks; they are listed with the drafts below.</p>\n"
        }
        return html + "</section>\n"
    }

    /// A horizontal bar, one segment per level; the numbers beside it carry the same information.
    static func bar(_ count: RunSummary.RuleCount, largest: Int) -> String {
        let width = 200.0
        var svg = "<svg class=\"bar\" width=\"200\" height=\"14\" viewBox=\"0 0 200 14\" role=\"img\" aria-label=\"\(count.total) findings\">"
        var x = 0.0
        for (value, colour) in [(count.errors, "#a4000f"), (count.warnings, "#b36200"), (count.notes, "#0b5394")] where value > 0 {
            let length = width * Double(value) / Double(largest)
            svg += "<rect x=\"\(format(x))\" y=\"0\" width=\"\(format(length))\" height=\"14\" fill=\"\(colour)\"/>"
            x += length
        }
        return svg + "</svg>"
    }

    static func format(_ value: Double) -> String {
        String(Double((value * 10).rounded()) / 10)
    }

    static func article(_ file: FileReport, shown: [Diagnostic], rules: [String: CheckDescriptor], number: Int) -> String {
        var counts = RunSummary.RuleCount()
        for diagnostic in shown {
            switch diagnostic.level {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            default: counts.notes += 1
            }
        }
        var html = "<article class=\"draft\" aria-labelledby=\"draft-\(number)\">\n"
        html += "<h3 id=\"draft-\(number)\">\(escape(file.path))</h3>\n"
        if !shown.isEmpty { html += "<p class=\"small\">\(escape(TextReporter.levels(counts)))</p>\n" }
        for problem in file.problems {
            let level: Level = problem.severity == .error ? .error : .warning
            var place = ""
            if let position = problem.position { place = "<span class=\"where\">Line \(position.line)</span> " }
            // A check that could not run is not a reading problem: its message says what was NOT checked.
            let lead = problem.ruleID == nil ? "Could not read this draft fully: " : ""
            html += "<div class=\"finding \(level.rawValue)\"><p class=\"head\">\(badge(level)) \(place)"
                + "\(lead)\(escape(problem.message))</p></div>\n"
        }
        if !shown.isEmpty { html += "<ol class=\"findings\">\n" }
        for diagnostic in shown {
            html += finding(diagnostic, in: file, rule: rules[diagnostic.ruleID])
        }
        if !shown.isEmpty { html += "</ol>\n" }
        return html + "</article>\n"
    }

    static func finding(_ diagnostic: Diagnostic, in file: FileReport, rule: CheckDescriptor?) -> String {
        let start = diagnostic.region.start
        let place = diagnostic.logicalLocation.map { label($0) } ?? "Line \(start.line)"
        var html = "<li class=\"finding \(diagnostic.level.rawValue)\">\n"
        html += "<p class=\"head\">\(badge(diagnostic.level)) <span class=\"where\">\(escape(place))</span> "
            + "<span class=\"message\">\(escape(diagnostic.message))</span></p>\n"
        if let source = file.source, start.line >= 1, start.line <= source.lines.lineCount {
            // A region over a few lines (a phrase wrapped in the source) is shown as one line.
            let region = diagnostic.region
            let lastLine = min(region.end.line, start.line + 2, source.lines.lineCount)
            let lineRange = source.lines.lineRange(start.line - 1)
            let begin = min(max(region.byteRange.lowerBound, lineRange.lowerBound), lineRange.upperBound)
            let pieces: [Range<Int>]
            if lastLine == start.line, lineRange.count > 16 * contextLimit {
                // A long line (minified HTML): only a window around the span, wide enough for the
                // context shown, is decoded, so each finding costs the same however long the line.
                let margin = 4 * contextLimit + 8
                let bytes = source.utf8
                let finish = region.end.line == start.line
                    ? min(max(region.byteRange.upperBound, begin), lineRange.upperBound) : lineRange.upperBound
                var from = max(lineRange.lowerBound, begin - margin)
                while from < begin, bytes[from] & 0xC0 == 0x80 { from += 1 }
                var to = min(lineRange.upperBound, finish + margin)
                while to > finish, to < lineRange.upperBound, bytes[to] & 0xC0 == 0x80 { to -= 1 }
                pieces = [from..<to]
            } else {
                pieces = (start.line...lastLine).map { source.lines.lineRange($0 - 1) }
            }
            // Each piece as shown (redacted spans as their placeholder), joined by spaces; the span's
            // ends as columns of the joined line. It is marked to the end when it goes on further.
            var line = ""
            var startColumn = 1
            var endColumn: Int?
            for (index, piece) in pieces.enumerated() {
                if index > 0 { line += " " }
                let offset = line.unicodeScalars.count
                let shown = RedactedText(source: source, range: piece, redactions: file.redactions)
                if index == 0 { startColumn = shown.column(of: begin, isEnd: false) }
                if endColumn == nil, region.byteRange.upperBound <= piece.upperBound {
                    endColumn = offset + shown.column(of: region.byteRange.upperBound, isEnd: true)
                }
                line += shown.text
            }
            var (before, marked, after) = context(line: line, startColumn: startColumn, endColumn: endColumn)
            if file.format == .html { (before, marked, after) = MarkupContext.prose(before, marked, after) }
            before = collapsed(before)
            marked = collapsed(marked)
            after = collapsed(after)
            while before.first?.isWhitespace == true { before.removeFirst() }
            while after.last?.isWhitespace == true { after.removeLast() }
            let shownMark = marked.allSatisfy(\.isWhitespace) ? "" : "<mark>\(escape(marked))</mark>"
            if !(before + after).allSatisfy(\.isWhitespace) || !shownMark.isEmpty {
                html += "<blockquote class=\"context\"><p>\(escape(before))\(shownMark)\(escape(after))</p></blockquote>\n"
            }
        } else if !diagnostic.snippet.isEmpty {
            html += "<blockquote class=\"context\"><p><mark>\(escape(diagnostic.snippet))</mark></p></blockquote>\n"
        }
        if let rule {
            html += "<p><strong>How to fix:</strong> \(escape(rule.help(for: file.format)))</p>\n"
        }
        if let fix = diagnostic.fix {
            html += "<p><strong>Suggested change:</strong> \(escape(fix.description))</p>\n"
        }
        if let rule {
            let policy = diagnostic.policy ?? rule.policy
            html += "<p class=\"policy\"><strong>Policy §\(escape(policy.section)) \(escape(policy.heading)):</strong> "
                + "\u{201C}\(escape(policy.text))\u{201D} <span class=\"rule\">(rule <code>\(escape(rule.id))</code>)</span></p>\n"
        } else {
            html += "<p class=\"policy\"><span class=\"rule\">(rule <code>\(escape(diagnostic.ruleID))</code>)</span></p>\n"
        }
        return html + "</li>\n"
    }

    /// Runs of spaces and tabs (source indentation, wrapped lines) as one space.
    static func collapsed(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character == " " || character == "\t"
            if isSpace && lastWasSpace { continue }
            result.append(isSpace ? " " : character)
            lastWasSpace = isSpace
        }
        return result
    }

    /// "paragraph 12" → "Paragraph 12".
    static func label(_ location: String) -> String {
        location.prefix(1).uppercased() + location.dropFirst()
    }

    /// A level as a person reads it: an icon and words, never colour alone.
    static func badge(_ level: Level) -> String {
        switch level {
        case .error: "<span class=\"badge error\"><span aria-hidden=\"true\">\u{2716}</span> Must fix</span>"
        case .warning: "<span class=\"badge warning\"><span aria-hidden=\"true\">\u{25B2}</span> Should fix</span>"
        case .note, .off: "<span class=\"badge note\"><span aria-hidden=\"true\">\u{25CF}</span> Consider</span>"
        }
    }

    static let contextLimit = 160

    /// The flagged words with their sentence around them: the text before the span back to the start
    /// of its sentence and after it to the sentence's end, each cut to about `contextLimit`
    /// characters at a space. Columns count code points, 1-based; a nil end marks to the line's end.
    static func context(line: String, startColumn: Int, endColumn: Int?) -> (String, String, String) {
        let scalars = Array(line.unicodeScalars)
        let start = min(max(0, startColumn - 1), scalars.count)
        let end = min(max(start, (endColumn ?? scalars.count + 1) - 1), scalars.count)
        var from = start
        while from > 0 {
            let previous = scalars[from - 1]
            if from >= 2, previous == " ", ".!?".unicodeScalars.contains(scalars[from - 2]) { break }
            from -= 1
        }
        var to = end
        while to < scalars.count {
            let character = scalars[to]
            to += 1
            if ".!?".unicodeScalars.contains(character), to == scalars.count || scalars[to] == " " { break }
        }
        var before = String(String.UnicodeScalarView(scalars[from..<start]))
        var after = String(String.UnicodeScalarView(scalars[end..<to]))
        if before.count > contextLimit {
            var cut = String(before.suffix(contextLimit))
            if let space = cut.firstIndex(of: " ") { cut = String(cut[cut.index(after: space)...]) }
            before = "\u{2026}" + cut
        }
        if after.count > contextLimit {
            var cut = String(after.prefix(contextLimit))
            if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
            after = cut + "\u{2026}"
        }
        return (before, String(String.UnicodeScalarView(scalars[start..<end])), after)
    }

    /// Escapes text for an element or a quoted attribute; control characters become U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(SourceExcerpt.isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    static let css = """
        :root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.8rem; margin: 0.5rem 0 0.25rem; }
        h2 { font-size: 1.4rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; overflow-wrap: anywhere; }
        .meta, .small { color: #444; }
        .small { font-size: 0.9rem; margin: 0 0 0.5rem; }
        .verdict { font-size: 1.15rem; }
        ul.levels { list-style: none; display: flex; gap: 1rem; padding: 0; flex-wrap: wrap; }
        ul.levels li { border: 2px solid currentColor; border-radius: 6px; padding: 0.3rem 0.8rem; }
        ul.levels .count { font-weight: bold; font-size: 1.2rem; color: #1a1a1a; }
        .badge { font-weight: bold; white-space: nowrap; }
        .error { color: #a4000f; }
        .warning { color: #8a4b00; }
        .note { color: #0b5394; }
        table.rules { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        table.rules caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
        table.rules th, table.rules td { border-bottom: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: right; vertical-align: middle; }
        table.rules th[scope=row], table.rules thead th:first-child { text-align: left; font-weight: normal; }
        table.rules td.chart, table.rules th.chart { text-align: left; width: 210px; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; color: #333; }
        article.draft { border-top: 1px solid #bbb; padding-top: 0.25rem; }
        ol.findings { padding-left: 1.5rem; }
        .finding { margin: 0.75rem 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
        .finding p { margin: 0.25rem 0; color: #1a1a1a; }
        .finding .head .message { font-weight: 600; }
        .where { color: #444; }
        .where::after { content: " \\2014"; }
        blockquote.context { margin: 0.4rem 0; padding: 0.4rem 0.8rem; border-left: 4px solid #888; background: #f6f6f6; overflow-wrap: anywhere; }
        mark { background: #ffe066; color: #000; padding: 0 0.1em; border-bottom: 2px solid #000; }
        .policy { font-size: 0.92rem; color: #333; }
        ul.clean { columns: 2 18rem; font-size: 0.92rem; overflow-wrap: anywhere; }
        footer { margin-top: 3rem; color: #444; font-size: 0.85rem; }
        @media print {
          :root { font-size: 11pt; }
          body { max-width: none; padding: 0; }
          blockquote.context { background: none; border-left: 2px solid #000; }
          mark { background: none; font-weight: bold; text-decoration: underline; border-bottom: none; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; }
        }
        """
}
