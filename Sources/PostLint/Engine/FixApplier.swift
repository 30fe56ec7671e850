#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Applies the fixes of a file's unsuppressed findings to the file on disk (`postlint check --fix`).
///
/// It never writes a file whose content changed since it was checked (it re-reads and compares),
/// never applies a fix to a suppressed finding, skips fixes that overlap one already taken, and
/// replaces the file atomically with its owner and permissions kept, comparing it once more just
/// before the rename. A symlinked draft is fixed at its target (replacing the link would leave the
/// real file unfixed); a draft with other hard links is refused, since a fixed copy would leave
/// the other names holding the text. Drafts that were not UTF-8 are left alone: re-encoding
/// someone's Windows-1252 or UTF-16 file is not a safe rewrite.
package enum FixApplier {
    package struct Outcome: Sendable, Equatable {
        package var applied: Int
        package var skipped: Int
    }

    package struct FixError: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// What `apply` would write: the file's text as checked (without its BOM), the edits that would
    /// be made to it, and the BOM to keep.
    package struct Preview: Sendable {
        package var prefix: [UInt8]
        package var original: [UInt8]
        /// Sorted, non-overlapping byte ranges of `original` with their replacements.
        package var edits: [Fix.Edit]
        package var outcome: Outcome

        package var fixed: [UInt8] {
            var bytes = original
            for edit in edits.reversed() {
                bytes.replaceSubrange(edit.range.clamped(to: 0..<bytes.count), with: Array(edit.replacement.utf8))
            }
            return bytes
        }
    }

    /// The edits of the unsuppressed findings' fixes, sorted, leaving out those that overlap one
    /// already taken (counted as skipped; an identical edit from two findings counts once).
    package static func chosenEdits(_ diagnostics: [Diagnostic]) -> (edits: [Fix.Edit], outcome: Outcome) {
        let edits = diagnostics.filter { !$0.isSuppressed }.compactMap(\.fix).flatMap(\.edits)
            .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var chosen: [Fix.Edit] = []
        var skipped = 0
        for edit in edits {
            if let last = chosen.last, edit.range.lowerBound < last.range.upperBound {
                if edit != last { skipped += 1 }
                continue
            }
            chosen.append(edit)
        }
        return (chosen, Outcome(applied: chosen.count, skipped: skipped))
    }

    /// The fixed text, and how many fixes were applied and skipped (overlapping ones).
    package static func fixedText(_ source: SourceText, diagnostics: [Diagnostic]) -> (bytes: [UInt8], outcome: Outcome) {
        let (edits, outcome) = chosenEdits(diagnostics)
        return (Preview(prefix: [], original: source.utf8, edits: edits, outcome: outcome).fixed, outcome)
    }

    /// What fixing `report` would change, without touching the file (`--fix --diff`); nil when it
    /// has nothing to fix. Refuses what `apply` refuses: Word documents and files not in UTF-8.
    package static func preview(_ report: FileReport) throws(FixError) -> Preview? {
        guard let source = report.source else { return nil }
        guard report.diagnostics.contains(where: { !$0.isSuppressed && $0.fix != nil }) else { return nil }
        // The checked text of a Word draft is a rendering of its XML, not the file: nothing to write back.
        guard report.format != .docx else { throw FixError(description: "not fixed: Word documents are not rewritten") }
        let prefix: [UInt8]
        switch source.encoding {
        case .utf8: prefix = []
        case .utf8WithBOM: prefix = [0xEF, 0xBB, 0xBF]
        default:
            throw FixError(description: "not fixed: the file is \(source.encoding.rawValue), and PostLint only rewrites UTF-8 files")
        }
        let (edits, outcome) = chosenEdits(report.diagnostics)
        return Preview(prefix: prefix, original: source.utf8, edits: edits, outcome: outcome)
    }

    /// Writes the fixes of `report` into the file at `report.path`.
    package static func apply(_ report: FileReport) throws(FixError) -> Outcome {
        guard let preview = try preview(report) else { return Outcome(applied: 0, skipped: 0) }
        let prefix = preview.prefix
        let current: [UInt8]
        do {
            current = try FileContents.read(report.path)
        } catch {
            throw FixError(description: "not fixed: \(error.description)")
        }
        guard current == prefix + preview.original else {
            throw FixError(description: "not fixed: the file changed since it was checked")
        }
        let target = FileCollector.resolvedPath(report.path) ?? report.path
        var info = stat()
        guard stat(target, &info) == 0 else { throw FixError(description: "not fixed: the file is gone") }
        guard info.st_nlink <= 1 else {
            throw FixError(description: "not fixed: the file has \(info.st_nlink) hard links, and a fixed copy would leave the other names unfixed")
        }
        do {
            let stream = try AtomicFileWriter.Stream(path: target)
            try stream.write(prefix + preview.fixed)
            try stream.commit(expecting: current)
        } catch {
            throw FixError(description: "not fixed: \(error.description)")
        }
        return preview.outcome
    }
}
