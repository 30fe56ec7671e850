import PostLint

/// `--format html`: one self-contained page for the person who signs posts off, not a developer.
///
/// It opens with what to do: the counts by severity, the drafts that must be fixed before
/// publishing (a link to each), then the drafts with warnings to review, then findings per rule,
/// must-fix rules first. The drafts follow in the same order, each with its findings, errors
/// first, in context (its line or sentence, the flagged words marked), the message, how to fix it
/// and the policy clause; a long draft's findings are folded in a `<details>` that opens on a
/// click and always prints in full. Clean drafts are one compact list at the end. The page has
/// inline CSS and inline SVG only: no scripts, fonts, images or network (its own
/// Content-Security-Policy says so). Everything from a draft is escaped.
///
/// Drafts are streamed into temporary spools as they arrive, because the totals and lists that
/// head the page are known only at the end; memory stays flat however many drafts a batch holds.
public struct HTMLReporter: Reporter {
    public init() {}

    /// A draft with more findings than this has them folded (`<details>`), so 30 drafts do not
    /// make a page thousands of pixels long; the summary line says what is inside.
    public static let longDraftFindings = 5

    public func stream(to sink: any ReportSink) -> any ReportStream {
        Stream(sink: sink)
    }

    final class Stream: ReportStream {
        let sink: any ReportSink
        var facts = RunFacts(rules: [], workingDirectory: "/")
        var rules: [String: CheckDescriptor] = [:]
        /// Drafts with a must-fix finding (or a problem that blocks), and their lines in the summary.
        var fixDrafts: Spool?
        var fixList: Spool?
        /// Drafts with only warnings, notes or reading warnings to review.
        var reviewDrafts: Spool?
        var reviewList: Spool?
        var clean: Spool?
        var draftCount = 0
        var fixCount = 0
        var reviewCount = 0

        init(sink: any ReportSink) {
            self.sink = sink
        }

        func begin(_ run: RunFacts) throws {
            facts = run
            rules = run.ruleLookup()
            fixDrafts = try Spool()
            fixList = try Spool()
            reviewDrafts = try Spool()
            reviewList = try Spool()
            clean = try Spool()
        }

        func file(_ file: FileReport) throws {
            let shown = HTMLReporter.errorsFirst(file.diagnostics.filter { $0.isOutstanding && $0.level != .off })
            if shown.isEmpty && file.problems.isEmpty {
                try clean?.write("<li>\(HTMLReporter.escape(file.path))</li>\n")
                return
            }
            draftCount += 1
            let counts = HTMLReporter.counts(shown)
            let blocks = counts.errors > 0 || file.problems.contains { $0.severity == .error }
            let line = "<li><a href=\"#draft-\(draftCount)\">\(HTMLReporter.escape(file.path))</a> "
                + "<span class=\"small\">\(HTMLReporter.escape(HTMLReporter.levelWords(counts, problems: file.problems.count)))</span></li>\n"
            let article = HTMLReporter.article(file, shown: shown, rules: rules, number: draftCount)
            if blocks {
                fixCount += 1
                try fixList?.write(line)
                try fixDrafts?.write(article)
            } else {
                reviewCount += 1
                try reviewList?.write(line)
                try reviewDrafts?.write(article)
            }
        }

        func end(_ summary: RunSummary) throws {
            try sink.write(HTMLReporter.head(facts, summary: summary))
            try sink.write(HTMLReporter.verdict(summary, fix: fixCount, review: reviewCount))
            try sink.write("<h3 id=\"fix-list\">Fix before publishing (\(fixCount))</h3>\n")
            if fixCount == 0 {
                try sink.write("<p>None: no draft has anything that must be fixed.</p>\n")
            } else {
                try sink.write("<ol class=\"drafts fix\">\n")
                try fixList?.copy(to: sink)
                try sink.write("</ol>\n")
            }
            try sink.write("<h3 id=\"review-list\">Warnings to review (\(reviewCount))</h3>\n")
            if reviewCount == 0 {
                try sink.write("<p>None.</p>\n")
            } else {
                try sink.write("<p class=\"small\">These drafts may be published once someone has looked at each warning.</p>\n<ol class=\"drafts review\">\n")
                try reviewList?.copy(to: sink)
                try sink.write("</ol>\n")
            }
            if summary.cleanFiles > 0 {
                try sink.write("<p><a href=\"#clean\">\(summary.cleanFiles) clean draft\(summary.cleanFiles == 1 ? "" : "s")</a> "
                               + "\(summary.cleanFiles == 1 ? "is" : "are") listed at the end.</p>\n")
            }
            try sink.write(HTMLReporter.totals(summary, rules: rules))
            try sink.write("<section aria-labelledby=\"fix\">\n<h2 id=\"fix\">Must fix before publishing (\(fixCount))</h2>\n")
            if fixCount == 0 { try sink.write("<p>None.</p>\n") }
            try fixDrafts?.copy(to: sink)
            try sink.write("</section>\n")
            try sink.write("<section aria-labelledby=\"review\">\n<h2 id=\"review\">Warnings to review (\(reviewCount))</h2>\n")
            if reviewCount == 0 { try sink.write("<p>None.</p>\n") }
            try reviewDrafts?.copy(to: sink)
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
            fixDrafts = nil
            fixList = nil
            reviewDrafts = nil
            reviewList = nil
            clean = nil
        }
    }

