import Foundation
@testable import PostLint
@testable import PostLintReporters
import Testing

/// `--output FILE` goes through `AtomicFileWriter`: a reader sees the old file or the new one whole.
struct ReporterAtomicWriteTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "postlint-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesANewFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFileWriter.write("report \u{2713}\n", to: folder + "/out.sarif")
        #expect(try String(contentsOfFile: folder + "/out.sarif", encoding: .utf8) == "report \u{2713}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.sarif"])
    }

    @Test func replacesAnExistingFileWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.json"
        try AtomicFileWriter.write(String(repeating: "long old report\n", count: 1000), to: path)
        try AtomicFileWriter.write("short\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "short\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.json"])
    }

    @Test func reportersWriteThroughTheAtomicWriter() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = ReporterFixture.report()
        try SARIFReporter().write(report, toFile: folder + "/results.sarif")
        #expect(try String(contentsOfFile: folder + "/results.sarif", encoding: .utf8) == SARIFReporter().render(report))
    }

    @Test func missingFolderThrowsAndNamesThePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/no/such/folder/out.sarif"
        let error = try #require(throws: AtomicFileWriter.WriteError.self) {
            try AtomicFileWriter.write("x", to: path)
        }
        #expect(error.path == path)
        #expect(error.description.contains(path))
        #expect(error.description.contains("No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aFolderAtTheTargetIsRefusedBeforeAnythingIsWritten() throws {
        // Only a regular file is ever replaced: a folder (or device, or link) at the path is refused
        // up front, so no temporary file is made and the folder is untouched.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/out.sarif"
        try FileManager.default.createDirectory(atPath: target + "/keep", withIntermediateDirectories: true)
        let error = try #require(throws: AtomicFileWriter.WriteError.self) {
            try AtomicFileWriter.write("x", to: target)
        }
        #expect(error.reason.contains("not a regular file"))
        #expect(error.path == target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.sarif"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["keep"])
    }

    @Test func temporaryFileGoesNextToTheTarget() {
        // Same folder, so the final rename never crosses file systems. (Not tested by writing to a
        // relative path: changing the current folder would race with tests running in parallel.)
        #expect(AtomicFileWriter.directory(of: "report.txt") == ".")
        #expect(AtomicFileWriter.directory(of: "out/report.txt") == "out")
        #expect(AtomicFileWriter.directory(of: "/report.txt") == "/")
    }
}
