/// Which columns of a roster export hold names, recognised by header text, case-insensitively.
/// SIMS, Arbor, Bromcom and hand-made spreadsheets spell them differently ("Forename", "Legal
/// Forename", "First Name", "Preferred First Name", "Known As", iSAMS's "txtForename"…); a header is
/// normalised (a database type prefix dropped, camel case spaced, folded, `_`/`-`/`.` read as spaces,
/// a leading "pupil"/"student"/"child"/"legal" dropped) and looked up.
struct RosterHeader: Sendable {
    enum Role: String, Sendable, CaseIterable {
        case forename
        case surname
        case preferredForename = "preferred forename"
        case preferredSurname = "preferred surname"
        case fullName = "full name"
        case year
        /// Registration group, class, form or house: named groups ("Oak", "Kingfishers") are things, not pupils.
        case group
        /// Whether the family consented to the child being named or shown (`ConsentSettings.columns`).
        case consent
    }

    /// Column indexes for each role (an export may carry both legal and preferred columns).
    private(set) var columns: [Role: [Int]] = [:]
    /// The recognised headers as written, with their role, for `roster check`.
    private(set) var recognised: [(header: String, role: Role)] = []
    let headers: [String]

    /// The header names accepted for each role, as documented in the error message.
    static let expectedNames: [(Role, [String])] = [
        (.forename, ["forename", "first name", "legal forename", "legal first name", "given name"]),
        (.surname, ["surname", "last name", "legal surname", "legal last name", "family name"]),
        (.preferredForename, ["preferred forename", "preferred first name", "preferred name", "known as"]),
        (.preferredSurname, ["preferred surname", "preferred last name"]),
        (.fullName, ["name", "full name", "pupil name"]),
        (.year, ["year", "year group", "stage"]),
        (.group, ["reg", "reg group", "registration group", "class", "form", "tutor group"]),
    ]

    private static let lookup: [String: Role] = {
        var table: [String: Role] = [:]
        for (role, names) in expectedNames { for name in names { table[name] = role } }
        // Spellings without the space and other common variants.
        let extra: [String: Role] = [
            "forenames": .forename, "firstname": .forename, "first names": .forename, "first": .forename,
            "first forename": .forename, "firstforename": .forename, "forename1": .forename, "first given name": .forename,
            "givenname": .forename, "given names": .forename, "christian name": .forename,
            "lastname": .surname, "last": .surname, "familyname": .surname,
            "preferredname": .preferredForename, "preferred forenames": .preferredForename, "knownas": .preferredForename,
            "chosen name": .preferredForename, "preferred given name": .preferredForename,
            "fullname": .fullName, "student name": .fullName, "child name": .fullName,
            "yeargroup": .year, "year grp": .year, "nc year": .year, "yr": .year, "registration": .group,
            "registration form": .group, "reg form": .group, "form group": .group, "tutor": .group, "house": .group,
            "form class": .group, "class name": .group, "registration class": .group, "houses": .group,
            "reg grp": .group, "tutor grp": .group, "form tutor group": .group, "regroup": .group,
            // iSAMS: "txtPreName" (the name a pupil is known by), "txtBoardingHouse".
            "pre name": .preferredForename, "prename": .preferredForename, "boarding house": .group,
            "academic house": .group, "school house": .group, "house name": .group, "house group": .group,
            "pastoral house": .group,
        ]
        table.merge(extra) { current, _ in current }
        return table
    }()

    /// Reads `headers`; a header named in `consent` is a consent column before anything else.
    init(headers: [String], consent: ConsentSettings = ConsentSettings()) {
        self.headers = headers
        let consentNames = consent.normalisedColumns
        for (index, header) in headers.enumerated() {
            if consentNames.contains(Self.normalisedName(header)) {
                columns[.consent, default: []].append(index)
                recognised.append((header, .consent))
                continue
            }
            guard let role = RosterHeader.role(of: header) else { continue }
            columns[role, default: []].append(index)
            recognised.append((header, role))
        }
        // A "Name" column only counts when there are no separate name columns.
        if columns[.forename] != nil || columns[.surname] != nil, let full = columns[.fullName] {
            columns[.fullName] = nil
            recognised.removeAll { entry in full.contains { headers[$0] == entry.header } && entry.role == .fullName }
        }
    }