    /// Must fix, then should fix, then consider; the draft's order within each.
    static func errorsFirst(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        func rank(_ level: Level) -> Int {
            switch level {
            case .error: 0
            case .warning: 1
            case .note, .off: 2
            }
        }
        return diagnostics.enumerated()
            .sorted { (rank($0.element.level), $0.offset) < (rank($1.element.level), $1.offset) }
            .map(\.element)
    }

    static func counts(_ shown: [Diagnostic]) -> RunSummary.RuleCount {
        var counts = RunSummary.RuleCount()
        for diagnostic in shown {
            switch diagnostic.level {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            default: counts.notes += 1
            }
        }
        return counts
    }

    /// "2 must fix, 1 should fix, 1 to consider, 1 problem reading it", in the report's own words.
    static func levelWords(_ counts: RunSummary.RuleCount, problems: Int = 0) -> String {
        var parts = [(counts.errors, "must fix"), (counts.warnings, "should fix"), (counts.notes, "to consider")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if problems > 0 { parts.append("\(problems) problem\(problems == 1 ? "" : "s") reading it") }
        return parts.joined(separator: ", ")
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
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
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

    /// The top of the summary: the verdict in a sentence and the counts by severity.
    static func verdict(_ summary: RunSummary, fix: Int, review: Int) -> String {
        let counts = summary.counts
        var html = "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Before you publish</h2>\n"
        var parts: [String] = []
        if fix > 0 {
            parts.append("<strong>\(fix) must be fixed before publishing</strong>")
        } else if counts.files > 0 {
            parts.append("<strong>nothing must be fixed</strong>")
        }
        if review > 0 { parts.append("\(review) \(review == 1 ? "has" : "have") warnings to review") }
        if summary.cleanFiles > 0 { parts.append("\(summary.cleanFiles) \(summary.cleanFiles == 1 ? "is" : "are") clean") }
        html += "<p class=\"verdict\">\(counts.files) draft\(counts.files == 1 ? "" : "s") checked: \(parts.joined(separator: ", "))"
            + (summary.filesWithProblems > 0 ? "; \(summary.filesWithProblems) with problems (unreadable, or a check did not run)" : "") + ".</p>\n"
        html += "<ul class=\"levels\" aria-label=\"Findings by severity\">\n"
        for level in [Level.error, .warning, .note] {
            let value = level == .error ? counts.errors : level == .warning ? counts.warnings : counts.notes
            html += "<li class=\"\(level.rawValue)\">\(badge(level)) <span class=\"count\">\(value)</span></li>\n"
        }
        html += "</ul>\n"
        if counts.problemErrors + counts.problemWarnings > 0 {
            html += "<p>\(counts.problemErrors + counts.problemWarnings) problem(s) reading drafts or running checks; they are listed with the drafts below.</p>\n"
        }
        return html
    }

    /// The rest of the summary: what was left out, and findings per rule, must-fix rules first.
    static func totals(_ summary: RunSummary, rules: [String: CheckDescriptor]) -> String {
        let counts = summary.counts
        var html = ""
        if counts.suppressed > 0 {
            html += "<p class=\"small\">\(counts.suppressed) finding\(counts.suppressed == 1 ? " was" : "s were") suppressed in the drafts and \(counts.suppressed == 1 ? "is" : "are") not shown.</p>\n"
        }
        if counts.baseline > 0 {
            html += "<p class=\"small\">\(counts.baseline) finding\(counts.baseline == 1 ? " was" : "s were") already known (recorded in the baseline) and \(counts.baseline == 1 ? "is" : "are") not shown.</p>\n"
        }
        let perRule = bySeverity(summary.perRule)
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
        return html + "</section>\n"
    }

    /// Rules with must-fix findings first (most first), then should-fix, then consider; ties by ID.
    static func bySeverity(_ perRule: [String: RunSummary.RuleCount]) -> [(id: String, count: RunSummary.RuleCount)] {
        perRule.map { ($0.key, $0.value) }.sorted {
            ($1.count.errors, $1.count.warnings, $1.count.notes, $0.id) < ($0.count.errors, $0.count.warnings, $0.count.notes, $1.id)
        }
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

    /// One draft: its reading problems, then its findings, errors first (the caller sorts them);
    /// more than `longDraftFindings` findings are folded under a summary that counts them.
    static func article(_ file: FileReport, shown: [Diagnostic], rules: [String: CheckDescriptor], number: Int) -> String {
        let counts = counts(shown)
        var html = "<article class=\"draft\" aria-labelledby=\"draft-\(number)\">\n"
        html += "<h3 id=\"draft-\(number)\">\(escape(file.path))</h3>\n"
        if !shown.isEmpty { html += "<p class=\"small\">\(escape(levelWords(counts)))</p>\n" }
        for problem in file.problems {
            let level: Level = problem.severity == .error ? .error : .warning
            var place = ""
            if let position = problem.position { place = "<span class=\"where\">Line \(position.line)</span> " }
            // A check that could not run is not a reading problem: its message says what was NOT checked.
            let lead = problem.ruleID == nil ? "Could not read this draft fully: " : ""
            html += "<div class=\"finding \(level.rawValue)\"><p class=\"head\">\(badge(level)) \(place)"
                + "\(lead)\(escape(problem.message))</p></div>\n"
        }
        guard !shown.isEmpty else { return html + "<p class=\"back\"><a href=\"#summary\">Back to the summary</a></p>\n</article>\n" }
        let folded = shown.count > longDraftFindings
        if folded {
            html += "<details class=\"long\">\n<summary>Show all \(shown.count) findings (\(escape(levelWords(counts))))</summary>\n"
        }
        html += "<ol class=\"findings\">\n"
        for diagnostic in shown {
            html += finding(diagnostic, in: file, rule: rules[diagnostic.ruleID])
        }
        html += "</ol>\n"
        if folded { html += "</details>\n" }
        return html + "<p class=\"back\"><a href=\"#summary\">Back to the summary</a></p>\n</article>\n"
    }

    /// Rule help quotes settings and commands in backticks: those parts as code, each part escaped.
    static func withCode(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return escape(text) }
        var html = ""
        for (index, part) in parts.enumerated() {
            // An unpaired last backtick stays a backtick.
            if index % 2 == 1, index == parts.count - 1 {
                html += "`" + escape(String(part))
            } else {
                html += index % 2 == 1 ? "<code>\(escape(String(part)))</code>" : escape(String(part))
            }
        }
        return html
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
            html += "<p><strong>How to fix:</strong> \(withCode(rule.help(for: file.format)))</p>\n"
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
        a { color: #0b4f8a; }
        ol.drafts { padding-left: 1.75rem; }
        ol.drafts li { margin: 0.2rem 0; overflow-wrap: anywhere; }
        ol.drafts.fix a { font-weight: 600; }
        details.long > summary { cursor: pointer; font-weight: 600; color: #0b4f8a; padding: 0.3rem 0; }
        .back { font-size: 0.85rem; margin: 0.25rem 0 1rem; }
        ul.clean { list-style: none; padding: 0; font-size: 0.92rem; overflow-wrap: anywhere; }
        ul.clean li { display: inline; }
        ul.clean li + li::before { content: " \\00B7  "; }
        footer { margin-top: 3rem; color: #444; font-size: 0.85rem; }
        @media print {
          :root { font-size: 11pt; }
          body { max-width: none; padding: 0; }
          blockquote.context { background: none; border-left: 2px solid #000; }
          mark { background: none; font-weight: bold; text-decoration: underline; border-bottom: none; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          .back, details.long > summary { display: none; }
        }
        @media print {
          details.long::details-content { content-visibility: visible; display: block; }
        }
        """
}
