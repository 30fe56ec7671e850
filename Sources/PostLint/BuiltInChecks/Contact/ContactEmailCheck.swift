/// `contact-email`: email addresses outside the school's own domains — plain, in `mailto:` links,
/// and lightly obfuscated ("jane at gmail dot com"). See `EmailScanner`.
package struct ContactEmailCheck: Check {
    package init() {}

    private static let scanner = EmailScanner()

    package var descriptor: CheckDescriptor { ContactEmailCheck.staticDescriptor }

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let school = SchoolContacts.of(context.configuration.school)
        var findings: [Finding] = []
        ContactScope.forEachMatch(in: document, scope: ContactScope.proseAndLinks, with: .emailMarker,
                                  scan: ContactEmailCheck.scanner.scan, range: \.range) { block, match, written in
            if school.isSchoolDomain(match.domain) { return }
            let what = ContactEmailCheck.scanner.personalDomains.contains(match.domain)
                ? "a personal email address (\(match.domain))"
                : "an email address at a domain that is not the school's (\(match.domain))"
            let how = match.isObfuscated ? ", even spelled out," : ""
            findings.append(Finding(
                range: block.sourceRange(match.range),
                message: "\u{201C}\(written)\u{201D} is \(what)\(how) in an official post; "
                    + "staff must never give out personal or home email addresses"))
        }
        return findings
    }

    static let staticDescriptor = CheckDescriptor(
        id: "contact-email",
        title: "Personal email address",
        explanation: """
            An email address in an official post whose domain is not one of the school's (`school.domains` \
            and their subdomains) is usually someone's personal or home address. Addresses are found in \
            the text, in mailto: links and in lightly disguised forms ("jane at gmail dot com", \
            "jane[at]gmail.com"); a disguise does not stop it from being published. Social media handles \
            (@BeechwoodPS) are not email addresses.
            """,
        policy: PolicyClause(section: "8", heading: "Content of Webspace",
                             text: "Staff members must never give out their personal information such as home contact details or home email addresses on these sites."),
        defaultLevel: .error,
        help: """
            Replace the address with the school's office address (or the member of staff's school address). \
            If the domain is the school's own, add it to `school.domains` in .postlint.yml. There is no \
            automatic fix: only you know which official address replaces it.
            """,
        tags: ["privacy"],
        triggeringExamples: [
            CheckExample("Send your photos to «jane.smith84@gmail.com» by Friday."),
            CheckExample("Questions to Mr Ahmed: «a.ahmed+pta@hotmail.co.uk»."),
            CheckExample("Email the coach at «jones_family-1@btinternet.com» or «coach@riversidefc.org»."),
            CheckExample("Write to «jane at gmail dot com» for tickets."),
            CheckExample("Contact «j.patel [at] yahoo [dot] co [dot] uk» to volunteer."),
            CheckExample("Sign up via «sam(at)example.com» or «sam @ example . com»."),
            CheckExample("Her address is «MARY.JONES AT OUTLOOK DOT COM»."),
            CheckExample("Parents can reach Mrs Brown at «s.brown at gmail.com»."),
            CheckExample("Drop a line to «mrsgreen{at}icloud{dot}com»!"),
            CheckExample("<p>Email <a href=\"mailto:«tom.baker@gmail.com»?subject=Trip\">Mr Baker</a> with questions.</p>", format: .html),
            CheckExample("Bookings: [Miss Lee](mailto:«lee.family@outlook.com»)", format: .markdown),
            CheckExample("<p>Write to <a href=\"mailto:«amy.rees@gmail.com»\">«amy.rees@gmail.com»</a>.</p>", format: .html),
            CheckExample("Contact «office@beechwood.sch.uk.example.net» (a look-alike).",
                         configuration: "school:\n  domains: [beechwood.sch.uk]\n"),
        ],
        nonTriggeringExamples: [
            CheckExample("Email the office at office@beechwood.sch.uk or head@mail.beechwood.sch.uk.",
                         configuration: "school:\n  domains: [beechwood.sch.uk]\n"),
            CheckExample("Follow us on Twitter @BeechwoodPS and Instagram @beechwood_primary."),
            CheckExample("Online orders can use the code RFS15 at [moorlandoutdoor.example.com/school](https://moorlandoutdoor.example.com/school).",
                         format: .markdown),
            CheckExample("We will meet at school dot 3pm — be at the gate at 3.15."),
            CheckExample("Find out more at nhs.uk and at www.bbc.co.uk/bitesize."),
            CheckExample("Look at the logo@2x.png and icon@3x.jpg files."),
            CheckExample("Year 6 had fun at Chester Zoo. Competition results follow."),
            CheckExample("Our score was 10 @ 3 points each."),
            CheckExample("Please use the contact form on our website rather than emailing staff."),
            CheckExample("<pre>git config user.email dev@gmail.com</pre>", format: .html),
            CheckExample("Run `git config user.email jane@example.com` in the terminal.", format: .markdown),
            CheckExample("<p>Contact the <a href=\"mailto:office@beechwood.sch.uk\">school office</a>.</p>", format: .html,
                         configuration: "school:\n  domains: [beechwood.sch.uk]\n"),
        ])
}
