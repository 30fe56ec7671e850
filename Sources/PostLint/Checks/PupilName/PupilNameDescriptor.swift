extension PupilNameCheck {
    /// The roster the examples are checked against (as CSV, the way a school's MIS exports it).
    static let exampleRoster = """
        Forename,Surname,Preferred Forename,Year
        Oliver,Whitfield,,3
        Zoë,O'Brien,,4
        Grace,Patel,,2
        Will,Okonkwo-Hale,,5
        Amara,van der Berg,,6
        Siobhán,Ní Bhriain,,1
        May,Cook,,R
        Benjamin,Adeyemi,Ben,3
        Rose,Baker,,2
        Skye,Morgan,,4
        Oscar,Lindqvist,,5
        """

    private static func example(_ text: String, format: DocumentFormat = .text) -> CheckExample {
        CheckExample(text, format: format, roster: exampleRoster)
    }

    static let descriptor = CheckDescriptor(
        id: "pupil-name",
        title: "Pupil's name",
        explanation: """
            A pupil's full name in a public post, next to their photo or their school, lets anyone find the child. \
            Names are taken from the school's roster (`roster:` in .postlint.yml): a full name or "Surname, Forename" \
            is an error; a forename with a surname initial, a forename alone, or a surname with "family" are \
            warnings. A name in an image's alt text or file name is one level more serious. Staff and other adults \
            ("Mrs Patel"), other people who share a pupil's forename ("Oliver Twist") and first names used as \
            ordinary words ("in May", "Will you…?", "the Rose Garden") are not flagged.
            """,
        policy: PolicyClause(
            section: "3", heading: "Legal Framework",
            text: "Person-identifiable information, e.g. pupil/employee records protected by the Data Protection Act;"),
        defaultLevel: .error,
        help: """
            Use the forename only ("Oliver" rather than "Oliver Whitfield"), or no name at all ("a pupil in Year 3"), \
            and only with the family's consent. Remove names from alt text ("a pupil holding a certificate") and \
            rename image files. `postlint check --fix` keeps the forename; set `pupils.replacement` to use other words.
            """,
        tags: ["privacy", "safeguarding"],
        triggeringExamples: [
            example("Well done to «Oliver Whitfield» for his reading award."),
            example("«Oliver Whitfield»'s painting won first prize at the art show."),
            example("Reading champions: «Whitfield, Oliver» (Year 3)."),
            example("Congratulations to «Oliver W.» on his swimming certificate."),
            example("Star of the week is «Oliver» for his kindness."),
            example("Thank you to the «Patel» family for the cakes."),
            example("Lovely singing from «Zoe O’Brien» in assembly."),
            example("«Will Okonkwo Hale» scored twice, and «Will Okonkwo-Hale» was player of the match."),
            example("Well done «Amara van der Berg» and «Siobhan Ni Bhriain»!"),
            example("«Ben Adeyemi» read his poem to the whole school."),
            example("“«Oliver» was brilliant,” said Mrs Patel."),
            example("We gave the prizes to «Grace» and «May»."),
            example("A photo of «Skye» on the Isle of Wight trip, and «Oscar»-led teams in a three-legged race."),
            example("<img src=\"cove.jpg\" alt=\"«Oliver», «Amara» and «Rose» at Malham Cove\">", format: .html),
            example("«Grace Patel» led the Harvest assembly."),
            example("The «Okonkwo-Hale» twins ran the cake stall."),
            example("<p>Well done <b>«Oliver</b> Whitfield» for 100 house points.</p>", format: .html),
            example("<p>Sports day</p><img src=\"/photos/«oliver-whitfield».jpg\" alt=\"«Oliver» winning the sack race\">",
                    format: .html),
            example("<img src=\"img/«ZoeOBrien».png\" alt=\"A pupil with her trophy\">", format: .html),
            example("# Sports day\n\n![«Grace Patel» with her medal](medal.jpg)\n", format: .markdown),
        ],
        nonTriggeringExamples: [
            example("Mrs Patel's class visited the farm."),
            example("Mr and Mrs Whitfield came to the assembly."),
            example("Please say grace before lunch."),
            example("Will you join us for the Summer Fair?"),
            example("May I remind parents that term ends in May?"),
            example("The trip is on 12 May 2026."),
            example("Grace Darling was a Victorian heroine."),
            example("Year 6 read Oliver Twist this term."),
            example("The Rose Garden is open to families on Friday."),
            example("Mr Ahmed and Miss Grace ran the chess club."),
            example("The children will cook pancakes on Tuesday."),
            example("The Whitfield Centre hosted the match."),
            example("Our cooks tried Jamie Oliver's recipes."),
            example("Grace and courtesy are our values this term."),
            example("Oliver Smith from the fire brigade visited Reception."),
            example("Dr. Baker spoke to Year 5 about healthy eating."),
            example("Year 4 wrote postcards from the Isle of Skye, and the Duke of York's Theatre sent a letter."),
            example("Our values this term are “Grace and Will”."),
            example("The nativity was an Oscar-worthy performance, seen through rose-tinted glasses, and Oscar-nominated too."),
            example("<p>Mrs <b>Patel</b> led the Summer Fair.</p><img src=\"/photos/rose-garden.jpg\" alt=\"The Rose Garden\">",
                    format: .html),
            example("<img src=\"oliver.jpg\" alt=\"A pupil reading\"><code>Oliver Whitfield</code>", format: .html),
        ],
        isFixable: true)
}
