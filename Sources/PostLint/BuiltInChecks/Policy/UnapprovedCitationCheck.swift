/// `unapproved-citation`: citing or linking people, organisations or sites needs their permission
/// unless the school has approved them (`sources` in .postlint.yml).
package struct UnapprovedCitationCheck: Check {
    package let descriptor = CheckDescriptor(
        id: "unapproved-citation",
        title: "Citation without approval",
        explanation: "The policy requires permission before citing or referencing the work of people or organisations. Links to outside sites and citations of sources that are not on the school's approved list are flagged so someone checks that permission was given.",
        policy: PolicyClause(
            section: "8", heading: "Content of Webspace",
            text: "Permission must be sought from the relevant people before citing or referencing their work or referencing service providers, partners or other agencies."),
        defaultLevel: .warning,
        help: "Ask the source for permission before citing or linking it, then add it to sources.names or sources.domains in .postlint.yml; or remove the citation.",
        tags: ["permission"],
        triggeringExamples: [
            CheckExample("«According to the Daily Example», homework is on the rise."),
            CheckExample("«Research by Acme University» shows that breakfast helps."),
            CheckExample("«Macmillan estimates» that almost 3.5 million people in the UK are living with cancer."),
            CheckExample("«Yn ôl BBC Cymru Fyw», mae'r garfan yn gryf; «yn ôl adroddiad gan yr Ymddiriedolaeth Sutton», mae'r bwlch yn tyfu."),
            CheckExample("«De réir Údarás na Gaeltachta», labhraíonn breis agus 60% de mhuintir an cheantair Gaeilge."),
            CheckExample("<div class=\"layout layout--sidebar\"><article><p>«According to the Eastern Daily Press», the roadworks go on.</p></article></div>",
                         format: .html),
            CheckExample("Children who read daily do better «(Smith, 2019)»."),
            CheckExample("«Source: Example News»"),
            CheckExample("Read more at «https://www.example.org/study»."),
            CheckExample("<p>See <a href=\"«https://example.com/report»\">the full report</a>.</p>", format: .html),
            CheckExample("<p>«As <cite>The Example Times</cite> put it», reading matters.</p>", format: .html),
            CheckExample("Read [the study](«https://research.example.net/x») today.", format: .markdown),
            CheckExample("<blockquote cite=\"«https://www.example.org/letters/42»\"><p>Dear Mum…</p></blockquote>", format: .html),
            CheckExample("«The Daily Example reported» that reading for pleasure is falling."),
            CheckExample("As «the EXUNHCR reports», 120 million people have been forced from their homes."),
            CheckExample("«The Exampleton Mail called it» \"a model of how to get children growing\"."),
            CheckExample("«The Exampleton Gazette wrote», \u{201C}a school to be proud of\u{201D}."),
            CheckExample("Our summer list has forty books «recommended by ExampleTrust»."),
            CheckExample("«Research by the charity Examplecap» shows it. «The Exampleton Echo described» the scheme as a lifeline."),
            CheckExample("<body class=\"header-layout-nav-right\"><main><p>«A survey by Example Seas Trust» found the beach clean.</p></main></body>", format: .html),
            CheckExample("«Examplecom's latest report found» that most children have a profile."),
            CheckExample("«Studies show» that sleep matters more than revision."),
            CheckExample("«The Anti-Bullying Example Alliance says» one in five children are affected."),
            CheckExample("«As the Exampleton Journal put it», a village school punching above its weight."),
            CheckExample("The road is closed, «according to a post on a local Facebook group»."),
            CheckExample("Thanks to the Growing Network for the plants. «According to their leaflet» a hedge supports 80 species."),
            CheckExample("We saw the ship. «Scott's own journal describes» her as \"a good sea boat\"."),
            CheckExample("«The Gatsby Example Foundation's benchmarks recommend» a careers interview by 16."),
            CheckExample("Demand is up by a third, «the Exampleton Echo said» last week."),
            CheckExample("«A report in Schools Example» said attendance is falling."),
            CheckExample("«A report from the Ghana Example Service» says enrolment is rising."),
            CheckExample("«According to the Visitor Centre», numbers have doubled; «figures published by the Peak Example Authority» suggest visitor numbers rose.",
                         configuration: "sources:\n  names: [ISI]\n"),
            CheckExample("As one study put it, small wetlands store more carbon than their size suggests «(Marsh, 2019)»."),
            CheckExample("## What the research says\n\n«A study by the Exampleton Institute» found that failure helps.\n", format: .markdown),
            CheckExample("«Examplecom's latest Children and Parents report found» that a third have a profile. «The Bercow: Ten Years On report found» that early help matters."),
            CheckExample("«ExampleOnline reported» in June that schools in the county face a shortfall."),
            CheckExample("As the historian «Daniel G. Exampleson has argued», the valleys shaped the singer."),
            CheckExample("Food bank use is rising, and «the charity found» that one in four users are children."),
            CheckExample("As «Poppyscotland explains» on its learning pages, the Scottish poppy has four petals."),
            CheckExample("«Save the Children say» one in four children lives in poverty; «Friends of the Example says» the same."),
            CheckExample("«The charity Examplemind has found» that one in six adults is anxious."),
            CheckExample("«Scientists at Exampleton University have discovered» that teenagers need more sleep."),
            CheckExample("«As Birth to 5 Examples puts it», play is how young children learn."),
            CheckExample("«A 2006 study by Roediger and Karpicke» found that testing yourself works."),
            CheckExample("Practising helps: «a study by researchers at Exampleton University» found that children read more confidently."),
            CheckExample("«According to Wikipedia», the lab was built in 1904.", roster: "Forename,Surname\nMinh,Tran\n"),
            CheckExample("«A poll by ExampleGov» found most parents agree. «Many experts believe» phones harm sleep; «the latest census shows» the town is growing."),
            CheckExample("<p><a href=\"«https://sites.google.com/view/exampletonparish/news»\">Parish news</a></p>", format: .html,
                         configuration: "school:\n  name: Beechwood Primary School\n  domains: [beechwood.example.sch.uk]\n"),
            // A person is no part of an approved organisation that bears their name.
            CheckExample("Rudolf Steiner called it \"visible speech\" «(Steiner, 1924)».",
                         configuration: "school:\n  name: Toadsmoor Steiner School\nsources:\n  names: [Steiner Waldorf Schools Fellowship]\n"),
        ],
        nonTriggeringExamples: [
            CheckExample("Mr Blair has moved to a post in Renfrewshire; we thank him for eleven years of service."),
            CheckExample("Croeso yn ôl i'r ysgol! Mae'r Urdd yn ôl hefyd."),
            CheckExample("<table><tr><td><p>News.</p></td></tr><tr><td id=\"templateFooter\"><a href=\"https://www.facebook.com/ExampleSchool\">Facebook</a> <a href=\"https://example.us21.list-manage.com/unsubscribe?u=1\">Unsubscribe</a> <a href=\"http://eepurl.com/abc\">Mailchimp</a></td></tr></table>", format: .html),
            CheckExample("<p>You are receiving this email as a parent. Sent with <a href=\"https://www.bromcom.com/\">Bromcom</a>.</p>", format: .html),
            CheckExample("It was wonderful to see the Kestrels helping the Wrens find the last eggs."),
            CheckExample("According to the Department for Education, attendance matters.",
                         configuration: "sources:\n  names: [Department for Education]\n"),
            CheckExample("DfE research shows that every day of school counts; the MoD says the same.",
                         configuration: "sources:\n  names: [Department for Education, Ministry of Defence]\n"),
            CheckExample("See <a href=\"https://www.gov.uk/school-term-dates\">term dates</a>.", format: .html,
                         configuration: "sources:\n  domains: [gov.uk]\n"),
            CheckExample("<p>Read our <a href=\"/news/trip\">trip report</a> or <a href=\"https://www.beechwood.example.sch.uk/x\">menu</a>.</p>",
                         format: .html, configuration: "school:\n  domains: [beechwood.example.sch.uk]\n"),
            CheckExample("According to our records, 96% of pupils attended."),
            CheckExample("Everything went according to plan."),
            CheckExample("According to the coxswain it was the biggest crowd they have ever had."),
            CheckExample("The report, which was published in June, said that pupils are exceptionally kind."),
            CheckExample("- the government's [Find an apprenticeship](https://www.gov.uk/apply-apprenticeship) service\n", format: .markdown,
                         configuration: "sources:\n  domains: [gov.uk]\n"),
            CheckExample("According to the Year 5s, the frog is called Gerald."),
            CheckExample("Grace called it a day after two laps, and the children named it Gerald."),
            CheckExample("Books recommended by Mrs Patel and by Year 6 are on the library shelf; one was recommended by Minh T., 9M.",
                         roster: "Forename,Surname\nMinh,Tran\n"),
            CheckExample("The Shearwaters found that the beach was cleaner, and Kittiwakes showed that crabs hide.",
                         roster: "Forename,Surname,Reg\nMinh,Tran,Shearwaters\nAsh,Karran,Kittiwakes\n"),
            CheckExample("Oliver and Amelia say the trip was the best day of the year."),
            CheckExample("Amir reported to the class that he had seen a newt."),
            CheckExample("In the debate, Year 10's Amir Khan argued that the motion should fall, and Grace B. agreed."),
            CheckExample("According to Mrs Patel, the trip was a success."),
            CheckExample("According to legend, the well never runs dry; according to age, the teams were split."),
            CheckExample("According to their teachers, the children were a credit; according to our newsletter, the fair raised £400."),
            CheckExample("Committees: Historical Crisis (Congress of Vienna, 1815) and the Security Council (Battle of the Atlantic, 1941)."),
            CheckExample("Mr Evans said the pantry was busy, the Mayor said it was the best yet and the Scouts said thanks."),
            CheckExample("<p>Her cover for <em>Noor and the Night Kite</em> Rukhsana said was better than the real one.</p>", format: .html),
            CheckExample("| Mon 19 Jan | Options booklet published on the website |\n", format: .markdown),
            CheckExample("According to Hindu tradition, Diwali celebrates Rama and Sita's return; according to Irish legend, Fionn built the causeway."),
            CheckExample("Ruby Hill found a frog by the pond, and Year 6 found the maths paper fair."),
            CheckExample("Oliver says that the pond is deeper than last year, and Amir claims that he saw a newt. Coach Emeka says we were brilliant."),
            CheckExample("> \"I didn't expect everyone to be so welcoming.\" (Blessing, 8DPA)\n", format: .markdown),
            CheckExample("<p><a href=\"https://mailchi.mp/school/friday-flyer\">View this email in your browser</a></p><p>News.</p><p><a href=\"https://school.us21.list-manage.com/unsubscribe?u=1\">unsubscribe</a></p>",
                         format: .html),
            CheckExample("<div class=\"topbar\"><a href=\"https://pmx.parentmail.co.uk/\">ParentMail</a></div><article><p>Sports day.</p></article>",
                         format: .html),
            CheckExample("<p><a href=\"https://mail.example-sender.com/v/ssg/9f3c\">View it in your browser</a></p><p>News.</p><p><a href=\"https://mail.example-sender.com/u/unsub/9f3c\">Unsubscribe</a></p>",
                         format: .html),
            CheckExample("<p>News.</p><p>Sent with <a href=\"https://www.schoolcomms.example.com/\">SchoolComms</a></p>", format: .html),
            CheckExample("Dr Kirsty Hall (Somerville, 1998) spoke at the former pupils' dinner.",
                         roster: "Forename,Surname,House\nMinh,Tran,Somerville\n"),
            CheckExample("Chemistry lit up the lab. According to Minh, “it is the only lesson where you get praised for setting fire to things.”",
                         roster: "Forename,Surname\nMinh,Tran\n"),
            CheckExample("The Christmas shows were a triumph. Everyone says so."),
            CheckExample("You can get advice from the NSPCC helpline at any time."),
            CheckExample("Ofsted reported that pupils feel safe.", configuration: "sources:\n  names: [Ofsted]\n"),
            CheckExample("<p>Email <a href=\"mailto:office@beechwood.example.sch.uk\">the office</a>.</p>", format: .html),
            CheckExample("The 2019 results (Year 6, 2019) were our best."),
            CheckExample("Run `curl https://example.org` in the terminal.", format: .markdown),
            CheckExample("<body><article><p>News.</p></article><footer><ul class=\"social\"><li><a href=\"https://www.facebook.com/ExampleSchool\">Facebook</a></li></ul><p>Website by <a href=\"https://cms.example.com\">ExampleCMS</a></p></footer></body>", format: .html),
            CheckExample("<p>Class pages: <a href=\"https://sites.google.com/view/beechwoodps/class-4\">Class 4</a>, <a href=\"https://beechwoodprimary.wordpress.com/\">blog</a>, <a href=\"https://sites.google.com/beechwood.example.sch.uk/home\">staff site</a>.</p>", format: .html,
                         configuration: "school:\n  name: Beechwood Primary School\n  domains: [beechwood.example.sch.uk]\n"),
            CheckExample("As Mrs Patel explains, the trip is fully booked; as Year 6 found, the hill is steep."),
            CheckExample("As the Archbishop reminds us, the saints were ordinary people; the Mayor says the park reopens in May."),
            CheckExample("*Ivy and Bean* – recommended by Ivy in Holly Class. Guidance from NHS inform on fasting is worth reading.",
                         configuration: "sources:\n  names: [NHS inform]\n"),
            CheckExample("As Dylan Thomas wrote, \"Do not go gentle into that good night\"; as Tennyson put it: \u{201C}To strive, to seek\u{201D}."),
            CheckExample("A story from the Congo opened the assembly, Ama read a piece in English and Twi, and the Victoria Cave finds near Settle are on show."),
            CheckExample("Farah's story started a week of writing in English lessons; the letter is published in Welsh."),
            CheckExample("<p>Year 6 performed <cite>Julius Caesar</cite> and read <cite>The Fox and the Lantern</cite>.</p>", format: .html),
            CheckExample("Provisional national figures published by the Department for Education show a rise.",
                         configuration: "sources:\n  names: [Department for Education]\n"),
            CheckExample("<head><meta property=\"og:image\" content=\"https://images.cdn.example.com/logo.png\"></head><body><p>News.</p></body>", format: .html),
            CheckExample("<body><article><p>News.</p></article><div id=\"jotter-footer\"><p>Powered by <a href=\"https://cms.example.com\">School CMS</a></p></div></body>", format: .html),
            CheckExample("<article><p>News.</p><div class=\"share-buttons\"><a href=\"https://x.com/intent/post?url=https%3A%2F%2Fschool.example\">Post</a></div></article>", format: .html),
        ])

    package init() {}

    static let openers = PhraseMatcher(patterns: RulePack.embedded.list(.citationOpeners))
    private static let openParenthesis = FNV.hash("(")
    private static let closeParenthesis = FNV.hash(")")
    private static let comma = PunctuationKeys.comma
    private static let according = FNV.hash("according")
    private static let the = FNV.hash("the")
    private static let beliefWords: TokenKeySet = TokenKeySet(["tradition", "traditions", "legend", "legends", "custom", "customs", "folklore",
                                                       "belief", "beliefs", "teaching", "teachings", "myth", "mythology"].map { FNV.hash($0) })

    /// "According to the Year 5s", "according to Class 3": the school's own children, a group's name of
    /// at most two words (not "the House of Commons", "the Children's Commissioner").
    private static func isSchoolsOwn(_ tokens: [Token], _ source: Range<Int>) -> Bool {
        var first = source.lowerBound
        if tokens[first].key == the, first + 1 < source.upperBound { first += 1 }
        if source.upperBound - first <= 2 && schoolGroupWords.contains(tokens[first].key) { return true }
        // "recommended by Ivy in Holly Class", "Tomás from Year 5": one of the school's own, with a class.
        return first + 2 < source.upperBound && inOrFrom.contains(tokens[first + 1].key)
            && (first + 2..<source.upperBound).contains { schoolGroupWords.contains(tokens[$0].key) }
    }
    /// "What the research says", "what experts say": the source follows "what" (and "the").
    private static func followsWhat(_ tokens: [Token], _ index: Int) -> Bool {
        var before = index - 1
        if before >= 0, tokens[before].key == the { before -= 1 }
        return before >= 0 && tokens[before].key == what
    }
    private static let what = FNV.hash("what")
    private static let inOrFrom: TokenKeySet = TokenKeySet(["in", "from"].map { FNV.hash($0) })
    private static let schoolGroupWords: TokenKeySet = TokenKeySet(["year", "yr", "class", "form", "reception", "nursery", "house", "team",
                                                            "dosbarth", "blwyddyn"].map { FNV.hash($0) })

    /// A source in lower case after "according to", up to the end of its clause: "a post on a local
    /// Facebook group", "last year's survey". Nil for what names no outside source: "our records",
    /// "plan", "legend", "age" (`Rules/citation-not-sources.yml`).
    private static func lowerCaseSource(in tokens: [Token], from start: Int) -> Range<Int>? {
        guard start < tokens.count, tokens[start].kind == .word, !tokens[start].flags.contains(.lineBreakBefore) else { return nil }
        var first = start
        if ["a", "an", "the"].map(FNV.hash).contains(tokens[first].key), first + 1 < tokens.count { first += 1 }
        // "according to their leaflet", "according to its website": another body's publication, named by a
        // pronoun (where "according to their age" and "according to our records" cite nothing).
        if thirdPersonPossessives.contains(tokens[start].key), let noun = ReportedSource.nouns.longestMatch(in: tokens, at: start + 1) {
            return start..<noun
        }
        if ReportedSource.notSources.contains(tokens[start].key) || ReportedSource.notSources.contains(tokens[first].key) { return nil }
        // "according to Irish legend", "according to Sikh teachings".
        if first + 1 < tokens.count, beliefWords.contains(tokens[first + 1].key) { return nil }
        var end = start
        while end < tokens.count, end - start < 10 {
            let token = tokens[end]
            if end > start && token.flags.contains(.lineBreakBefore) { break }
            if token.kind == .punctuation && !(apostropheKeys.contains(token.key) && !token.flags.contains(.spaceBefore)) { break }
            end += 1
        }
        while end > start, tokens[end - 1].kind == .punctuation { end -= 1 }
        return end > start ? start..<end : nil
    }

    /// Small words of an event's or a treaty's name, never of an author's: "of", "the".
    private static let eventWords: TokenKeySet = TokenKeySet(["of", "the"].map { FNV.hash($0) })
    private static let thirdPersonPossessives: TokenKeySet = TokenKeySet(["their", "its", "his", "her"].map { FNV.hash($0) })
    private static let apostropheKeys: TokenKeySet = TokenKeySet(["'", "\u{2019}", "-"].map { FNV.hash($0) })

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let approval = SourceApproval.of(context.configuration)
        var findings: [Finding] = []
        for link in document.document.links where !link.isInPageChrome {
            guard let host = SourceApproval.host(of: link.target), !approval.isApproved(host: host),
                  !SourceApproval.isMailService(host: host), !SourceApproval.isMailControl(text: link.text),
                  !SourceApproval.isMailBadge(document.document.source.utf8, linkStart: link.range.lowerBound),
                  !approval.isOwnHostedSite(link.target) else { continue }
            findings.append(Finding(range: link.targetRange, message: message(source: host, link: true)))
        }
        // <blockquote cite="…">, <q cite="…">: the quoted source's address.
        for element in document.document.elements {
            guard let cite = element.attributes.first(where: { $0.name == "cite" }),
                  let host = SourceApproval.host(of: cite.value), !approval.isApproved(host: host),
                  !approval.isOwnHostedSite(cite.value) else { continue }
            findings.append(Finding(range: cite.valueRange, message: message(source: host, link: true)))
        }
        let pupils = context.roster
        for block in document.blocks where block.block.kind.isProse && block.block.kind != .frontMatter {
            findings += textualCitations(in: block, approval: approval, pupils: pupils)
            // An address in a <meta> ("og:image", "twitter:url") is the page's own metadata, not a reference.
            if block.block.kind != .meta { findings += bareAddresses(in: block, approval: approval) }
        }
        return findings
    }

    private func message(source: String, link: Bool) -> String {
        link ? "links to \(source), which is not an approved source: permission is needed before referencing it"
            : "cites \u{201C}\(source)\u{201D}, which is not an approved source: permission is needed before citing it"
    }

    /// "According to Minh, “it is the only lesson…”": a pupil quoted, one word that starts a roster
    /// name or one with an initial (`pupil-name` reports the name); "the Shearwaters found": a class or
    /// house of the roster's.
    /// No outside source is cited. (The roster's look-up is made only here: few posts cite a one-word source.)
    private static func isPupilOrGroup(_ tokens: [Token], _ source: Range<Int>, in block: TokenizedBlock, pupils: Roster?) -> Bool {
        guard let pupils else { return false }
        if source.count == 1 {
            let lookup = pupils.lookup()
            return lookup.canStart(tokens[source.lowerBound], block.normalized) || lookup.isGroupWord(tokens[source.lowerBound], block.normalized)
        }
        guard source.count == 2 else { return false }
        // "recommended by Wiktoria Z., 9M": a pupil with the initial of her surname.
        if tokens[source.lowerBound + 1].normalizedRange.count == 1, pupils.lookup().canStart(tokens[source.lowerBound], block.normalized) {
            return true
        }
        return tokens[source.lowerBound].key == the && pupils.lookup().isGroupWord(tokens[source.lowerBound + 1], block.normalized)
    }

    private func textualCitations(in block: TokenizedBlock, approval: SourceApproval, pupils: Roster?) -> [Finding] {
        let tokens = block.tokens
        // Statics read once per block, not once per token (each read is a lazy-initialisation check).
        let openers = Self.openers
        let openParenthesis = Self.openParenthesis
        let according = Self.according
        var findings: [Finding] = []
        // The first token after `index` that starts a reporting verb: a source-first citation ends in
        // one, so where none follows (most blocks have none) `ReportedSource.match` is not tried.
        var nextVerb = 0
        var index = 0
        while index < tokens.count {
            if !tokens[index].contexts.isDisjoint(with: [.code, .pageChrome]) { index += 1; continue }
            // <cite> alone marks the title of a work ("<cite>Julius Caesar</cite>"), which names no source:
            // a citation needs an opener or a reporting verb ("As <cite>The Example Times</cite> put it").
            if let end = openers.longestMatch(in: tokens, at: index), let source = Self.source(in: tokens, after: end) {
                let sourceText = text(block, source)
                let startsWithTitle = PersonName.isHonorific(tokens[source.lowerBound])
                // "According to Hindu tradition", "according to Irish legend": a belief, not a source.
                let isBelief = source.upperBound < tokens.count && Self.beliefWords.contains(tokens[source.upperBound].key)
                if !startsWithTitle && !isBelief && !Self.isSchoolsOwn(tokens, source) && !Self.isPupilOrGroup(tokens, source, in: block, pupils: pupils)
                    && !approval.isApproved(name: sourceText) && !isApprovedReadingOn(block, source, approval) {
                    findings.append(Finding(range: block.sourceRange(from: index, through: source.upperBound - 1),
                                            message: message(source: sourceText, link: false)))
                }
                index = source.upperBound
                continue
            }
            if tokens[index].key == according, let end = openers.longestMatch(in: tokens, at: index),
               let source = Self.lowerCaseSource(in: tokens, from: end) {
                // "according to a post on a local Facebook group", "according to last year's survey".
                let sourceText = text(block, source)
                if !approval.isApproved(name: sourceText) {
                    findings.append(Finding(range: block.sourceRange(from: index, through: source.upperBound - 1),
                                            message: message(source: sourceText, link: false)))
                }
                index = source.upperBound
                continue
            }
            if nextVerb <= index { nextVerb = ReportedSource.verbStart(in: tokens, after: index) }
            if nextVerb < tokens.count, ReportedSource.mayStart(tokens, at: index),
               index == 0 || !ReportedSource.notSources.contains(tokens[index - 1].key),
               let cited = ReportedSource.match(in: tokens, at: index) {
                // "The Guardian reported", "Ofcom's latest report found", "Studies show".
                let sourceText = text(block, cited.source)
                // "As one study put it, … (Marsh, 2019)": an unnamed source that its sentence names in
                // brackets is one citation, reported at the brackets. "What the research says" (a heading)
                // points to the sources that follow.
                let unnamed = ReportedSource.genericSources.longestMatch(in: tokens, at: index) == cited.source.upperBound
                if !approval.isApproved(name: sourceText), !Self.isSchoolsOwn(tokens, cited.source),
                   !Self.isPupilOrGroup(tokens, cited.source, in: block, pupils: pupils),
                   !(unnamed && (namesSourceInBrackets(tokens, after: cited.whole.upperBound, in: block)
                                 || Self.followsWhat(tokens, index))) {
                    findings.append(Finding(range: block.sourceRange(from: index, through: cited.whole.upperBound - 1),
                                            message: message(source: sourceText, link: false)))
                }
                index = cited.whole.upperBound
                continue
            }
            if tokens[index].key == openParenthesis, let parenthetical = authorYear(tokens, at: index, in: block) {
                let author = text(block, (index + 1)..<parenthetical.author)
                // "(Somerville, 1998)": a former pupil's house and leaving year, when Somerville is one of the roster's houses.
                let isHouseAndYear = parenthetical.author == index + 2 && pupils?.lookup().isGroupWord(tokens[index + 1], block.normalized) == true
                if !isHouseAndYear && !approval.isApproved(name: author, allowingPart: false) {
                    findings.append(Finding(range: block.sourceRange(from: index, through: parenthetical.end - 1),
                                            message: message(source: author, link: false)))
                }
                index = parenthetical.end
                continue
            }
            index += 1
        }
        return findings
    }

    /// The source after an opener; openers may chain: "according to a study from the Science Museum".
    private static func source(in tokens: [Token], after end: Int) -> Range<Int>? {
        if let source = CitedSource.range(in: tokens, from: end) { return source }
        for next in [end, end + 1] where next < tokens.count {
            if let chained = openers.longestMatch(in: tokens, at: next), let source = CitedSource.range(in: tokens, from: chained) {
                return source
            }
        }
        return nil
    }

    /// "(Smith, 2019)", "(Smith and Jones, 2020)", "(Smith et al., 2018)": the end of the
    /// parenthesis and of the author part.
    /// Whether an author and year in brackets ("(Marsh, 2019)") follows in the sentence, read up to
    /// `bracketSearchLimit` tokens on.
    private func namesSourceInBrackets(_ tokens: [Token], after start: Int, in block: TokenizedBlock) -> Bool {
        var index = start
        while index < min(tokens.count, start + Self.bracketSearchLimit), !tokens[index].flags.contains(.sentenceStart) {
            if tokens[index].key == Self.openParenthesis, authorYear(tokens, at: index, in: block) != nil { return true }
            index += 1
        }
        return false
    }
    private static let bracketSearchLimit = 60

    private func authorYear(_ tokens: [Token], at start: Int, in block: TokenizedBlock) -> (author: Int, end: Int)? {
        guard tokens[start].key == Self.openParenthesis, start + 4 < tokens.count else { return nil }
        var index = start + 1
        guard tokens[index].kind == .word, tokens[index].flags.contains(.capitalized) else { return nil }
        var scanned = 0
        while index < tokens.count, tokens[index].key != Self.comma, scanned < 8 {
            let token = tokens[index]
            guard token.kind == .word || token.kind == .punctuation && token.range.count == 1 || token.kind == .symbol else { return nil }
            if token.key == Self.closeParenthesis { return nil }
            // "(Congress of Vienna, 1815)", "(Battle of Hastings, 1066)": an event and its year, not an author.
            if Self.eventWords.contains(token.key) { return nil }
            index += 1
            scanned += 1
        }
        let authorEnd = index
        guard index + 2 < tokens.count, tokens[index].key == Self.comma, tokens[index + 1].kind == .number,
              tokens[index + 2].key == Self.closeParenthesis else { return nil }
        // A year, all digits: "(Blessing, 8DPA)" is a pupil and her form, quoted.
        let year = block.block.text[tokens[index + 1].range]
        guard year.count == 4, year.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return (authorEnd, index + 3)
    }

    /// Web addresses written out in prose (not inside a link, whose target is checked already).
    private func bareAddresses(in block: TokenizedBlock, approval: SourceApproval) -> [Finding] {
        let text = block.block.text
        var findings: [Finding] = []
        var index = 0
        while let start = Self.nextAddress(in: text, from: index) {
            var end = start
            while end < text.count, !Self.endsAddress(text[end]) { end += 1 }
            while end > start, ".,;:!?)]'\"".utf8.contains(text[end - 1]) { end -= 1 }
            let contexts = block.block.contexts(at: start)
            let address = String(decoding: text[start..<end], as: UTF8.self)
            if contexts.isDisjoint(with: [.link, .code, .pageChrome]), let host = SourceApproval.host(of: address), !approval.isApproved(host: host),
               !approval.isOwnHostedSite(address) {
                findings.append(Finding(range: block.block.sourceRange(start..<end), message: message(source: host, link: true)))
            }
            index = max(end, start + 1)
        }
        return findings
    }

    /// The start of the next "http://", "https://" or "www." at or after `start` that begins a word.
    /// Each has a ":" or "." at a fixed distance from its start, and those bytes are rare, so the search
    /// jumps from one of them to the next and looks back.
    private static func nextAddress(in text: [UInt8], from start: Int) -> Int? {
        var mark = start
        while true {
            mark = ByteSearch.firstIndex(in: text, from: mark, of: UInt8(ascii: ":"), or: UInt8(ascii: "."))
            guard mark < text.count else { return nil }
            if text[mark] == UInt8(ascii: ":") {
                if isAddressStart(text, mark - 4, from: start, "http://") { return mark - 4 }
                if isAddressStart(text, mark - 5, from: start, "https://") { return mark - 5 }
            } else if isAddressStart(text, mark - 3, from: start, "www.") {
                return mark - 3
            }
            mark += 1
        }
    }

    private static func isAddressStart(_ text: [UInt8], _ index: Int, from start: Int, _ prefix: String) -> Bool {
        guard index >= start, index + 4 < text.count else { return false }
        guard index == 0 || endsAddress(text[index - 1]) || text[index - 1] == UInt8(ascii: "(") else { return false }
        return hasPrefix(text, index, prefix)
    }

    private static func hasPrefix(_ text: [UInt8], _ start: Int, _ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard start + bytes.count <= text.count else { return false }
        for (offset, byte) in bytes.enumerated() where text[start + offset] | 0x20 != byte | 0x20 { return false }
        return true
    }

    private static func endsAddress(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == 0xC2  // no-break space
    }

    /// "Guidance from NHS inform on fasting", with "NHS inform" approved: an approved name that goes on
    /// in lower case past the capitalised source, read up to three words on.
    private func isApprovedReadingOn(_ block: TokenizedBlock, _ source: Range<Int>, _ approval: SourceApproval) -> Bool {
        let tokens = block.tokens
        var end = source.upperBound
        while end < min(tokens.count, source.upperBound + 3), tokens[end].kind == .word, !tokens[end].flags.contains(.lineBreakBefore) {
            end += 1
            if approval.isApproved(name: text(block, source.lowerBound..<end), allowingPart: false) { return true }
        }
        return false
    }

    private func text(_ block: TokenizedBlock, _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let start = block.tokens[range.lowerBound].range.lowerBound
        let end = block.tokens[range.upperBound - 1].range.upperBound
        return String(decoding: block.block.text[start..<end], as: UTF8.self).collapsingWhitespace
    }
}
