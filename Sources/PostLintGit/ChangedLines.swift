import Foundation
import PostLint

/// The lines a change touched, file by file, from git: what `check --changed-since REF` and the
/// pre-commit hook keep findings on, so a school adopting PostLint on an existing site is told about
/// what it is changing now, not about every old post.
///
/// A text file's changed lines are the new side of `git diff -U0`; a file git sees as binary (a Word
/// draft) or that is not tracked yet counts as changed throughout. A finding about the draft as a
/// whole (no logo, no byline) is kept whenever its file changed at all.
public struct ChangedLines: Sendable {
    public enum FileChange: Sendable, Equatable {
        /// Changed throughout: new, untracked, or binary.
        case whole
        /// These 1-based line ranges of the new version, in order.
        case lines([ClosedRange<Int>])
    }

    /// By absolute path (the working tree's top folder joined with git's path).
    public private(set) var files: [String: FileChange] = [:]
    /// The working tree's top folder.
    public let topLevel: String

    init(topLevel: String) {
        self.topLevel = topLevel
    }

    /// Work-tree changes since `reference`, staged or not, and untracked files (not ignored ones),
    /// in the repository around `directory`. Before the first commit, `HEAD` means the empty tree.
    public static func since(_ reference: String, in directory: String) throws -> ChangedLines {
        let top = try StagedDrafts.topLevel(from: directory)
        let base = try commit(reference, in: top)
        var changes = try ChangedLines(topLevel: top, diffArguments: [base])
        let untracked = try Git.run(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], in: top)
        for path in untracked.split(separator: 0) where !path.isEmpty {
            changes.files[LexicalPath.join(top, String(decoding: path, as: UTF8.self))] = .whole
        }
        return changes
    }

    /// What is staged for the next commit (the index against `HEAD`, or against nothing before the
    /// first commit), in the repository whose top folder is `top`.
    public static func staged(inTopLevel top: String) throws -> ChangedLines {
        try ChangedLines(topLevel: top, diffArguments: ["--cached", try commit("HEAD", in: top)])
    }

    private init(topLevel: String, diffArguments: [String]) throws {
        self.topLevel = topLevel
        let common = ["--no-ext-diff", "--no-textconv", "--no-color", "-M", "--src-prefix=a/", "--dst-prefix=b/"]
        // Binary files first: --numstat marks them with "-" counts, whatever their names.
        let numstat = try Git.run(["diff", "--numstat", "-z"] + common + diffArguments, in: topLevel)
        for path in Self.binaryPaths(numstat) { files[LexicalPath.join(topLevel, path)] = .whole }
        let patch = try Git.run(["-c", "core.quotePath=false", "diff", "-U0"] + common + diffArguments, in: topLevel)
        for (path, ranges) in Self.parsePatch(patch) where !ranges.isEmpty {
            let absolute = LexicalPath.join(topLevel, path)
            if files[absolute] == nil { files[absolute] = .lines(ranges) }
        }
    }

    /// The commit `reference` names, or the empty tree for `HEAD` in a repository with no commit yet.
    static func commit(_ reference: String, in top: String) throws -> String {
        do {
            let output = try Git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"], in: top)
            return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let failure as Git.Failure {
            if reference == "HEAD" {
                let empty = try Git.run(["hash-object", "-t", "tree", "/dev/null"], in: top)
                return String(decoding: empty, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            throw Git.Failure(arguments: failure.arguments, status: failure.status,
                              standardError: "\(reference) is not a commit in this repository")
        }
    }

    /// Whether the file at `path` (relative to `workingDirectory`) changed at all.
    public func contains(_ path: String, workingDirectory: String) -> Bool {
        files[LexicalPath.absolute(path, base: workingDirectory)] != nil
    }

    /// The report with only the findings on changed lines (and, when the file changed, the findings
    /// about the whole draft); problems reading the draft are always kept. The report's path is
    /// relative to `workingDirectory`.
    public func filter(_ report: FileReport, workingDirectory: String) -> FileReport {
        var report = report
        switch files[LexicalPath.absolute(report.path, base: workingDirectory)] {
        case .whole?:
            break
        case nil:
            report.diagnostics = []
        case .lines(let ranges)?:
            report.diagnostics.removeAll { !$0.isAboutDocument && !Self.overlaps(ranges, Self.lines(of: $0.region)) }
        }
        return report
    }

    /// The lines a region covers; an end at the start of a line (after a line break) is not on it.
    static func lines(of region: SourceRegion) -> ClosedRange<Int> {
        let end = region.end.column == 1 && region.end.line > region.start.line ? region.end.line - 1 : region.end.line
        return region.start.line...max(region.start.line, end)
    }

    /// Whether any of the sorted, disjoint `ranges` meets `lines` (binary search: a large draft with
    /// many changes and many findings stays linear).
    static func overlaps(_ ranges: [ClosedRange<Int>], _ lines: ClosedRange<Int>) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < lines.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].lowerBound <= lines.upperBound
    }

    /// The new-side paths of binary files in `git diff --numstat -z` output.
    static func binaryPaths(_ output: Data) -> [String] {
        let fields = output.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var paths: [String] = []
        var index = 0
        while index < fields.count {
            let record = fields[index]
            index += 1
            guard !record.isEmpty else { continue }
            let parts = record.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            var path = String(parts[2])
            if path.isEmpty, index + 1 < fields.count {  // a rename: old and new path follow
                path = fields[index + 1]
                index += 2
            }
            if parts[0] == "-" && parts[1] == "-" { paths.append(path) }
        }
        return paths
    }

    /// The new-side path and changed line ranges of each file in a `git diff -U0` patch. Hunk bodies
    /// are skipped by their counts, so a changed line that reads like a header cannot be taken for one.
    static func parsePatch(_ output: Data) -> [(path: String, ranges: [ClosedRange<Int>])] {
        var result: [(path: String, ranges: [ClosedRange<Int>])] = []
        var remaining = 0
        for rawLine in output.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = String(decoding: rawLine, as: UTF8.self)
            if remaining > 0 {
                if !line.hasPrefix("\\") { remaining -= 1 }  // "\ No newline at end of file" is not a line
                continue
            }
            if line.hasPrefix("+++ ") {
                // git ends the name with a tab when it holds a space.
                var header = line.dropFirst(4)
                if header.hasSuffix("\t") { header = header.dropLast() }
                let name = unquoted(String(header))
                result.append((name.hasPrefix("b/") ? String(name.dropFirst(2)) : name, []))
            } else if line.hasPrefix("@@ "), !result.isEmpty, let hunk = hunkCounts(line) {
                remaining = hunk.oldCount + hunk.newCount
                if hunk.newCount > 0 {
                    result[result.count - 1].ranges.append(hunk.newStart...(hunk.newStart + hunk.newCount - 1))
                }
            }
        }
        return result.filter { $0.path != "/dev/null" && $0.path != "dev/null" }
    }

    /// `@@ -a[,b] +c[,d] @@`: the old line count, and the new start and count.
    static func hunkCounts(_ line: String) -> (oldCount: Int, newStart: Int, newCount: Int)? {
        let parts = line.split(separator: " ")
        guard parts.count >= 3, parts[1].hasPrefix("-"), parts[2].hasPrefix("+") else { return nil }
        func pair(_ text: Substring) -> (Int, Int)? {
            let numbers = text.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(numbers[0]) else { return nil }
            return (start, numbers.count > 1 ? Int(numbers[1]) ?? 1 : 1)
        }
        guard let old = pair(parts[1]), let new = pair(parts[2]) else { return nil }
        return (old.1, new.0, new.1)
    }

    /// A path as git writes it in a patch header: C-style quoted (with octal escapes for bytes) when
    /// it holds a quote, a backslash or a control character; as it is otherwise.
    static func unquoted(_ text: String) -> String {
        guard text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 else { return text }
        let inner = Array(text.utf8.dropFirst().dropLast())
        var bytes: [UInt8] = []
        var index = 0
        while index < inner.count {
            let byte = inner[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < inner.count else {
                bytes.append(byte)
                continue
            }
            let escaped = inner[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                for _ in 0..<2 where index < inner.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(inner[index]) {
                    value = value * 8 + Int(inner[index] - UInt8(ascii: "0"))
                    index += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default: bytes.append(escaped)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
