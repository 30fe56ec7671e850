import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// `postlint check` through the real binary with a broken `.postlint.yml`: the configuration error
/// comes first, what can still be checked is checked (a typo elsewhere leaves the roster working),
/// and a lost roster is reported as NOT checked in every output format, never as a clean draft.
@Suite struct FailClosedCLITests {
    static let notChecked = "pupil-name (Pupil's name) was NOT checked"

    @Test func aTypoElsewhereStillChecksPupilNamesAndReportsTheTypoFirst() throws {
        let fixture = try FailClosedFixture(configuration: FailClosedFixture.typo)
        let result = try fixture.check([".", "--quiet"])
        #expect(result.status == 2, "a configuration error fails the run: \(result.standardOutput)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == ".postlint.yml:3:3: error: unknown key `domians` in `school`; did you mean `domains`? "
            + "Known keys: name, aliases, groups, domains, phones, addresses, logo, logo-formats.")
        let finding = try #require(lines.firstIndex { $0.hasSuffix("[pupil-name]") }, "\(result.standardOutput)")
        #expect(lines[finding].hasPrefix("news/post.txt:1:14: error: “Oliver Whitfield” is a pupil's full name"))
        #expect(!result.standardOutput.contains("NOT checked"))

        let json = try JSONDecoder().decode(JSONReport.self, from: Data(try fixture.check([".", "--format", "json", "--quiet"]).standardOutput.utf8))
        #expect(json.files.first?.problems.first?.message.contains("did you mean `domains`?") == true)
        let pupil = json.files.flatMap(\.diagnostics).filter { $0.ruleId == "pupil-name" }
        #expect(pupil.map(\.snippet) == [FailClosedFixture.namedPupil])
    }

    @Test(arguments: FailClosedFixture.BrokenRoster.allCases)
    func aBrokenRosterIsReportedAsNotCheckedBeforeAnyFinding(_ broken: FailClosedFixture.BrokenRoster) throws {
        let fixture = try FailClosedFixture(broken)
        let result = try fixture.check([".", "--quiet"])
        #expect(result.status == 2)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let draftLine = try #require(lines.firstIndex { $0.hasPrefix("news/post.txt:1:1: error: \(Self.notChecked)") },
                                     "\(result.standardOutput)")
        let runLine = try #require(lines.firstIndex { $0.hasPrefix(".postlint.yml: error: \(Self.notChecked)") })
        let configurationError = try #require(lines.firstIndex { $0.contains(": error: ") })
        let firstFinding = try #require(lines.firstIndex { $0.hasSuffix("[personal-opinion]") },
                                        "the other checks still run: \(result.standardOutput)")
        #expect(configurationError < runLine && runLine < draftLine && draftLine < firstFinding,
                "errors, then what was not checked, then findings: \(result.standardOutput)")
        #expect(!lines[configurationError].contains("NOT checked"), "the cause comes first")
        #expect(!result.standardOutput.contains("[pupil-name]"), "no finding can come from a roster that did not load")
        for name in FailClosedFixture.unseenNames {
            #expect(!result.standardOutput.contains(name) && !result.standardError.contains(name))
        }
    }

    @Test(arguments: FailClosedFixture.BrokenRoster.allCases)
    func everyFormatSaysPupilNamesWereNotChecked(_ broken: FailClosedFixture.BrokenRoster) throws {
        let fixture = try FailClosedFixture(broken)
        let json = try JSONDecoder().decode(JSONReport.self, from: Data(try fixture.check(["news", "--format", "json", "--quiet"]).standardOutput.utf8))
        let draft = try #require(json.files.first { $0.path == "news/post.txt" })
        let problem = try #require(draft.problems.first { $0.ruleId == "pupil-name" })
        #expect((problem.severity, problem.line, problem.column) == ("error", 1, 1))
        #expect(problem.message.hasPrefix(Self.notChecked))
        #expect(!draft.diagnostics.contains { $0.ruleId == "pupil-name" })

        let sarif = try fixture.check(["news", "--format", "sarif", "--quiet"])
        #expect(sarif.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
        let onDraft = try #require(notifications.first { notification in
            let location = (notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "news/post.txt"
                && (notification["associatedRule"] as? [String: Any])?["id"] as? String == "pupil-name"
        }, "\(notifications)")
        #expect(onDraft["level"] as? String == "error")
        #expect(((onDraft["message"] as? [String: Any])?["text"] as? String)?.hasPrefix(Self.notChecked) == true)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let index = try #require((onDraft["associatedRule"] as? [String: Any])?["index"] as? Int)
        #expect(rules[index]["id"] as? String == "pupil-name", "the rule index points at the rule")

        let github = try fixture.check(["news", "--format", "github", "--quiet"])
        #expect(github.standardOutput.contains("::error file=news/post.txt,line=1,col=1,title=postlint pupil-name::\(Self.notChecked)"),
                "\(github.standardOutput)")

        let html = try fixture.check(["news", "--format", "html", "--quiet"])
        #expect(html.standardOutput.contains("pupil-name (Pupil&#39;s name) was NOT checked"))
        #expect(!html.standardOutput.contains("Could not read this draft fully: pupil-name"), "not checked is not a reading problem")
        for output in [sarif.standardOutput, github.standardOutput, html.standardOutput] {
            #expect(!FailClosedFixture.unseenNames.contains { output.contains($0) })
        }
    }

    /// Standard input used to be checked after the configuration's errors had been written, so they
    /// were never shown; a draft piped in is checked as strictly as a file.
    @Test func standardInputReportsTheConfigurationAndWhatWasNotChecked() throws {
        let fixture = try FailClosedFixture(.missingFile)
        let result = try PostLintProcess.run(["check", "-", "--stdin-filename", "news/piped.txt", "--quiet"], in: fixture.path,
                                             standardInput: FailClosedFixture.draft)
        #expect(result.status == 2)
        #expect(result.standardOutput.hasPrefix(".postlint.yml:1:10: error: roster file `pupilz.csv` does not exist"),
                "\(result.standardOutput)")
        #expect(result.standardOutput.contains("news/piped.txt:1:1: error: \(Self.notChecked)"))
    }

    /// A roster that loads in part (one of two files missing) is used, and the drafts say it was only partly used.
    @Test func aPartlyLoadedRosterIsUsedAndSaysSo() throws {
        let fixture = try FailClosedFixture(configuration: "roster: [pupils.csv, leavers.csv]\n")
        let result = try fixture.check([".", "--quiet"])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("news/post.txt:1:1: error: pupil-name (Pupil's name) was NOT fully checked"))
        #expect(result.standardOutput.contains("news/post.txt:1:14: error: “Oliver Whitfield” is a pupil's full name"))
    }
}
