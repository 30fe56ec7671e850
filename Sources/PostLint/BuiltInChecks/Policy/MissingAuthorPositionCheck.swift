/// `missing-author-position`: an official post must say who wrote it and their position in the school.
package struct MissingAuthorPositionCheck: Check {
    package let descriptor = CheckDescriptor(
        id: "missing-author-position",
        title: "Author or position missing",
        explanation: "Staff who post on the school's sites must say who they are and their position in the school, so readers know the post is official and who stands behind it.",
        policy: PolicyClause(
            section: "8", heading: "Content of Webspace",
            text: "Staff members participating in hosted or other approved sites must identify who they are. They should disclose their positions within the school on these sites."),
        defaultLevel: .warning,
        help: "End the post with a byline that gives your name and position, e.g. \"Posted by Mrs J. Patel, Year 3 Teacher\" (in Markdown, front matter `author:` and `position:`). Job titles PostLint does not know can be added with `positions:` in .postlint.yml.",
        tags: ["transparency"],
        triggeringExamples: [
            CheckExample("«Our Year 3 class visited the zoo today.»\n\nThe children loved the penguins.\n"),
            CheckExample("Harvest Festival raised £240 for the food bank.\n\n«Posted by Mrs Jane Patel»\n"),
            CheckExample("The choir sang at the care home.\n\n«— Mr Ahmed»\n"),
            CheckExample("<main><p>«Posted by Daniel Futter»</p><p>Christingle is on Friday.</p></main><footer class=\"site-footer\"><p>Executive Headteacher: Mrs J Thrower</p></footer>",
                         format: .html),
            CheckExample("<html>«<body>»\n<h1>Sports Day</h1>\n<p>Red House won the cup.</p>\n</body></html>\n", format: .html),
            CheckExample("<html><body><h1>Trip</h1><p>We went to the museum.</p>\n<p class=\"byline\">«Mr Tom Reed»</p></body></html>", format: .html),
            CheckExample("The fair raised £400.\n\n«Mrs A. Bell and Mr T. Odu»\nPTA Chair and Treasurer\n"),
            CheckExample("«The walk was a success — Mrs Bell loved it.»\n"),
            CheckExample("---\nauthor: «Mr David Ahmed»\n---\n\n# News\n\nTerm starts on Monday.\n", format: .markdown),
            CheckExample("Diolch i bawb.\n\n«Postiwyd gan Mr Price»\n"),
            CheckExample("«Good luck everyone! Mrs Rigg will be there on the day.»\n"),
            CheckExample("«Sports day was a triumph. Mrs Ward, Headteacher, said the children were a credit to us.»\n"),
            CheckExample("«From: Mrs Judith Charlton <head@example.sch.uk>»\nSubject: News\n\nDear families,\n\nHave a happy Easter.\n\nJudith Charlton\n"),
            CheckExample("<html><body><img src=\"logo.png\" alt=\"logo\"><p>News.</p><p class=\"post-author\">«Reintegration Coordinator»</p></body></html>",
                         format: .html),
            CheckExample("<main><p class=\"news-item__author\"><em>«Report from the Director of Music»</em></p><p>The house music competition was loud.</p></main>",
                         format: .html),
            CheckExample("---\nauthor: «Tamsin Flett»\nrole: Head Girl\n---\n\nOur leavers' assembly.\n", format: .markdown),
            CheckExample("---\nauthor: «Favour Adebayo»\nrole: Chair, Friends of Ashfield Brook\n---\n\nThank you to:\n\n- Mr Brown, our site manager, for the tables\n",
                         format: .markdown),
        ],
        nonTriggeringExamples: [
            CheckExample("Harvest Festival raised £240.\n\nPosted by Mrs J. Patel, Year 3 Teacher\n"),
            CheckExample("Bhailigh muid 200 bosca bia.\n\nTadhg Ó Baoill, Múinteoir Rang 6\n"),
            CheckExample("<p>Eisteddfod results.</p><p>Ffion Evans<br>Pennaeth y Gymraeg a Chydlynydd yr Eisteddfod / Head of Welsh and Eisteddfod Co-ordinator</p>", format: .html),
            CheckExample("Eid Mubarak to all our families celebrating today! As pilgrims complete the Hajj we remember the spirit of sharing with neighbours and those in need. Enjoy the rest of half-term; we will see everyone back on Monday 1 June. – Mrs Iqbal, Headteacher #EidMubarak"),
            CheckExample("<p class=\"story-meta\">16th January 2026 &middot; By Mrs Jo Harker, Class Teacher and EYFS Lead</p><p>Birdwatch day.</p>", format: .html),
            CheckExample("What a day!\n\nDan Hughes, Director of Sport\n"),
            CheckExample("<p>Places are limited.</p><p>Calum Ross<br>Prìomh Thidsear na Gàidhlig / Principal Teacher of Gaelic</p>", format: .html),
            CheckExample("<p class=\"news-meta\">Posted 15/10/2025 by Mrs Siobhan Gallagher, Headteacher</p><p>Open mornings.</p>", format: .html),
            CheckExample("<p class=\"news-meta\">Posted on 5th September 2025 by Mrs S Gallagher, Headteacher</p><p>Welcome.</p>", format: .html),
            CheckExample("<p class=\"news-meta\">Posted 21 November 2025 by Mrs Heather Graham, SENDCo and PSHE Lead</p><p>Odd Socks Day.</p>", format: .html),
            CheckExample("Forms back by Friday please.\n\nGood luck everyone! Mrs Rigg (Head of School)\n"),
            CheckExample("School CLOSED today due to Storm Isla. Please stay safe. C Tulloch, HT\n"),
            CheckExample("shout out to jay and mr k 🙌\n\n- tasha (learning mentor)\n"),
            CheckExample("we'll be observing the two minute silence at 11am.\n\ngary, deputy head (felling)\n"),
            CheckExample("<p>Email me about placements.</p><p><em>Lynne Dent, Careers Adviser</em></p>", format: .html),
            CheckExample("<h2>A message from the Headteacher</h2><p>Dear Parents and Carers,</p><p>Have a wonderful summer.</p><p>Catherine Fletcher</p>",
                         format: .html),
            CheckExample("# The Headteacher's letter\n\nThank you all.\n\nMrs Fletcher\n", format: .markdown),
            CheckExample("Parents are welcome to phone any evening.\n\nErling, Office Manager\n#BrekkasetterHostel\n"),
            CheckExample("<p>26 March 2026 &middot; Words and photos: Dan Hughes, Class Teacher (Sefton)</p><p>Trip.</p>", format: .html),
            CheckExample("---\nauthor: Niamh Doyle\nrole: Lead Speech and Language Therapist\n---\n\nTherapy news.\n", format: .markdown),
            CheckExample("The choir sang beautifully.\n\n— Mr Ahmed (Headteacher)\n"),
            CheckExample("Term dates are below.\n\nKind regards,\nMr David Ahmed\nHeadteacher\n"),
            CheckExample("Well done, Class 4!\n\nMrs Anna Price, Year 4 Teacher\n"),
            CheckExample("Our new library is open.\n\nMiss Lowe\n\nSchool Business Manager\n"),
            CheckExample("<html><head><meta name=\"author\" content=\"Mrs Carter\"></head><body><p>News.</p><p class=\"byline\">Mrs Carter, Deputy Headteacher</p></body></html>", format: .html),
            CheckExample("<html><body><p>News.</p><p>By <span itemprop=\"author\">Mr Reed</span>, SENCo</p></body></html>", format: .html),
            CheckExample("---\nauthor: Mr David Ahmed\nposition: Headteacher\n---\n\n# News\n\nTerm starts on Monday.\n", format: .markdown),
            CheckExample("---\nauthor:\n  name: Priya Mistry\n  position: STEM Coordinator\n---\n\nSTEM news.\n", format: .markdown),
            CheckExample("Forest School is back!\n\nPosted by Mr Oak, Forest School Lead\n", configuration: "positions: [Forest School Lead]"),
            CheckExample("Dinner money is due.\n\nYours faithfully,\n\nPatrick Donnelly\nBursar\n"),
            CheckExample("🥞 PANCAKE RACE RESULTS 🥞\n\nLemon and sugar won.\n\n📸 Mrs Hudson, Office Manager\n\n#PancakeDay\n"),
            CheckExample("Revision sessions start on Monday.\n\nMr Ahmed\nHead of Science\nExampleton Academy\n"),
            CheckExample("---\nauthor: Phil Hamill\nposition: Examinations Officer\n---\n\nResults are in.\n", format: .markdown),
            CheckExample("Mock exams start on Monday.\n\nMiss Cole, Year 9 Progress Leader\n"),
            CheckExample("Our café is open.\n\nMrs Iqbal, Community Liaison\n"),
            CheckExample("Bula vinaka!\n\nPosted by Mr I. Delana, Pastoral Support Assistant\n"),
            CheckExample("Have a restful half term.\n\nNasreen Akhtar\nHeadteacher\n\nDaniel Hughes\nDeputy Headteacher\n"),
            CheckExample("Tá fáilte roimh chách.\n\nIs mise le meas,\n\nIníon Niamh Ní Bhriain\nCeann Roinne na Gaeilge / Head of Irish\n"),
            CheckExample("<p class=\"post-meta\">Postiwyd gan Mrs A. Rowlands, Athrawes Blwyddyn 5 &middot; 19/09/2025</p><p>Newyddion.</p>", format: .html),
            CheckExample("<div class=\"entry-meta\">Gan / By: Mrs Eleri Bowen (Pennaeth)</div><p>Newyddion.</p>", format: .html),
            CheckExample("Great win for the U11s!\n\n– Mrs D, Maths Lead\n"),
            CheckExample("The play was a hit.\n\nMrs A. Bell (Year 2 Teacher) and Mr T. Odu (HLTA)\n"),
            CheckExample("<p>Sports day is on Friday.</p><p><span class=\"byline\">Miss L. Ford</span>, Reception Teacher</p>", format: .html),
            CheckExample("3 March 2026 · Posted by Mr R. Castle, KS2 Phase Leader\n\nNews.\n"),
            CheckExample("<p>Report: Mr Colm Fitzpatrick, Head of Gaelic Games</p><p>We won.</p>", format: .html),
            CheckExample("Thank you for every tin.\n\nMiss Grant (PT)\n#community\n"),
            CheckExample("<p class=\"byline\">Mrs Morag Hunter and Mrs Jennifer Baird<br>\n  P1 and P2/3 Class Teachers</p>", format: .html),
            CheckExample("Yours faithfully,\n\nMrs J Atherton        Mr L Fairless\nLay Chaplain          Head of RE\n"),
            CheckExample("<div class=\"entry-meta\"><p class=\"post-meta\">5 December 2025 — Mr Jordan Lowe, Head of Music</p></div><p>Carols.</p>", format: .html),
            CheckExample("<p>Ceilidh fun.</p><p><strong>Heather Grant</strong> | Principal Teacher</p>", format: .html),
        ])

    package init() {}

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let bylines = BylineFinder(document: document, configuration: context.configuration).bylines()
        if bylines.contains(where: { $0.hasPosition && $0.hasName }) { return [] }
        if let byline = bylines.first {
            return [Finding(range: byline.range,
                            message: byline.hasName ? "the byline does not give the author's position in the school"
                                : "the byline gives a position but not the author's name")]
        }
        return [Finding(range: DocumentAnchor.start(of: document.document),
                        message: "the post does not say who wrote it or their position in the school",
                        isAboutDocument: true)]
    }
}
