import PostLint
import Testing

/// Table-driven tests of the contact checks through the public `Linter` API: each case is a sentence
/// and the exact texts the check must flag in it (none for a negative case).
@Suite struct ContactChecksTests {
    static let configuration: Configuration = {
        var configuration = Configuration()
        configuration.school.phones = ["01625 000000", "+44 (0)1625 000001"]
        configuration.school.domains = ["beechwood.sch.uk", "https://www.beechwoodfriends.org.uk/"]
        configuration.school.addresses = ["Beechwood Primary School, 12 School Lane, Macclesfield, Cheshire SK10 4AB"]
        return configuration
    }()

    static func flagged(_ check: any Check, _ text: String, format: DocumentFormat = .text) -> [String] {
        let linter = Linter(checks: [check])
        let name = format == .html ? "post.html" : format == .markdown ? "post.md" : "post.txt"
        let report = linter.lint(text: text, path: name, format: format, configuration: configuration)
        let bytes = Array(text.utf8)
        return report.diagnostics.map { String(decoding: bytes[$0.region.byteRange], as: UTF8.self) }
    }

    // MARK: contact-phone

    static let phonePositives: [(String, [String])] = [
        ("Call 07700 900123 today.", ["07700 900123"]),
        ("Call 07700900123.", ["07700900123"]),
        ("Call 07700-900-123!", ["07700-900-123"]),
        ("Call 07700.900.123", ["07700.900.123"]),
        ("Call 07700 900 123", ["07700 900 123"]),
        ("Call 0770 090 0123", ["0770 090 0123"]),
        ("Ring (01632) 960000 now", ["(01632) 960000"]),
        ("Ring (01632)960000", ["(01632)960000"]),
        ("Ring 01632 960000", ["01632 960000"]),
        ("Ring 0161 496 0000", ["0161 496 0000"]),
        ("Ring 0161-496-0000", ["0161-496-0000"]),
        ("Ring 020 7946 0000", ["020 7946 0000"]),
        ("Ring (020) 7946 0000", ["(020) 7946 0000"]),
        ("Ring 02079460000.", ["02079460000"]),
        ("Ring 029 2018 0000", ["029 2018 0000"]),
        ("Ring 0300 123 4567", ["0300 123 4567"]),
        ("Ring 0330 123 4567", ["0330 123 4567"]),
        ("Ring 0800 123 4567", ["0800 123 4567"]),
        ("Ring 0800 123456", ["0800 123456"]),
        ("Ring 0808 157 0000", ["0808 157 0000"]),
        ("Ring 0845 600 0000", ["0845 600 0000"]),
        ("Ring 0870 123 4567", ["0870 123 4567"]),
        ("Ring 016977 3456", ["016977 3456"]),
        ("Ring 01204 12345", ["01204 12345"]),
        ("Mob: +44 7700 900123", ["+44 7700 900123"]),
        ("Mob: +44 (0)7700 900123", ["+44 (0)7700 900123"]),
        ("Mob: +44(0)7700 900123", ["+44(0)7700 900123"]),
        ("Mob: +447700900123.", ["+447700900123"]),
        ("Mob: +44-7700-900123", ["+44-7700-900123"]),
        ("Mob: 0044 7700 900123", ["0044 7700 900123"]),
        ("Mob:07700 900123", ["07700 900123"]),
        ("Tel. 01632 960001", ["01632 960001"]),
        ("Paris office: +33 1 23 45 67 89.", ["+33 1 23 45 67 89"]),
        ("US: +1 (555) 234-5678", ["+1 (555) 234-5678"]),
        ("US: +1 555 234 5678", ["+1 555 234 5678"]),
        ("Dublin: +353 1 234 5678", ["+353 1 234 5678"]),
        ("Berlin: +49.30.1234567", ["+49.30.1234567"]),
        ("Madrid: 0034 912 345 678", ["0034 912 345 678"]),
        ("Either 07700 900123 or 07700 900124.", ["07700 900123", "07700 900124"]),
        ("Numbers: 07700 900123, 01632 960002; 0113 496 0000", ["07700 900123", "01632 960002", "0113 496 0000"]),
        ("(07700 900123)", ["07700 900123"]),
        ("“07700 900123”", ["07700 900123"]),
        ("Call 07700 900123. 5 children came.", ["07700 900123"]),
        ("Call 07700 900123 5 times", ["07700 900123"]),
        ("Call 07700 900123 - 07700 900124", ["07700 900123", "07700 900124"]),
        ("Call 07700 900123 ext. 12", ["07700 900123"]),
        ("Year 6 07700 900123", ["07700 900123"]),
        ("Tel 07700\u{00A0}900123 please", ["07700\u{00A0}900123"]),
    ]

