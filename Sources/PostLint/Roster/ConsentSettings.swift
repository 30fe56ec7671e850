/// Which roster columns hold consent and which values mean yes or no (`roster-consent:` in
/// .postlint.yml). MIS exports name the column differently ("Photo consent", "Consent: internet")
/// and write Y/N, Yes/No or True/False, so both are configurable; headers and values are compared
/// without regard to case, and headers as `RosterHeader` normalises them.
///
/// A blank value is unknown (today's levels). A value that is neither a yes nor a no is read as
/// no consent, and `RosterLoader` warns: a school whose MIS writes "Refused" or "Pending" is safer
/// with an error than with a warning, and the warning tells it to list its own values.
public struct ConsentSettings: Sendable, Hashable {
    public static let defaultColumns = [
        "Photo consent", "Media consent", "Website consent", "Consent: internet", "Internet consent",
        "Consent: photo", "Consent: website", "Consent: media", "Photography consent", "Social media consent",
    ]
    public static let defaultYes = ["Y", "Yes", "True", "1"]
    public static let defaultNo = ["N", "No", "False", "0"]

    /// Header names of consent columns; every one present is read, and any "no" among them wins.
    public var columns: [String] = ConsentSettings.defaultColumns
    public var yes: [String] = ConsentSettings.defaultYes
    public var no: [String] = ConsentSettings.defaultNo

    public init() {}

    /// The values folded once, for reading every row of a file.
    struct Values {
        private let yes: Set<String>
        private let no: Set<String>

        init(_ settings: ConsentSettings) {
            yes = Set(settings.yes.map(Values.fold))
            no = Set(settings.no.map(Values.fold))
        }

        /// A consent cell: its state, and whether it was one of the known yes or no values.
        func read(_ value: String) -> (consent: Consent, recognised: Bool) {
            let folded = Values.fold(value)
            if folded.isEmpty { return (.unknown, true) }
            if yes.contains(folded) { return (.given, true) }
            return (.refused, no.contains(folded))
        }

        private static func fold(_ value: String) -> String {
            TextNormalizer.fold(value).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The header names as `RosterHeader` compares them.
    var normalisedColumns: Set<String> { Set(columns.map(RosterHeader.normalisedName)) }
}
