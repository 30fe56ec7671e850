import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// `policy:` in `.postlint.yml` through the real binary: findings cite the school's own clause, and
/// the built-in wording names no school.
@Suite struct PolicyConfigurationTests {
    static let config = """
        rules:
          personal-opinion: error
        policy:
          personal-opinion:
            section: "4.2"
            heading: Tone of voice
            text: Staff write as the school, never in their own voice.

        """

    @Test func findingsCiteTheSchoolsClause() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", Self.config)
        try folder.write("post.txt", "I think the fair was great.\n\nMrs Ann Lee, Headteacher\n")
        let cited = "§4.2 Tone of voice: \u{201C}Staff write as the school, never in their own voice.\u{201D}"

        let text = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(text.status == 1)
        #expect(text.standardOutput.contains("policy: " + cited), "\(text.standardOutput)")

        let json = try PostLintProcess.run(["check", "post.txt", "--format", "json"], in: folder.path)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.standardOutput.utf8))
        #expect(report.files.first?.diagnostics.first?.policy == cited)

        let sarif = try PostLintProcess.run(["check", "post.txt", "--format", "sarif"], in: folder.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any])
        let result = try #require((((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])?.first)
        #expect((result["properties"] as? [String: String])?["postlint.policy"] == cited)

        let html = try PostLintProcess.run(["check", "post.txt", "--format", "html"], in: folder.path)
        #expect(html.standardOutput.contains("Staff write as the school, never in their own voice."))
    }

    @Test func mistakesInPolicyNameTheirPlace() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", """
            policy:
              personal-opinon: { section: "1", heading: H, text: T }
              missing-logo: { section: "8", heading: Content }

            """)
        try folder.write("post.txt", "Hello.\n")
        let result = try PostLintProcess.run(["check", "post.txt"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains(".postlint.yml:2:3:") && result.standardOutput.contains("did you mean `personal-opinion`"),
                "\(result.standardOutput)")
        #expect(result.standardOutput.contains(".postlint.yml:3:") && result.standardOutput.contains("needs `text`"),
                "\(result.standardOutput)")
    }

    /// The built-in clauses are a model policy's: no school is named (Beechwood's wording lives only
    /// in the samples' configuration).
    @Test func builtInWordingNamesNoSchool() throws {
        let explain = try PostLintProcess.run(["explain", "missing-logo"])
        #expect(explain.standardOutput.contains("The school's hosted sites must always include the school logo"))
        for descriptor in Linter().descriptors {
            #expect(!descriptor.policy.text.contains("Beechwood"), "\(descriptor.id)")
        }
        let samples = try PostLintProcess.run(["check", "Samples", "--format", "json"])
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(samples.standardOutput.utf8))
        let logo = report.files.flatMap(\.diagnostics).filter { $0.ruleId == "missing-logo" }
        #expect(!logo.isEmpty && logo.allSatisfy { $0.policy?.contains("Beechwood Primary School hosted sites") == true })
    }
}
