import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing

@Suite struct RosterLoaderTests {
    private func load(_ text: String) -> RosterLoadResult { RosterLoader.load(text: text, path: "pupils.csv") }

    private func records(_ text: String) throws -> [CSVReader.Record] {
        var result: [CSVReader.Record] = []
        try CSVReader(bytes: Array(text.utf8)).forEachRecord { result.append($0) }
        return result
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlinesKeepLineNumbers() throws {
        let found = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here\n")
        #expect(found.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "row", "here"]])
        #expect(found.map(\.line) == [1, 2, 4])
    }

    @Test func crlfLoneCRBlankLinesAndTrailingDelimiter() throws {
        let found = try records("a,b\r\n1,2\r\n\r\n3,\r4,5")
        #expect(found.map(\.fields) == [["a", "b"], ["1", "2"], ["3", ""], ["4", "5"]])
        #expect(found.map(\.line) == [1, 2, 4, 5])
    }

    @Test func delimiterIsDetectedFromTheHeaderLine() {
        #expect(CSVReader.detectDelimiter(in: Array("Forename;Surname;Year\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVReader.detectDelimiter(in: Array("Forename\tSurname\n".utf8)) == UInt8(ascii: "\t"))
        #expect(CSVReader.detectDelimiter(in: Array("\"Name; full\",Year\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVReader.detectDelimiter(in: Array("Forename\n".utf8)) == UInt8(ascii: ","))
    }

    /// A ProSolution export: "FirstForename" is the forename, "KnownAs" mostly empty. Had the first not been
    /// read, most pupils would have been looked for by surname alone, and the draft would have looked clean.
    @Test func aForenameColumnUnderAnotherHeadingIsReadOrTheRosterFailsClosed() {
        let read = load("StudentRef,Surname,FirstForename,KnownAs\nHB1,Abiodun,Comfort,\nHB2,Bishop,Patience,\nHB3,Cook,May,Maisie\n")
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.roster?.statistics.distinctForenames == 4)
        let unknown = load("StudentRef,Surname,FirstGivenName_X,KnownAs\nHB1,Abiodun,Comfort,\nHB2,Bishop,Patience,\nHB3,Cook,May,Maisie\n")
        #expect(unknown.problems.contains { $0.severity == .error && $0.position?.line == 2 && $0.message.contains("no forename") },
                "\(unknown.problems)")
        #expect(!unknown.problems.contains { $0.message.contains("Comfort") || $0.message.contains("Patience") })
        let few = load("Surname,Forename\nAbiodun,Comfort\nBishop,\nCook,May\n")
        #expect(few.problems.contains { $0.severity == .warning && $0.position?.line == 3 && $0.message.contains("no forename") })
    }

    /// An iSAMS export names its columns as database fields: a type prefix, then camel case.
    @Test func iSAMSFieldNamesAreRead() {
        let result = load("\u{FEFF}\"txtSchoolID\",\"txtSurname\",\"txtForename\",\"txtPreName\",\"intNCYear\",\"txtForm\",\"txtBoardingHouse\"\r\n"
            + "\"1029\",\"Chan\",\"Mei Yee\",\"May\",\"13\",\"S6B\",\"Ettrick\"\r\n")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.files.first?.columns == ["txtSurname → surname", "txtForename → forename", "txtPreName → preferred forename",
                                                "intNCYear → year", "txtForm → group", "txtBoardingHouse → group"])
        #expect(RosterHeader.role(of: "txtforename") == nil, "a prefix is dropped only before a capital")
    }

    @Test func unclosedQuoteNamesTheLineItOpenedOn() {
        let result = load("Forename,Surname\nOliver,Whitfield\nAmy,\"Patel\nZoe,Smith\n")
        #expect(result.problems.contains { $0.position?.line == 3 && $0.message.contains("never closed") && $0.severity == .error })
    }

    @Test func bomSemicolonsAndCRLF() {
        let result = load("\u{FEFF}Forename;Surname;Year\r\nOliver;Whitfield;3\r\nZoë;O'Brien;4\r\n")
        #expect(result.problems.isEmpty)
        #expect(result.roster?.statistics.pupils == 2)
        #expect(result.files.first?.delimiter == "semicolon")
        #expect(result.files.first?.columns == ["Forename → forename", "Surname → surname", "Year → year"])
    }

    @Test func tabSeparatedUTF16ExportFromExcel() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "First Name\tLast Name\r\nZoë\tNí Bhriain\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let read = RosterLoader.read(bytes: bytes, path: "pupils.txt")
        #expect(read.problems.isEmpty)
        #expect(read.pupils == [Pupil(forenames: ["Zoë"], surnames: ["Ní Bhriain"])])
        #expect(read.summary.delimiter == "tab" && read.summary.encoding == "UTF-16LE")
    }

    @Test func windows1252IsReadWithAWarning() {
        let bytes = Array("Forename,Surname\nZo".utf8) + [0xEB] + Array(",Smith\n".utf8)
        let read = RosterLoader.read(bytes: bytes, path: "pupils.csv")
        #expect(read.pupils.first?.forenames == ["Zoë"])
        #expect(read.problems.count == 1 && read.problems[0].severity == .warning)
    }

    @Test(arguments: [
        // SIMS
        "Legal Forename,Legal Surname,Preferred Forename,Year,Reg",
        // Arbor
        "First name,Last name,Preferred first name,Year group,Registration form",
        // Bromcom
        "Legal First Name,Legal Last Name,Preferred First Name,Year Group,Tutor Group",
        // Hand-made, odd spacing and case
        "  PUPIL FORENAME , pupil_surname , Known As , class",
        "Given Name,Family Name,Preferred Name,Reg Group",
    ])
    func headerVariantsOfMISExports(_ header: String) {
        let result = load("\(header)\nOliver,Whitfield,Ollie,3,3W\n")
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        #expect(result.files.first?.columns.count == 4 || result.files.first?.columns.count == 5)
        #expect(result.roster?.statistics.distinctForenames == 2)
        #expect(result.roster?.statistics.distinctSurnames == 1)
    }

    @Test func simsFullNameColumnInSurnameCommaForenameOrder() {
        let read = RosterLoader.read(bytes: Array("Name,Year\n\"Whitfield, Oliver\",3\nAmy Patel,2\n".utf8), path: "p.csv")
        #expect(read.pupils == [Pupil(forenames: ["Oliver"], surnames: ["Whitfield"]), Pupil(forenames: ["Amy"], surnames: ["Patel"])])
    }

    @Test func headerWithoutNameColumnsListsHeadersFoundAndNamesExpected() {
        let result = load("UPN,DOB,Year\nA123,2017-01-01,3\n")
        #expect(result.roster == nil)
        let message = result.problems.first { $0.severity == .error }?.message ?? ""
        #expect(message.hasPrefix("the header has no name columns. Headers found: \"UPN\", \"DOB\", \"Year\"."))
        #expect(message.contains("forename: forename / first name / legal forename"))
        #expect(message.contains("surname: surname / last name / legal surname"))
        #expect(message.contains("preferred forename: preferred forename / preferred first name / preferred name / known as"))
        #expect(result.problems.first?.position?.line == 1)
    }

    @Test func shortRowsAreErrorsNamingTheirLines() {
        let result = load("Forename,Surname,Year\nOliver,Whitfield,3\nAmy,Patel\n\"Zoe\nAnne\",Smith,2\nBen\n")
        let short = result.problems.filter { $0.message.contains("fewer fields") }
        #expect(short.map { $0.position?.line } == [3, 6])
        #expect(short.allSatisfy { $0.severity == .error && $0.path == "pupils.csv" })
        #expect(result.roster?.statistics.pupils == 2)
        #expect(result.hasErrors)
    }

    @Test func emptyRosterAndHeaderOnlyRosterSayNoPupils() {
        for text in ["", "\u{FEFF}", "Forename,Surname\n", "Forename,Surname\n,\n"] {
            let result = load(text)
            #expect(result.roster == nil)
            #expect(result.problems.contains { $0.severity == .error && $0.message.hasPrefix("no pupils") }, "\(text.debugDescription)")
        }
    }

    @Test func duplicatesAreMergedAcrossSpellingAndFiles() throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("a.csv", "Forename,Surname\nZoë,O'Brien\nOliver,Whitfield\n")
        let second = try folder.write("b.csv", "First Name;Last Name\nZOE;O’Brien\nAmy;Patel\n")
        let result = RosterLoader.load(paths: [first, second])
        #expect(result.problems.isEmpty)
        #expect(result.roster?.statistics == Roster.Statistics(pupils: 3, distinctForenames: 3, distinctSurnames: 3, duplicates: 1))
    }

    @Test func missingFileIsAProblemNamingTheFile() {
        let result = RosterLoader.load(paths: ["/nonexistent/pupils.csv"])
        #expect(result.problems.first?.path == "/nonexistent/pupils.csv")
        #expect(result.hasErrors)
    }

    @Test func storeLoadsOnceAndReportsProblemsOnce() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pupils.csv", "Forename,Surname\nOliver\n")
        let store = RosterStore()
        let first = store.roster(for: [path])
        let second = store.roster(for: [path])
        #expect(first.newProblems.contains { $0.position?.line == 2 })
        #expect(second.newProblems.isEmpty)
    }
}