    static let phoneNegatives: [String] = [
        "The trip is on 12/09/2026.",
        "Deadline 2026-09-12.",
        "Deadline 12.09.26 and 01.09.2026.",
        "From 01/09/2026 to 07/09/2026.",
        "Doors open at 10:30.",
        "Starts at 3.15pm and ends 15:45:00.",
        "It cost £1,200.50.",
        "It cost £1200 or €1500 or $1,500,000.",
        "We ran 2019-2024 and 1998–2003.",
        "The 2019 - 2024 plan.",
        "We walked 12 km and 3000000 steps.",
        "Order no. 0123456789 shipped.",
        "Order number: 07700 900123.",
        "Ref: 01234 567890.",
        "Reference 07700900123",
        "Invoice #07700 900123",
        "Account number 01632 960000",
        "Registered charity number 1234567.",
        "Company registration no. 01234567.",
        "Company No 07700900",
        "ISBN 978-0-14-032872-1.",
        "ISBN 0-14-032872-1.",
        "The book 9780140328721 arrived.",
        "See https://example.org/news/07700900123.",
        "See https://example.org/?tel=07700900123.",
        "See example.org/page-07700900123.",
        "A 15-digit string 012345678901234.",
        "A 12-digit string 077009001234.",
        "A 9-digit 077009001.",
        "Ring 06123 456789",
        "Ring 04123 456789",
        "Ring 01234 56789",
        "Ring 0 7 7 0 0 9 0 0 1 2 3",
        "Call the office on 01625 000000.",
        "Call the office on +44 1625 000000.",
        "Call the office on (01625) 000 001.",
        "Scores: +10 000 000 views and +250,000 likes.",
        "Result 2+07700900123",
        "Code ABC07700900123",
        "Email 07700900123@example.org",
        "Temperature rose 0.5 degrees in 2023.",
        "Year 6 scored 98.5% in 2024.",
        "The URN is 123456 and UKPRN 10012345.",
        "URN: 0123456789",
        "Population 1 234 567 890 people",
        "+1 (123) 456-7890 is not a valid North American number.",
        "Pupil 07700 900 12.",
    ]

    @Test(arguments: phonePositives)
    func phoneNumbersAreFlagged(_ testCase: (String, [String])) {
        #expect(Self.flagged(ContactPhoneCheck(), testCase.0) == testCase.1, "in: \(testCase.0)")
    }

    @Test(arguments: phoneNegatives)
    func notPhoneNumbers(_ text: String) {
        #expect(Self.flagged(ContactPhoneCheck(), text) == [], "in: \(text)")
    }

    @Test func phoneMessageSaysWhatAndWhy() {
        let report = Linter(checks: [ContactPhoneCheck()]).lint(text: "Text me on 07700 900123.", path: "a.txt", format: .text)
        #expect(report.diagnostics.first?.message.contains("mobile phone number") == true)
        #expect(report.diagnostics.first?.level == .error)
    }

    // MARK: contact-email