    static func role(of header: String) -> Role? {
        var words = normalise(header)
        if let role = lookup[words.joined(separator: " ")] { return role }
        // "Pupil Forename", "Student Surname", "Child's Legal Forename"…
        while let first = words.first, ["pupil", "pupils", "student", "students", "child", "child's", "childs", "learner"].contains(first) {
            words.removeFirst()
            if let role = lookup[words.joined(separator: " ")] { return role }
        }
        return nil
    }

    /// A header as compared with configured names: folded words joined by single spaces.
    static func normalisedName(_ header: String) -> String { normalise(header).joined(separator: " ") }

    private static func normalise(_ header: String) -> [String] {
        let folded = TextNormalizer.fold(splittingCamelCase(droppingTypePrefix(header)))
        return folded.split { $0 == " " || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\t" || $0 == ":" || $0 == "(" || $0 == ")" }
            .map(String.init)
    }

    /// A database field's name without its type prefix, as iSAMS and SQL exports write them:
    /// "txtForename", "intNCYear", "strSurname" (a lower-case prefix, then a capital).
    private static func droppingTypePrefix(_ header: String) -> Substring {
        for prefix in ["txt", "int", "str", "dte", "bln", "chr"] where header.hasPrefix(prefix) {
            let rest = header.dropFirst(prefix.count)
            if let first = rest.first, first.isUppercase { return rest }
        }
        return header[...]
    }

    /// Words run together in camel case, spaced: "PreName" → "Pre Name", "NCYear" → "NC Year",
    /// "KnownAs" → "Known As".
    private static func splittingCamelCase(_ header: Substring) -> String {
        var result = ""
        let characters = Array(header)
        for (index, character) in characters.enumerated() {
            if index > 0, character.isUppercase {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || (previous.isUppercase && nextIsLower) { result.append(" ") }
            }
            result.append(character)
        }
        return result
    }

    var hasNameColumns: Bool {
        columns[.forename] != nil || columns[.surname] != nil || columns[.preferredForename] != nil || columns[.fullName] != nil
    }

    func indexes(_ role: Role) -> [Int] { columns[role] ?? [] }

    /// Header words that are not name or year columns but are safe to quote back. Any other cell is
    /// named by its column number: a roster saved without its header row has a pupil's name there.
    private static let otherKnownHeaders: Set<String> = [
        "upn", "dob", "date of birth", "birth date", "gender", "sex", "consent", "photo consent", "media consent",
        "id", "pupil id", "adno", "admission number", "admission no", "email", "address", "postcode", "sen",
        "fsm", "pupil premium", "ethnicity", "notes", "status", "house group", "uln", "age",
    ]

    /// A header cell as a message may show it: quoted when it is a known header word (a consent column
    /// among them), else its column.
    func describe(column index: Int) -> String {
        let header = headers[index]
        let words = Self.normalise(header).joined(separator: " ")
        let known = Self.role(of: header) != nil || Self.otherKnownHeaders.contains(words) || columns[.consent]?.contains(index) == true
        return known ? "\"\(header)\"" : "column \(index + 1)"
    }

    /// The message for a header without name columns: the headers found and the names expected.
    func missingNameColumnsMessage() -> String {
        let found = headers.isEmpty ? "none" : headers.indices.map(describe(column:)).joined(separator: ", ")
        let expected = RosterHeader.expectedNames.filter { $0.0 != .year && $0.0 != .group }.map { role, names in
            "\(role.rawValue): \(names.joined(separator: " / "))"
        }.joined(separator: "; ")
        return "the header has no name columns. Headers found: \(found). Expected (any case) — \(expected)"
    }
}
