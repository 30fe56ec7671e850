/// `contact-address`: home addresses — UK postcodes and "house number + street" forms — other than
/// the school's own. See `PostcodeScanner` and `StreetAddressScanner`.
package struct ContactAddressCheck: Check {
    package init() {}

    private static let streets = StreetAddressScanner()

    package var descriptor: CheckDescriptor { ContactAddressCheck.staticDescriptor }

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let school = SchoolContacts.of(context.configuration.school)
        var findings: [Finding] = []
        for tokenized in document.blocks {
            // Postcodes and house numbers both have a digit.
            guard ContactScope.reads(tokenized, in: ContactScope.prose, with: .digits) else { continue }
            let block = tokenized.block
            let postcodes = PostcodeScanner.scan(block.text)
            for match in postcodes {
                if ContactScope.isCode(block, at: match.range.lowerBound) { continue }
                if school.postcodes.contains(match.normalized) { continue }
                let written = String(decoding: block.text[match.range], as: UTF8.self)
                findings.append(Finding(range: block.sourceRange(match.range), message: message("a postcode", written)))
            }
            for match in ContactAddressCheck.streets.scan(tokenized, postcodeStarts: postcodes.map(\.range.lowerBound)) {
                let range = tokenized.tokens[match.firstToken].range.lowerBound..<tokenized.tokens[match.lastToken].range.upperBound
                if ContactScope.isCode(block, at: range.lowerBound) { continue }
                let written = String(decoding: block.text[range], as: UTF8.self)
                if school.isSchoolAddress(written) { continue }
                findings.append(Finding(range: block.sourceRange(range), message: message("a house number and street", written)))
            }
        }
        return findings.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func message(_ what: String, _ written: String) -> String {
        "\u{201C}\(written.collapsingWhitespace)\u{201D} looks like \(what) of a home address, which is not the school's; "
            + "official posts must not give out home addresses"
    }

    static let staticDescriptor = CheckDescriptor(
        id: "contact-address",
        title: "Home address",
        explanation: """
            A home address in an official post tells anyone who reads it where a member of staff, a pupil \
            or a family lives. The check finds UK postcodes (every valid format; in upper case with or \
            without the space, in lower case only with it) and a house number followed by a street name \
            ("12 Acacia Avenue", "Flat 3, 5 Mill Lane"). A street named without a house number ("on \
            Station Road"), classrooms and year groups ("Room 12", "Year 6 Nature Walk"), dates ("12 May \
            Lane" reads as 12 May) and famous or fictional addresses ("10 Downing Street", "4 Privet \
            Drive") are not reported. The school's own addresses (`school.addresses`) and their postcodes \
            are allowed.
            """,
        policy: PolicyClause(section: "8", heading: "Content of Webspace",
                             text: "Staff members must never give out their personal information such as home contact details or home email addresses on these sites."),
        defaultLevel: .error,
        help: """
            Remove the address, or name only the area ("a street near the school") or a public meeting \
            point. If it is the school's own address, add it to `school.addresses` in .postlint.yml. There \
            is no automatic fix: only you know what the post should say instead.
            """,
        tags: ["privacy"],
        triggeringExamples: [
            CheckExample("Drop the forms off at «12 Acacia Avenue», Macclesfield «SK11 6QX»."),
            CheckExample("Mrs Green's new house is «27a Station Road»."),
            CheckExample("Collection point: «Flat 3, 5 Mill Lane»."),
            CheckExample("Lost property went to «Apartment 2, 14 The Crescent»."),
            CheckExample("The party is at «1-3 High Street» from 4pm."),
            CheckExample("Send donations to «5 St John's Road», postcode «M1 1AE»."),
            CheckExample("Postcode for the sat nav: «SW1A1AA» (or «sw1a 1aa»)."),
            CheckExample("Meet at «9 Church Green», «CH4 8RE», at noon."),
            CheckExample("Returns to «Flat 2 Mill Court», «EC1A 1BB».",
                         configuration: "school:\n  addresses: [\"Beechwood Primary School, 12 School Lane, SK10 4AB\"]\n"),
            CheckExample("<p>Parcels to <strong>«44 Oak Drive»</strong>, <em>«B33 8TH»</em>.</p>", format: .html),
            CheckExample("<img src=\"house.jpg\" alt=\"The new house at «3 Hazel Grove»\">", format: .html),
            CheckExample("# Lift share\n\nPick-up from «8 Willow Close» at 8am.", format: .markdown),
            CheckExample("Bore coffi at Tŷ Celyn, «6 Lôn y Felin», from 10am."),
            CheckExample("Hen Gapel Bethel, «11 Stryd Newydd», Llandeilo «SA19 6ZL»."),
            CheckExample("Carols at «2 Heol y Bont» and «4 Ard na Gréine»."),
            CheckExample("The party is at «12 Castle Brae»; bikes to «3 Kirk Wynd»."),
            CheckExample("Drop prizes at Heron's Farm Shop, «3 Mill Bank», Allerburn."),
            CheckExample("Classes are at the Centro Cultural, «14 La Rue des Vignes», St Helier «JE2 4ZQ»."),
            CheckExample("Drop the tins at «2 Bro Dawel», Eglwyswrw."),
            CheckExample("Leave bags in the porch at «Rowan House, 12 The Paddocks» at any time."),
            CheckExample("Collect the raffle prizes from «4 The Maltings», Exampleton."),
            CheckExample("Entries to Mrs P. Alderson, Bankside, «4 Town Foot», Hawes, «DL8 3ZA»."),
            CheckExample("Meet at the Fishermen's Mission, «7 The Strand», at 8am sharp."),
            CheckExample("Spare keys are at «Ivy Cottage, 3 Mill Lane»."),
        ],
        nonTriggeringExamples: [
            CheckExample("Room 12 and Year 6 visited the Class 4 Maple garden."),
            CheckExample("We saw 3 Gardens visited by the Queen and walked along Station Road."),
            CheckExample("Platform 9 is closed; the Year 6 Nature Walk starts at 10."),
            CheckExample("In history we learned about 10 Downing Street; in English, 4 Privet Drive."),
            CheckExample("Our school is at 12 School Lane, Macclesfield SK10 4AB.",
                         configuration: "school:\n  addresses: [\"Beechwood Primary School, 12 School Lane, Macclesfield SK10 4AB\"]\n"),
            CheckExample("The concert is on 12 May Lane End Primary will join us."),
            CheckExample("She came 2nd in the M6 2nd heat and sold 5 Lemon Cakes."),
            CheckExample("Order ref AB12CDE and product code XX1 2AA were sent."),
            CheckExample("We raised £5 Oak Park pennies and read chapter 3 The Hill."),
            CheckExample("Doors open at 6 The Hall, the library and the studio will all be open."),
            CheckExample("Rowan House, 12 pupils strong, won the cup; Oak House came 2nd."),
            CheckExample("Netball results: Y9 15-11 Penwith Park School; Y10 20-18 Mount Hawke Academy."),
            CheckExample("S1 girls' hockey: Cairnbrae 4 – 2 Westhill Brae Academy."),
            CheckExample("Since 2019, 41 Ironstone Ridge students have started apprenticeships."),
            CheckExample("<p>Test data: <code>12 Acacia Avenue, SK11 6QX</code></p>", format: .html),
            CheckExample("We walked along Lôn y Felin and Heol yr Eglwys to Maes y Deri."),
            CheckExample("Dosbarth 4 Heol walked 3 Ard miles; Year 5 Stryd won."),
            CheckExample("Use `12 Acacia Avenue` as a test string in the code club.", format: .markdown),
        ])
}