    static let emailPositives: [(String, [String])] = [
        ("Email jane@gmail.com today.", ["jane@gmail.com"]),
        ("Email jane.smith@gmail.com.", ["jane.smith@gmail.com"]),
        ("Email jane_smith-84@hotmail.co.uk!", ["jane_smith-84@hotmail.co.uk"]),
        ("Email a.b+pta@outlook.com, thanks", ["a.b+pta@outlook.com"]),
        ("Email JANE@GMAIL.COM", ["JANE@GMAIL.COM"]),
        ("(jane@gmail.com)", ["jane@gmail.com"]),
        ("<jane@gmail.com>", ["jane@gmail.com"]),
        ("mailto:jane@gmail.com?subject=Hi", ["jane@gmail.com"]),
        ("Email coach@riversidefc.org.uk", ["coach@riversidefc.org.uk"]),
        ("Email jane@beechwood.sch.uk.evil.com", ["jane@beechwood.sch.uk.evil.com"]),
        ("Email jane@notbeechwood.sch.uk", ["jane@notbeechwood.sch.uk"]),
        ("Write to jane at gmail dot com", ["jane at gmail dot com"]),
        ("Write to jane AT gmail DOT com", ["jane AT gmail DOT com"]),
        ("Write to jane [at] gmail [dot] com", ["jane [at] gmail [dot] com"]),
        ("Write to jane[at]gmail[dot]com", ["jane[at]gmail[dot]com"]),
        ("Write to jane[at]gmail.com", ["jane[at]gmail.com"]),
        ("Write to jane(at)example.com", ["jane(at)example.com"]),
        ("Write to jane (at) example (dot) org", ["jane (at) example (dot) org"]),
        ("Write to jane @ example . com", ["jane @ example . com"]),
        ("Write to jane @ gmail.com", ["jane @ gmail.com"]),
        ("Write to jane at yahoo dot co dot uk", ["jane at yahoo dot co dot uk"]),
        ("Write to jane.s at gmail.com", ["jane.s at gmail.com"]),
        ("Write to jane at gmail.com", ["jane at gmail.com"]),
        ("Write to jane{at}icloud{dot}com", ["jane{at}icloud{dot}com"]),
        ("Two: a@gmail.com and b@yahoo.com", ["a@gmail.com", "b@yahoo.com"]),
    ]

    static let emailNegatives: [String] = [
        "Email office@beechwood.sch.uk.",
        "Email head@mail.beechwood.sch.uk.",
        "Email OFFICE@BEECHWOOD.SCH.UK",
        "Email pta@beechwoodfriends.org.uk",
        "Write to office at beechwood dot sch dot uk",
        "Follow @BeechwoodPS on Twitter.",
        "Follow us @beechwood_primary and @Beechwood.PS",
        "See x.com/@BeechwoodPS",
        "Meet at school dot 3pm.",
        "Meet at the gate at 3pm.",
        "Find out more at nhs.uk.",
        "Find out more at www.bbc.co.uk/bitesize.",
        "We had fun at Chester Zoo. Competition next.",
        "Use logo@2x.png here.",
        "10 @ 3 points",
        "The price is 2 @ £3.",
        "jane@localhost is not public",
        "Look at school dot com",
        "Contact us at the office.",
        "Run `jane@gmail.com` in code.",
        "An email@ with no domain and @gmail.com with no name.",
    ]

    @Test(arguments: emailPositives)
    func emailAddressesAreFlagged(_ testCase: (String, [String])) {
        #expect(Self.flagged(ContactEmailCheck(), testCase.0, format: .markdown) == testCase.1, "in: \(testCase.0)")
    }

    @Test(arguments: emailNegatives)
    func notEmailAddresses(_ text: String) {
        #expect(Self.flagged(ContactEmailCheck(), text, format: .markdown) == [], "in: \(text)")
    }

    @Test func emailMessageNamesTheDomain() {
        let report = Linter(checks: [ContactEmailCheck()]).lint(text: "Write to jane at gmail dot com.", path: "a.txt", format: .text)
        #expect(report.diagnostics.first?.message.contains("a personal email address (gmail.com)") == true)
    }

    // MARK: contact-address

