/// `contact-phone`: telephone numbers other than the school's own — UK mobiles, landlines and
/// non-geographic numbers in every common spelling, international numbers in E.164 style, and
/// `tel:` links. See `PhoneScanner` for what counts as a number and what does not.
package struct ContactPhoneCheck: Check {
    package init() {}

    private static let scanner = PhoneScanner()

    package var descriptor: CheckDescriptor { ContactPhoneCheck.staticDescriptor }

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let school = SchoolContacts.of(context.configuration.school)
        var findings: [Finding] = []
        ContactScope.forEachMatch(in: document, scope: ContactScope.proseAndLinks, with: .digits,
                                  scan: ContactPhoneCheck.scanner.scan, range: \.range) { block, match, written in
            if school.phones.contains(match.canonical) { return }
            findings.append(Finding(range: block.sourceRange(match.range),
                                    message: ContactPhoneCheck.message(for: match, written: written)))
        }
        return findings
    }

    static func message(for match: PhoneScanner.Match, written: String) -> String {
        let what: String
        if !match.isUK {
            what = "an international phone number"
        } else if match.canonical.hasPrefix("07") {
            what = "a mobile phone number"
        } else {
            what = "a phone number"
        }
        return "\u{201C}\(written)\u{201D} is \(what) that is not one of the school's official numbers; "
            + "official posts must not give out personal contact details"
    }

    static let staticDescriptor = CheckDescriptor(
        id: "contact-phone",
        title: "Personal phone number",
        explanation: """
            A phone number in an official post that is not one of the school's own (a member of staff's \
            mobile or home number, a parent's number) gives out personal contact details to anyone who \
            reads the site. UK mobiles, landlines and non-geographic numbers are recognised in every common \
            spelling (spaces, hyphens, dots, brackets, +44 and (0)), as are international numbers written \
            with a + and tel: links. Dates, times, prices, years, ranges, ISBNs and numbers labelled as \
            order, reference, invoice, account, charity or company numbers are not phone numbers.
            """,
        policy: PolicyClause(section: "8", heading: "Content of Webspace",
                             text: "Staff members must never give out their personal information such as home contact details or home email addresses on these sites."),
        defaultLevel: .error,
        help: """
            Remove the number and give the school office number instead (or a contact form). If the number \
            is one of the school's official numbers, add it to `school.phones` in .postlint.yml. There is no \
            automatic fix: only you know which official number replaces it.
            """,
        tags: ["privacy"],
        triggeringExamples: [
            CheckExample("For questions about the trip, text Mr Jones on «07700 900123»."),
            CheckExample("You can talk to the Samaritans any time on «116 123»."),
            CheckExample("Out of hours, please call NHS 24 on «111», or ring the police on «101»."),
            CheckExample("Call Mrs Patel at home on «(01625) 496000» after 6pm."),
            CheckExample("Her mobile is «+44 (0)7700 900 123» if you need her over the weekend."),
            CheckExample("WhatsApp the group: «+447700900123»."),
            CheckExample("Lifts: ring «07700-900-124» or «0161 496 0000»."),
            CheckExample("Our exchange school's coordinator: «+33 1 23 45 67 89»."),
            CheckExample("Volunteers can reach Dave on «020 7946 0999» (evenings) or «0044 7700 900125»."),
            CheckExample("Mobile: «07700.900.126». Tel:«01632960001»"),
            CheckExample("The coach company's driver, «+1 (555) 234-5678», will meet us at the airport."),
            CheckExample("<p>Questions? Ring <a href=\"tel:«07700900127»\">Mrs Smith's mobile</a>.</p>", format: .html),
            CheckExample("<p>Contact Miss Green on <strong>«07700 900128»</strong> to book.</p>", format: .html),
            CheckExample("Text the team on [«07700 900129»](tel:«+447700900129») to join.", format: .markdown),
            CheckExample("<p>Call <a href=\"tel:«07700900130»\">«07700&nbsp;900130»</a> today.</p>", format: .html),
            CheckExample("<img src=\"flyer.png\" alt=\"Flyer: call Jo on «07700 900131»\">", format: .html),
            CheckExample("Children can call Childline free on «0800 1111», day or night."),
        ],
        nonTriggeringExamples: [
            CheckExample("The trip is on 12/09/2026 and the deadline is 2026-09-12 (or 12.09.26)."),
            CheckExample("Doors open at 10:30 and the show starts at 3.15pm."),
            CheckExample("Room 101 raised £111; 999 children took part and 112 came on 111 buses. In an emergency, dial 999."),
            CheckExample("The new roof cost £1,200.50 and the project ran from 2019-2024 (1998–2003 before that)."),
            CheckExample("Order no. 0123456789 has been delivered; Ref: 01234 567890."),
            CheckExample("This term's book is ISBN 978-0-14-032872-1 (also listed as 9780140328721)."),
            CheckExample("Read more at https://example.org/news/0770090012345 and https://wa.me/?page=07700900123."),
            CheckExample("We raised 1250000 pence and walked 12 345 678 steps in 14 days."),
            CheckExample("Registered charity number 1234567; company no. 01234567."),
            CheckExample("Please contact the school office, not individual staff, with any questions."),
            CheckExample("Pupil reference 07700 900 12 is not a phone number, nor is 0770 09."),
            CheckExample("<p>The fair raised £3,450 on 14/06/2025 between 10:00 and 14:30.</p>", format: .html),
            CheckExample("<p>Format numbers like <code>07700 900123</code>:</p><pre>tel = 01632 960000</pre>", format: .html),
            CheckExample("Call the office on 01625 000000 or +44 (0)1625 000000.",
                         configuration: "school:\n  phones: [\"01625 000000\"]\n"),
            CheckExample("The coach leaves at 0800 and is back by 1730; 0800 is an early start."),
            CheckExample("## Results\n\nYear 6 scored 98.5% in 2024 – up from 97.25% in 2023.", format: .markdown),
        ])
}
