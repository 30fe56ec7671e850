/// A unified diff (`diff -u`, what `git apply` and `patch -p1` read) of what fixes would change in
/// one file, for `postlint check --fix --diff`.
///
/// It is built from the edits themselves rather than by comparing the two texts: fixes replace byte
/// ranges, so the changed lines are known exactly, and the diff takes time linear in the file even
/// when every line of a large draft has a fix (a general line diff would be quadratic there).
package enum UnifiedDiff {
    /// The lines around each change that the diff repeats, as `diff -u` does.
    package static let contextLines = 3

    /// The diff of `original` with `edits` applied (sorted and non-overlapping, as
    /// `FixApplier.chosenEdits` gives them), or "" when nothing changes. `path` is the file's path as
    /// shown; it is written as `a/PATH` and `b/PATH`.
    package static func render(original: [UInt8], edits: [Fix.Edit], path: String) -> String {
        let lines = LineTable(original)
        guard lines.count > 0 else { return "" }
        let changes = changedBlocks(original, lines: lines, edits: edits)
        guard !changes.isEmpty else { return "" }
        // As git does, a name with a space ends with a tab, so `patch` reads all of it.
        let end = path.contains(" ") ? "\t" : ""
        var output = "--- a/\(path)\(end)\n+++ b/\(path)\(end)\n"
        var delta = 0  // new line count minus old, before the hunk being written
        var index = 0
        while index < changes.count {
            // A hunk takes every following change whose context touches its own.
            var last = index
            while last + 1 < changes.count, changes[last + 1].first - changes[last].last - 1 <= 2 * contextLines { last += 1 }
            let start = max(0, changes[index].first - contextLines)
            let end = min(lines.count - 1, changes[last].last + contextLines)
            var body = ""
            var oldCount = 0, newCount = 0
            var line = start
            for change in changes[index...last] {
                while line < change.first {
                    body += lines.rendered(line, in: original, prefix: " ")
                    oldCount += 1; newCount += 1; line += 1
                }
                for old in change.first...change.last { body += lines.rendered(old, in: original, prefix: "-") }
                oldCount += change.last - change.first + 1
                body += change.newLines
                newCount += change.newLineCount
                line = change.last + 1
            }
            while line <= end {
                body += lines.rendered(line, in: original, prefix: " ")
                oldCount += 1; newCount += 1; line += 1
            }
            output += "@@ -\(range(start + 1, oldCount)) +\(range(start + 1 + delta, newCount)) @@\n" + body
            for change in changes[index...last] { delta += change.newLineCount - (change.last - change.first + 1) }
            index = last + 1
        }
        return output
    }

    /// `start,count`, with diff's conventions: a count of 1 is left out, and an empty side names the
    /// line before it.
    static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    /// A run of old lines (`first...last`, 0-based) that the edits change, and what replaces them.
    struct Change {
        var first: Int
        var last: Int
        var newLines: String
        var newLineCount: Int
    }

    /// The edits grouped by the lines they touch: edits on one line, or on lines an edit spans,
    /// make one change.
    static func changedBlocks(_ original: [UInt8], lines: LineTable, edits: [Fix.Edit]) -> [Change] {
        var groups: [(first: Int, last: Int, edits: [Fix.Edit])] = []
        for edit in edits {
            let lower = min(edit.range.lowerBound, original.count)
            let upper = min(max(edit.range.upperBound, lower), original.count)
            let first = lines.line(containing: lower)
            let last = upper > lower ? lines.line(containing: upper - 1) : first
            if let previous = groups.last, first <= previous.last {
                groups[groups.count - 1].last = max(previous.last, last)
                groups[groups.count - 1].edits.append(edit)
            } else {
                groups.append((first, last, [edit]))
            }
        }
        var changes: [Change] = []
        var index = 0
        while index < groups.count {
            var (first, last, groupEdits) = groups[index]
            index += 1
            var text: [UInt8]
            var end: Int
            let start = lines.start(of: first)
            while true {
                end = lines.end(of: last)
                text = Array(original[start..<end])
                for edit in groupEdits.reversed() {
                    let lower = min(edit.range.lowerBound, original.count) - start
                    let upper = min(max(edit.range.upperBound, edit.range.lowerBound), original.count) - start
                    text.replaceSubrange(lower..<upper, with: Array(edit.replacement.utf8))
                }
                // A fix that removed a line break joins the next line, and that line's own edits.
                guard end < original.count, text.last != 0x0A else { break }
                last += 1
                while index < groups.count, groups[index].first <= last {
                    last = max(last, groups[index].last)
                    groupEdits += groups[index].edits
                    index += 1
                }
            }
            guard text != Array(original[start..<end]) else { continue }
            let newTable = LineTable(text)
            var rendered = ""
            for line in 0..<newTable.count { rendered += newTable.rendered(line, in: text, prefix: "+") }
            changes.append(Change(first: first, last: last, newLines: rendered, newLineCount: newTable.count))
        }
        return changes
    }

    /// Where each line of a text starts. A text that ends without a line break still has that last
    /// line; an empty text has none.
    struct LineTable {
        private var starts: [Int] = []
        private let length: Int

        init(_ bytes: [UInt8]) {
            length = bytes.count
            var position = 0
            while position < bytes.count {
                starts.append(position)
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
                position += 1
            }
        }

        var count: Int { starts.count }

        func start(of line: Int) -> Int { line < starts.count ? starts[line] : length }

        func end(of line: Int) -> Int { line + 1 < starts.count ? starts[line + 1] : length }

        /// The line holding byte `offset`; an offset at the very end belongs to the last line.
        func line(containing offset: Int) -> Int {
            var low = 0, high = starts.count - 1
            guard high >= 0 else { return 0 }
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// The line with its diff prefix, ending in a line break; a line without one can only be
        /// the file's last, and is followed by diff's marker for that.
        func rendered(_ line: Int, in bytes: [UInt8], prefix: String) -> String {
            let text = String(decoding: bytes[start(of: line)..<end(of: line)], as: UTF8.self)
            if text.hasSuffix("\n") { return prefix + text }
            return prefix + text + "\n\\ No newline at end of file\n"
        }
    }
}
