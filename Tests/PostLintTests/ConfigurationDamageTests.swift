import Foundation
import PostLint
import PostLintTestSupport
import Testing

/// `ConfigurationLoader.loadPartially`: a mistake costs only the key it is in, every other key is
/// used, and `damage` says which top-level keys were lost — what `RequirementStatus` and the
/// linter use to say which checks did NOT run.
@Suite struct ConfigurationDamageTests {
    let loader = ConfigurationLoader(knownRuleIDs: Set(CheckRegistry.builtIn.map(\.descriptor.id)))

    private func load(_ text: String, roster: String? = "Legal Surname,Legal Forename\nWhitfield,Oliver\n") throws
        -> (Configuration, TemporaryFolder) {
        let folder = try TemporaryFolder()
        if let roster { try folder.write("pupils.csv", roster) }
        let path = try folder.write(".postlint.yml", text)
        return (loader.loadPartially(path: path), folder)
    }

    @Test func aTypoCostsOnlyItsKey() throws {
        let (configuration, folder) = try load("school:\n  name: Beechwood\n  domians: [beechwood.example.sch.uk]\n"
                                               + "roster: [pupils.csv]\nrules:\n  personal-opinion: sometimes\n  missing-logo: off\n")
        let damage = try #require(configuration.damage)
        #expect(!damage.isTotal)
        #expect(damage.errors.map { "\($0.line):\($0.column)" } == ["3:3", "6:21"], "in file order")
        #expect(Set(damage.damagedKeys.keys) == ["school", "rules"])
        #expect(damage.errors(affecting: "roster").isEmpty)
        #expect(configuration.school.name == "Beechwood" && configuration.school.domains.isEmpty)
        #expect(configuration.roster == [folder.absolute("pupils.csv")])
        #expect(configuration.rules == ["missing-logo": .off], "the good level is kept, the bad one dropped")
        #expect(throws: ConfigurationErrors.self) { try loader.load(path: folder.absolute(".postlint.yml")) }
    }

    @Test(arguments: [
        ("rooster: [pupils.csv]\n", "1:1"),
        ("roster: [pupils.csv, leavers.csv]\n", "1:22"),
        ("roster: {file: pupils.csv}\n", "1:9"),
        ("roster: [[pupils.csv]]\n", "1:10"),
    ])
    func aMistakeInOrNearTheRosterDamagesTheRoster(_ text: String, _ place: String) throws {
        let (configuration, _) = try load(text)
        let errors = try #require(configuration.damage).errors(affecting: "roster")
        #expect(errors.map { "\($0.line):\($0.column)" } == [place])
        let status = RequirementStatus.of(.roster, configuration: configuration,
                                          rosterLoaded: configuration.roster.isEmpty ? nil : true)
        if configuration.roster.isEmpty {
            #expect(status == .unmet(reason: "the roster could not be loaded (see \(errors[0].path):\(place))"))
        } else {
            guard case .partial = status else { Issue.record("\(status)"); return }
        }
    }

    @Test(arguments: ["roster: [pupils.csv\n", "- just\n- a list\n", "\u{FEFF}school: {name: [}\n"])
    func aDocumentThatCannotBeReadLoadsNothing(_ text: String) throws {
        let (configuration, _) = try load(text)
        let damage = try #require(configuration.damage)
        #expect(damage.isTotal)
        #expect(configuration.roster.isEmpty)
        #expect(damage.errors(affecting: "roster") == damage.errors, "an unreadable file may have named a roster")
        guard case .unmet = RequirementStatus.of(.roster, configuration: configuration, rosterLoaded: nil) else {
            Issue.record("pupil-name would run without knowing the roster")
            return
        }
    }

    @Test func anUnrelatedUnknownKeyDoesNotDamageTheRoster() throws {
        let (configuration, _) = try load("roster: [pupils.csv]\nnewsletter-day: friday\n")
        #expect(configuration.damage?.errors.count == 1)
        #expect(configuration.damage?.errors(affecting: "roster").isEmpty == true)
        #expect(RequirementStatus.of(.roster, configuration: configuration, rosterLoaded: true) == .met)
    }

    @Test func theLinterSkipsACheckWhoseRequirementIsUnmetAndSaysSo() throws {
        let (configuration, _) = try load("roster: [missing.csv]\n")
        let report = Linter().lint(text: FailClosedFixture.draft, path: "post.txt", format: .text, configuration: configuration)
        #expect(!report.diagnostics.contains { $0.ruleID == "pupil-name" })
        let problem = try #require(report.problems.first { $0.ruleID == "pupil-name" })
        #expect(problem.severity == .error && problem.position == SourcePosition(line: 1, column: 1))
        #expect(problem.message.hasPrefix("pupil-name (Pupil's name) was NOT checked: the roster could not be loaded"))
        #expect(report.diagnostics.contains { $0.ruleID == "personal-opinion" }, "the other checks run")
    }

    @Test func requirementsComeFromTheDescriptors() {
        let needing = CheckRegistry.builtIn.filter { $0.descriptor.requirements.contains(.roster) }.map(\.descriptor.id)
        #expect(needing == ["pupil-name"])
    }
}
