import Foundation
import Testing

/// A school folder for the fail-closed tests: a roster of invented pupils, a draft that names one of
/// them in full, and a `.postlint.yml` each test writes — valid, with a typo, or with a broken roster.
/// The roster's other pupils never appear in any draft, so any of them in any output is a leak.
package struct FailClosedFixture {
    package static let roster = "Legal Surname,Legal Forename,Year,Reg\nWhitfield,Oliver,3,3W\nQuornbury,Xanthippe,4,4B\nWolstenholme,Zebedee,5,5C\n"
    /// The pupil the draft names, in full.
    package static let namedPupil = "Oliver Whitfield"
    /// Roster names no draft contains.
    package static let unseenNames = ["Xanthippe", "Quornbury", "Zebedee", "Wolstenholme"]
    /// Names the pupil at line 1, column 14, and has an opinion (a warning) later on the same line.
    package static let draft = "Well done to Oliver Whitfield for his reading award. I think it was deserved.\n\n"
        + "Posted by Mrs J. Patel, Year 3 Teacher\n"

    /// A configuration whose only mistake is a misspelt key (`domians`, line 3, column 3): the roster is valid.
    package static let typo = "school:\n  name: Beechwood Primary School\n  domians: [beechwood.example.sch.uk]\nroster: [pupils.csv]\n"

    /// Ways the roster can be lost, each with a configuration (and roster text) that loses it.
    package enum BrokenRoster: String, CaseIterable, CustomTestStringConvertible {
        case missingFile, misspeltKey, wrongType, noNameColumns, yamlSyntax

        package var configuration: String {
            switch self {
            case .missingFile: "roster: [pupilz.csv]\n"
            case .misspeltKey: "rooster: [pupils.csv]\n"
            case .wrongType: "roster: {file: pupils.csv}\n"
            case .noNameColumns: "roster: [pupils.csv]\n"
            case .yamlSyntax: "roster: [pupils.csv\nrules: {}\n"
            }
        }

        package var rosterText: String {
            self == .noNameColumns ? "Colour,Size\nred,4\n" : FailClosedFixture.roster
        }

        package var testDescription: String { rawValue }
    }

    package let folder: TemporaryFolder
    package var path: String { folder.path }

    package init(configuration: String, roster: String = FailClosedFixture.roster) throws {
        folder = try TemporaryFolder()
        try folder.write("pupils.csv", roster)
        try folder.write(".postlint.yml", configuration)
        try folder.write("news/post.txt", Self.draft)
    }

    package init(_ broken: BrokenRoster) throws {
        try self.init(configuration: broken.configuration, roster: broken.rosterText)
    }

    package func check(_ arguments: [String]) throws -> PostLintProcess.Result {
        try PostLintProcess.run(["check"] + arguments, in: path)
    }
}