    static let addressPositives: [(String, [String])] = [
        ("Post to SK11 6QX please.", ["SK11 6QX"]),
        ("Post to SK116QX please.", ["SK116QX"]),
        ("Post to sk11 6qx please.", ["sk11 6qx"]),
        ("Post to M1 1AE.", ["M1 1AE"]),
        ("Post to B33 8TH.", ["B33 8TH"]),
        ("Post to CR2 6XH.", ["CR2 6XH"]),
        ("Post to DN55 1PT.", ["DN55 1PT"]),
        ("Post to W1A 0AX.", ["W1A 0AX"]),
        ("Post to EC1A 1BB.", ["EC1A 1BB"]),
        ("Post to GIR 0AA.", ["GIR 0AA"]),
        ("(LS1 4AP)", ["LS1 4AP"]),
        ("She lives at 12 Acacia Avenue.", ["12 Acacia Avenue"]),
        ("She lives at 27a Station Road now.", ["27a Station Road"]),
        ("She lives at 221B Market Street.", ["221B Market Street"]),
        ("Flat 3, 5 Mill Lane", ["Flat 3, 5 Mill Lane"]),
        ("Apartment 2, 14 The Crescent", ["Apartment 2, 14 The Crescent"]),
        ("Unit 5, 12 Brook Way", ["Unit 5, 12 Brook Way"]),
        ("at 1-3 High Street.", ["1-3 High Street"]),
        ("at 5 St John's Road.", ["5 St John's Road"]),
        ("at 5 St. John's Road.", ["5 St. John's Road"]),
        ("at 7 Church Hill Road, Leeds", ["7 Church Hill Road"]),
        ("at 16 Oak Rd.", ["16 Oak Rd"]),
        ("at 16 Oak Rd, LS6 2QT", ["16 Oak Rd", "LS6 2QT"]),
        ("Address: 3 Willow Close, Sale M33 7ZZ", ["3 Willow Close", "M33 7ZZ"]),
    ]

    static let addressNegatives: [String] = [
        "Room 12 was busy.",
        "Year 6 went out.",
        "Class 4 Maple won.",
        "We saw 3 Gardens visited by the Queen.",
        "Platform 9 and three quarters.",
        "We walked along Station Road.",
        "Meet on Station Road by the gate.",
        "The 5 Mile Walk was fun.",
        "Year 6 Nature Walk today.",
        "Unit 3 Forest Walk begins.",
        "10 Downing Street is where the Prime Minister lives.",
        "4 Privet Drive is in Harry Potter.",
        "Our school, 12 School Lane, Macclesfield, SK10 4AB.",
        "School postcode SK104AB.",
        "The concert is on 12 May Lane End will sing.",
        "She came 2nd in the M6 2nd heat.",
        "Grade b1 1st attempt.",
        "Product code sk104ab and AB12CDE.",
        "Write to QA1 1AA or VX2 3BB.",
        "Inward codes never use C: SK10 4CA.",
        "It cost £5 Oak Park tokens.",
        "Page 12 Castle Hill chapter.",
        "It was 3pm Market Square.",
        "Use `12 Acacia Avenue` in code.",
        "https://maps.example.org/SK10-4AB/12",
    ]

    @Test(arguments: addressPositives)
    func addressesAreFlagged(_ testCase: (String, [String])) {
        #expect(Self.flagged(ContactAddressCheck(), testCase.0, format: .markdown) == testCase.1, "in: \(testCase.0)")
    }

    @Test(arguments: addressNegatives)
    func notAddresses(_ text: String) {
        #expect(Self.flagged(ContactAddressCheck(), text, format: .markdown) == [], "in: \(text)")
    }

    @Test func addressMessagesSayWhatWasFound() {
        let report = Linter(checks: [ContactAddressCheck()]).lint(text: "At 12 Acacia Avenue, SK11 6QX.", path: "a.txt", format: .text)
        #expect(report.diagnostics.map(\.message).contains { $0.contains("a house number and street") })
        #expect(report.diagnostics.map(\.message).contains { $0.contains("a postcode") })
    }
}
