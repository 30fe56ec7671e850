import Foundation
import PostLint

/// The drafts staged for the next commit, read from git's index (not the working copy): what a
/// pre-commit hook must check, since a file can be staged in one state and edited further afterwards.
public struct StagedDraft: Sendable, Hashable {
    /// The path relative to the top of the working tree, as git shows it.
    public var path: String
    public var format: DocumentFormat
    /// The staged content, byte for byte.
    public var bytes: [UInt8]

    public init(path: String, format: DocumentFormat, bytes: [UInt8]) {
        self.path = path
        self.format = format
        self.bytes = bytes
    }
}

public enum StagedDrafts {
    /// The top folder of the working tree that contains `directory`.
    public static func topLevel(from directory: String) throws -> String {
        let output = try Git.run(["rev-parse", "--show-toplevel"], in: directory)
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// An added, copied, modified, renamed or retyped regular file in the index, with its blob id.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var blob: String
    }

    /// The staged regular files with an extension PostLint reads, in path order. Uses
    /// `git diff --cached --raw -z --no-renames`, which works before the first commit too, names each
    /// staged blob by id (so no path needs quoting) and leaves deletions out.
    public static func entries(inTopLevel top: String) throws -> [Entry] {
        let output = try Git.run(["diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
                                  "--no-ext-diff", "--no-textconv", "--diff-filter=ACMRT"], in: top)
        return parseRaw(output).filter { DocumentFormat(path: $0.path) != nil }.sorted { $0.path < $1.path }
    }

    /// Parses `--raw -z` records (`:oldmode newmode oldid newid status\0path\0`), keeping regular files.
    static func parseRaw(_ output: Data) -> [Entry] {
        let fields = output.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var entries: [Entry] = []
        var index = 0
        while index + 1 < fields.count {
            let meta = fields[index].split(separator: " ")
            let path = fields[index + 1]
            index += 2
            // Copies and renames (not produced with --no-renames, but allowed for) carry two paths.
            var target = path
            if let status = meta.last, status.hasPrefix("C") || status.hasPrefix("R"), index < fields.count {
                target = fields[index]
                index += 1
            }
            guard meta.count >= 5, meta[1] == "100644" || meta[1] == "100755" else { continue }
            entries.append(Entry(path: target, blob: String(meta[3])))
        }
        return entries
    }

    /// Reads the staged drafts' contents with one `git cat-file --batch`.
    public static func read(_ entries: [Entry], inTopLevel top: String) throws -> [StagedDraft] {
        guard !entries.isEmpty else { return [] }
        let request = Data(entries.map { $0.blob + "\n" }.joined().utf8)
        let output = [UInt8](try Git.run(["cat-file", "--batch"], in: top, input: request))
        var drafts: [StagedDraft] = []
        var position = 0
        for entry in entries {
            guard let newline = output[position...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Git.Failure(arguments: ["cat-file", "--batch"], status: 0,
                                  standardError: "output ended before \(entry.blob) (\(entry.path))")
            }
            let header = String(decoding: output[position..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]),
                  newline + 1 + size <= output.count else {
                throw Git.Failure(arguments: ["cat-file", "--batch"], status: 0,
                                  standardError: "unexpected answer for \(entry.path): \(header.joined(separator: " "))")
            }
            let start = newline + 1
            if let format = DocumentFormat(path: entry.path) {
                drafts.append(StagedDraft(path: entry.path, format: format, bytes: Array(output[start..<start + size])))
            }
            position = start + size + 1  // the content is followed by a newline
        }
        return drafts
    }

    /// The staged drafts of the repository containing `directory`: their paths are relative to
    /// the returned top folder.
    public static func load(from directory: String) throws -> (topLevel: String, drafts: [StagedDraft]) {
        let top = try topLevel(from: directory)
        return (top, try read(entries(inTopLevel: top), inTopLevel: top))
    }
}
