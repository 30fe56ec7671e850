import Crypto
import Foundation

/// The findings a school accepted when it adopted PostLint on an existing site (`postlint baseline`),
/// so that `check --baseline FILE` reports them as known and fails only on new ones.
///
/// A finding is recorded by fingerprint only: SHA-256 of its file's path (relative to the baseline
/// file's folder, so the baseline works from any working directory), then the same identity SARIF's
/// `partialFingerprints` hash (rule, flagged text with whitespace normalised, occurrence number; see
/// `PartialFingerprint`). Moving a finding to another line keeps its fingerprint; editing its text
/// or renaming the file makes it new. The file holds no text of a draft and no pupil's name in clear,
/// only hashes and rule ids (a hash of a short name can still be confirmed by someone who guesses
/// it: keep a baseline with the drafts, not in public).
package struct Baseline: Sendable {
    package static let formatVersion = 1
    package static let recipe = "sha256(path relative to this file, U+001F, rule id, U+001F, flagged text with whitespace runs as one space (none for a finding about the whole draft), U+001F, its occurrence number in the file)"

    /// A recorded finding.
    package struct Entry: Sendable, Hashable, Codable, Comparable {
        package var rule: String
        package var fingerprint: String

        package static func < (a: Entry, b: Entry) -> Bool { (a.rule, a.fingerprint) < (b.rule, b.fingerprint) }
    }

    /// The file as written: versioned, sorted, one entry per finding.
    struct File: Codable {
        var version: Int
        var tool: String
        var fingerprint: String
        var findings: [Entry]
    }

    package struct LoadError: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// The folder the recorded paths are relative to: the baseline file's.
    package let folder: String
    package let entries: Set<Entry>

    package init(folder: String, entries: Set<Entry>) {
        self.folder = folder
        self.entries = entries
    }

    /// Reads a baseline file (`path` relative to `workingDirectory`).
    package init(contentsOf path: String, workingDirectory: String) throws(LoadError) {
        let absolute = LexicalPath.absolute(path, base: workingDirectory)
        let data: Data
        do {
            data = Data(try FileContents.read(absolute))
        } catch {
            throw LoadError(description: "\(path): cannot read the baseline: \(error.description)")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw LoadError(description: "\(path): not a PostLint baseline (write one with `postlint baseline PATH… --output \(path)`)")
        }
        guard file.version == Self.formatVersion else {
            throw LoadError(description: "\(path): baseline version \(file.version) is not one this PostLint reads (\(Self.formatVersion)); write it again")
        }
        self.init(folder: Self.folder(forFile: path, workingDirectory: workingDirectory), entries: Set(file.findings))
    }

    /// The entries of a report's findings that a baseline records: every finding that is not
    /// suppressed in the source, at any level.
    package static func entries(of report: FileReport, folder: String, workingDirectory: String) -> [Entry] {
        zip(report.diagnostics, fingerprints(of: report, folder: folder, workingDirectory: workingDirectory))
            .filter { !$0.0.isSuppressed && $0.0.level != .off }
            .map { Entry(rule: $0.0.ruleID, fingerprint: $0.1) }
    }

    /// The report with each finding marked `unchanged` (recorded here) or `new`.
    package func mark(_ report: FileReport, workingDirectory: String) -> FileReport {
        var report = report
        let fingerprints = Self.fingerprints(of: report, folder: folder, workingDirectory: workingDirectory)
        for index in report.diagnostics.indices {
            let entry = Entry(rule: report.diagnostics[index].ruleID, fingerprint: fingerprints[index])
            report.diagnostics[index].baselineState = entries.contains(entry) ? .unchanged : .new
        }
        return report
    }

    /// The baseline file for these entries, as JSON text with sorted keys and entries.
    package static func document(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let file = File(version: formatVersion, tool: PostLintInfo.name, fingerprint: recipe, findings: entries.sorted())
        // Encoding strings and integers cannot fail.
        return String(decoding: (try? encoder.encode(file)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// One fingerprint per diagnostic, in order.
    static func fingerprints(of report: FileReport, folder: String, workingDirectory: String) -> [String] {
        let path = relativePath(LexicalPath.absolute(report.path, base: workingDirectory), from: folder)
        var identities = PartialFingerprint()
        return report.diagnostics.map { diagnostic in
            // A finding about the whole draft is placed on its first line; that line's text is not
            // what the finding is about, so editing it must not make the finding new.
            let identity = identities.identity(ruleID: diagnostic.ruleID, snippet: diagnostic.isAboutDocument ? "" : diagnostic.snippet)
            return hex(SHA256.hash(data: Data((path + "\u{1F}" + identity).utf8)))
        }
    }

    /// `path` from `folder` (both absolute), with `..` steps when it is outside it.
    static func relativePath(_ path: String, from folder: String) -> String {
        let target = path.split(separator: "/"), base = folder.split(separator: "/")
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)).joined(separator: "/")
    }

    /// The folder a baseline written to `path` (relative to `workingDirectory`) records paths from.
    package static func folder(forFile path: String, workingDirectory: String) -> String {
        LexicalPath.parent(LexicalPath.absolute(path, base: workingDirectory)) ?? "/"
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
