import Foundation
import PostLintTestSupport
import Testing

/// A draft's file name must never start a line of output with `::`: in a GitHub Actions log that
/// line would run as a workflow command (a forged annotation, a masked secret, a stopped log).
@Suite(.timeLimit(.minutes(2))) struct WorkflowCommandInjectionTests {
    static let forged = "::error file=README.md,line=1::forged"

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("\(forged).md", "Call 07700 900123 today.\n")
        try folder.write("  \(forged) two.txt", "Ring 07700 900124 now.\n")
        try folder.write("plain.md", "Ring 07700 900125 now.\n")
        return folder
    }

    @Test(arguments: ["text", "github"]) func noLineOfOutputStartsWithAForgedCommand(format: String) throws {
        let folder = try Self.folder()
        let result = try PostLintProcess.run(["check", "--format", format, "--color", "never", "."], in: folder.path)
        #expect(result.status == 1, "\(result.standardError)")
        let lines = (result.standardOutput + "\n" + result.standardError).split(separator: "\n")
        #expect(lines.count > 3)
        for line in lines {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            #expect(!trimmed.hasPrefix("::error file=README.md"), "\(format): \(line)")
            if trimmed.hasPrefix("::") { #expect(format == "github", "\(format): \(line)") }
        }
        if format == "github" {
            #expect(result.standardOutput.contains("file=%3A%3Aerror file"), "the name is escaped inside the property")
        } else {
            #expect(result.standardOutput.contains("./\(Self.forged).md:1:6: error:"))
        }
    }
}
