import Foundation

/// What loading one or more roster files produced: the compiled roster (nil when nothing usable was
/// read), problems with file and line, and per-file facts for `postlint roster check`. Nothing here
/// holds a pupil's name.
package struct RosterLoadResult: Sendable {
    package struct FileSummary: Sendable, Hashable {
        package var path: String
        /// Data rows read (header excluded, blank lines skipped).
        package var rows: Int
        /// Recognised headers as written, with the role each was read as ("Legal Forename → forename").
        package var columns: [String]
        /// The field delimiter, as a name: "comma", "semicolon" or "tab".
        package var delimiter: String
        package var encoding: String
        /// The header has a consent column (`ConsentSettings.columns`).
        package var hasConsentColumns = false
        /// A sealed roster (its pupils counted in `rows`; no columns or delimiter).
        package var isSealed = false
    }

    package var roster: Roster?
    package var problems: [Problem]
    package var files: [FileSummary]

    package var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// Reads roster CSV files exported by a school MIS (SIMS, Arbor, Bromcom…) into pupils.
///
/// Encodings: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Excel's
/// "Unicode text"), and anything else that is not valid UTF-8 is read as Windows-1252, the encoding
/// of Excel's plain "CSV" on Windows (with a warning, so the school knows).
///
/// Errors: a header without name columns (listing the headers found and the names expected), a row
/// with fewer fields than the header (naming its line), a quoted field never closed, no pupils at all.
/// Rows with errors are skipped; the rest of the file is still used, because a partial roster protects
/// more pupils than none — the errors still make the run fail.
package enum RosterLoader {
    package static func load(paths: [String], options: RosterLoadOptions = RosterLoadOptions()) -> RosterLoadResult {
        var gathered = Gathered()
        for path in paths {
            if let sealed = gather(path, consent: options.consent, into: &gathered) {
                return loadSealed(sealed, path: path, paths: paths, options: options)
            }
        }
        return finish(pupils: gathered.pupils, problems: gathered.problems, files: gathered.files, paths: paths)
    }

    /// Loads a roster file's bytes held in memory (any of the encodings above, or sealed) as if read from `path`.
    package static func load(bytes: [UInt8], path: String = "roster.csv", options: RosterLoadOptions = RosterLoadOptions())
        -> RosterLoadResult {
        if SealedRosterWriter.isSealed(bytes) { return loadSealed(bytes, path: path, paths: [path], options: options) }
        let read = read(bytes: bytes, path: path, consent: options.consent)
        return finish(pupils: read.pupils, problems: read.problems, files: [read.summary], paths: [path])
    }

    /// Loads roster text held in memory (examples, tests, an editor buffer) as if read from `path`.
    package static func load(text: String, path: String = "roster.csv", options: RosterLoadOptions = RosterLoadOptions())
        -> RosterLoadResult {
        load(bytes: Array(text.utf8), path: path, options: options)
    }

    /// The pupils of CSV files, for sealing: nil pupils when a file has errors (a sealed roster made
    /// from part of an export would leave the rest of the pupils unprotected without a word).
    static func pupils(paths: [String], options: RosterLoadOptions)
        -> (pupils: [Pupil]?, hasConsentData: Bool, result: RosterLoadResult) {
        var gathered = Gathered()
        for path in paths {
            guard gather(path, consent: options.consent, into: &gathered) != nil else { continue }
            gathered.problems.append(Problem(severity: .error, path: path,
                                             message: "this is a sealed roster already; seal the MIS export (CSV) instead"))
        }
        if gathered.pupils.isEmpty { gathered.problems += noPupils(problems: gathered.problems, paths: paths) }
        let result = RosterLoadResult(roster: nil, problems: gathered.problems, files: gathered.files)
        return (result.hasErrors ? nil : gathered.pupils, gathered.files.contains(where: \.hasConsentColumns), result)
    }

    /// What the CSV files of one load add up to, in the order of `paths`.
    private struct Gathered {
        var pupils: [Pupil] = []
        var problems: [Problem] = []
        var files: [RosterLoadResult.FileSummary] = []
    }

    /// Reads one CSV file into `gathered` (a file that cannot be read is a problem), or returns the
    /// bytes of a sealed one untouched: what a sealed file means is the caller's to say.
    private static func gather(_ path: String, consent: ConsentSettings, into gathered: inout Gathered) -> [UInt8]? {
        let bytes: [UInt8]
        do {
            bytes = try FileContents.read(path)
        } catch {
            gathered.problems.append(Problem(severity: .error, path: path, message: "the roster cannot be read: \(error.description)"))
            return nil
        }
        if SealedRosterWriter.isSealed(bytes) { return bytes }
        let read = read(bytes: bytes, path: path, consent: consent)
        gathered.pupils += read.pupils
        gathered.problems += read.problems
        gathered.files.append(read.summary)
        return nil
    }

    /// A sealed roster, which must be the only roster file: its key is resolved only now.
    private static func loadSealed(_ bytes: [UInt8], path: String, paths: [String], options: RosterLoadOptions) -> RosterLoadResult {
        guard paths.count == 1 else {
            return RosterLoadResult(roster: nil, problems: [Problem(
                severity: .error, path: path,
                message: "a sealed roster must be the only file in `roster:`; seal all the CSV exports into one "
                    + "(`postlint roster seal a.csv b.csv --output pupils.sealed`)")], files: [])
        }
        var summary = RosterLoadResult.FileSummary(path: path, rows: 0, columns: [], delimiter: "", encoding: "sealed")
        summary.isSealed = true
        let opened = options.key.resolve().flatMap { key in SealedRosterReader.read(bytes, path: path, key: key) }
        switch opened {
        case .success(let roster):
            summary.rows = roster.statistics.pupils
            summary.hasConsentColumns = roster.statistics.consent != nil
            return RosterLoadResult(roster: roster, problems: [], files: [summary])
        case .failure(let error):
            var message = error.message
            if !message.contains(path) { message = "cannot open the sealed roster \(path): " + message }
            return RosterLoadResult(roster: nil, problems: [Problem(severity: .error, path: path, message: message)],
                                    files: [summary])
        }
    }

    private static func finish(pupils: [Pupil], problems: [Problem], files: [RosterLoadResult.FileSummary],
                               paths: [String]) -> RosterLoadResult {
        guard !pupils.isEmpty else {
            return RosterLoadResult(roster: nil, problems: problems + noPupils(problems: problems, paths: paths), files: files)
        }
        let hasConsentData = files.contains(where: \.hasConsentColumns)
        return RosterLoadResult(roster: Roster(pupils: pupils, hasConsentData: hasConsentData), problems: problems, files: files)
    }

    /// The error for rosters without pupils, unless an error already says why.
    private static func noPupils(problems: [Problem], paths: [String]) -> [Problem] {
        guard !problems.contains(where: { $0.severity == .error }) else { return [] }
        let names = paths.count == 1 ? "the roster" : "the rosters"
        return [Problem(severity: .error, path: paths.first ?? "roster",
                        message: "no pupils: \(names) \(paths.count == 1 ? "has" : "have") a header but no rows with names")]
    }

    // MARK: One file

    static func read(bytes raw: [UInt8], path: String, consent: ConsentSettings = ConsentSettings())
        -> (pupils: [Pupil], problems: [Problem], summary: RosterLoadResult.FileSummary) {
        var problems: [Problem] = []
        func problem(_ severity: ReadProblem.Severity, _ line: Int?, _ message: String) {
            problems.append(Problem(severity: severity, path: path,
                                    position: line.map { SourcePosition(line: $0, column: 1) }, message: message))
        }
        let (bytes, encoding) = decode(raw)
        if encoding == "windows-1252" {
            problem(.warning, nil, "the roster is not UTF-8; it was read as Windows-1252 (save it as \"CSV UTF-8\" to be sure accented names match)")
        }
        let reader = CSVReader(bytes: bytes)
        var summary = RosterLoadResult.FileSummary(path: path, rows: 0, columns: [],
                                                   delimiter: delimiterName(reader.delimiter), encoding: encoding)
        var header: RosterHeader?
        var pupils: [Pupil] = []
        pupils.reserveCapacity(bytes.count / 40)
        var shortRows: [Int] = []
        var namelessRows: [Int] = []
        /// Rows with a surname and no forename: a forename column the header did not show as one.
        var forenamelessRows: [Int] = []
        /// Rows whose consent value is neither a yes nor a no (read as no consent).
        var unrecognisedConsent: [Int] = []
        let consentValues = ConsentSettings.Values(consent)
        /// The consent columns, found once with the header (not looked up again for every row).
        var consentColumns: [Int] = []
        var fieldCount = 0
        let filter = CSVReader.ColumnFilter()
        do {
            try reader.forEachRecord(filter: filter) { (record: CSVReader.Record) throws(CSVReader.Failure) in
                guard let columns = header else {
                    let parsed = RosterHeader(headers: record.fields, consent: consent)
                    guard parsed.hasNameColumns else {
                        throw CSVReader.Failure(line: record.line, message: parsed.missingNameColumnsMessage())
                    }
                    header = parsed
                    consentColumns = parsed.indexes(.consent)
                    fieldCount = record.fields.count
                    var wanted = Array(repeating: false, count: fieldCount)
                    for role in [RosterHeader.Role.forename, .surname, .preferredForename, .preferredSurname, .fullName, .group,
                                 .consent] {
                        for index in parsed.indexes(role) { wanted[index] = true }
                    }
                    filter.wanted = wanted
                    return
                }
                summary.rows += 1
                if record.fields.count < fieldCount {
                    shortRows.append(record.line)
                    return
                }
                if var pupil = pupil(from: record.fields, columns) {
                    if !consentColumns.isEmpty {
                        let reading = Self.consent(of: record.fields, consentColumns, consentValues)
                        pupil.consent = reading.consent
                        if !reading.recognised { unrecognisedConsent.append(record.line) }
                    }
                    if pupil.forenames.isEmpty { forenamelessRows.append(record.line) }
                    pupils.append(pupil)
                } else {
                    namelessRows.append(record.line)
                }
            }
        } catch {
            problem(.error, error.line, error.message)
        }
        if let header {
            summary.columns = header.recognised.map { "\($0.header) → \($0.role.rawValue)" }
            summary.hasConsentColumns = !header.indexes(.consent).isEmpty
            if header.indexes(.surname).isEmpty && header.indexes(.fullName).isEmpty {
                problem(.warning, 1, "the header has no surname column: only forenames can be matched")
            }
            if header.indexes(.forename).isEmpty && header.indexes(.preferredForename).isEmpty && header.indexes(.fullName).isEmpty {
                problem(.warning, 1, "the header has no forename column: only surnames can be matched")
            }
        } else if problems.allSatisfy({ $0.severity != .error }) {
            problem(.error, nil, "no pupils: the roster is empty (it needs a header line and one row per pupil)")
        }
        for line in shortRows.prefix(20) {
            problem(.error, line, "the row has fewer fields than the header (\(fieldCount)); it was skipped")
        }
        if shortRows.count > 20 {
            problem(.error, shortRows[20], "\(shortRows.count - 20) more rows have fewer fields than the header")
        }
        if let first = unrecognisedConsent.first {
            // The values are not quoted: in a row that has slipped a column, the cell may hold a name.
            let more = unrecognisedConsent.count > 1 ? " (and \(unrecognisedConsent.count - 1) more)" : ""
            problem(.warning, first, "a consent value is neither a yes (\(consent.yes.joined(separator: ", "))) nor a no "
                    + "(\(consent.no.joined(separator: ", ")))\(more); read as no consent. List the export's own values "
                    + "under `roster-consent:` in .postlint.yml")
        }
        if let first = forenamelessRows.first, !(header.map { $0.indexes(.forename).isEmpty && $0.indexes(.preferredForename).isEmpty
                                                            && $0.indexes(.fullName).isEmpty } ?? true) {
            // ("KnownAs" read, "FirstForename" not: most pupils would be matched by surname alone, silently.)
            let more = forenamelessRows.count > 1 ? " (and \(forenamelessRows.count - 1) more)" : ""
            // Most rows without one: the forename column was missed, and the check would look for surnames alone.
            let severity: ReadProblem.Severity = forenamelessRows.count * 2 > summary.rows ? .error : .warning
            problem(severity, first, "a row has a surname but no forename\(more): only the surname can be matched. If the "
                    + "export has a forename column under another heading, rename that heading to \"Forename\"")
        }
        if let first = namelessRows.first {
            let more = namelessRows.count > 1 ? " (and \(namelessRows.count - 1) more)" : ""
            problem(.warning, first, "a row has no forename or surname\(more); skipped")
        }
        return (pupils, problems, summary)
    }

    private static func pupil(from fields: [String], _ header: RosterHeader) -> Pupil? {
        func values(_ role: RosterHeader.Role) -> [String] {
            header.indexes(role).compactMap { index in
                guard index < fields.count, !fields[index].isEmpty else { return nil }
                let value = fields[index]
                // The reader trims spaces; tabs and no-break spaces are rare enough to trim here.
                // (The tokenizer's white space test: Unicode properties cost far more, for every field.)
                if let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
                   CharacterClass.isWhitespace(first.value) || CharacterClass.isWhitespace(last.value) {
                    let trimmed = value.trimmingCharacters(in: .whitespaces)
                    return trimmed.isEmpty ? nil : trimmed
                }
                return value
            }
        }
        var forenames = values(.forename) + values(.preferredForename)
        var surnames = values(.surname) + values(.preferredSurname)
        for full in values(.fullName) {
            // SIMS writes "Surname, Forename"; others "Forename Surname".
            if let comma = full.firstIndex(of: ",") {
                surnames.append(full[..<comma].trimmingCharacters(in: .whitespaces))
                forenames.append(full[full.index(after: comma)...].trimmingCharacters(in: .whitespaces))
            } else {
                let words = full.split(separator: " ")
                if let first = words.first { forenames.append(String(first)) }
                if words.count > 1 { surnames.append(words.dropFirst().joined(separator: " ")) }
            }
        }
        forenames.removeAll { $0.isEmpty }
        surnames.removeAll { $0.isEmpty }
        guard !forenames.isEmpty || !surnames.isEmpty else { return nil }
        return Pupil(forenames: forenames, surnames: surnames, groups: values(.group))
    }

    /// The consent of a row: any no among its consent columns wins; yes needs every one to say yes.
    private static func consent(of fields: [String], _ indexes: [Int], _ values: ConsentSettings.Values)
        -> (consent: Consent, recognised: Bool) {
        var strictest = Consent.given
        var recognised = true
        for index in indexes where index < fields.count {
            let reading = values.read(fields[index])
            strictest = min(strictest, reading.consent)
            recognised = recognised && reading.recognised
        }
        return (strictest, recognised)
    }

    private static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "comma"
        }
    }

    /// The bytes as UTF-8 without a byte order mark, and the encoding they were read in.
    static func decode(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(bytes.dropFirst(3)), "UTF-8") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return (Array(String(decoding: units, as: UTF16.self).utf8), little ? "UTF-16LE" : "UTF-16BE")
        }
        if isValidUTF8(bytes) { return (bytes, "UTF-8") }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                let value = byte >= 0x80 && byte < 0xA0 ? windows1252[Int(byte - 0x80)] : UInt32(byte)
                output.append(contentsOf: Array(String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8))
            }
        }
        return (output, "windows-1252")
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Windows-1252's 0x80–0x9F (the rest of the range is Latin-1).
    private static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
