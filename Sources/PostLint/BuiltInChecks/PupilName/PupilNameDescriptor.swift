extension PupilNameCheck {
    /// The roster the examples are checked against (as CSV, the way a school's MIS exports it).
    static let exampleRoster = """
        Forename,Surname,Preferred Forename,Year,Reg Group
        Oliver,Whitfield,,3,Oak
        Zoë,O'Brien,,4,Oak
        Grace,Patel,,2,Kingfishers
        Will,Okonkwo-Hale,,5,Kingfishers
        Amara,van der Berg,,6,Oak
        Siobhán,Ní Bhriain,,1,Oak
        May,Cook,,R,Kingfishers
        Benjamin,Adeyemi,Ben,3,Oak
        Rose,Baker,,2,Kingfishers
        Skye,Morgan,,4,Oak
        Oscar,Lindqvist,,5,Kingfishers
        Bede,Walsh,,4,Oak
        Columba,Reid,,3,Oak
        Hope,Ellis,,6,Kingfishers
        Ivy,Fitzgerald,,2,Oak
        Mary,Flynn,,2,Oak
        Joseph,Kelly,,5,Kingfishers
        Haf,Rees,,1,Oak
        Rowan,Price,,3,Oak
        Summer,Hughes,,6,Oak
        Christian,Dale,,4,Kingfishers
        Dylan,Thomas,,5,Oak
        Mabli,Jones,,6,Kingfishers
        Shalom,Cohen,,2,Oak
        """

    /// A roster with a consent column, as an MIS exports it: one family refused, one consented, one
    /// left blank (today's levels).
    /// Houses named after legends, and forenames that are also places and words.
    static let manxRoster = "Forename,Surname,House\nFenella,Quine,Fenella\nAsh,Karran,Fenella\nCoral,Faragher,Fenella\nKit,Corlett,Niarbyl\nDouglas,Qualtrough,Manannan\nPatrick,Costain,Niarbyl\nTeddy,Cain,Niarbyl\nSummer,Kinvig,Manannan\n"

    static let exampleConsentRoster = """
        Forename,Surname,Photo consent
        Rowan,Price,N
        Ivy,Fitzgerald,Y
        Haf,Rees,
        """

    /// The configuration some examples are checked with: a school named after a saint, its houses
    /// and a member of staff.
    static let exampleConfiguration = """
        school:
          name: St Bede's Catholic Primary School
          groups: [Columba]
        staff: [Mrs Grace Adams]
        """

    private static func example(_ text: String, format: DocumentFormat = .text) -> CheckExample {
        CheckExample(text, format: format, roster: exampleRoster)
    }

    private static func consentExample(_ text: String, format: DocumentFormat = .text) -> CheckExample {
        CheckExample(text, format: format, roster: exampleConsentRoster)
    }

    private static func correction(_ text: String, _ corrected: String, format: DocumentFormat = .text,
                                   configuration: String? = nil) -> CheckCorrection {
        CheckCorrection(text, corrected: corrected, format: format, configuration: configuration, roster: exampleRoster)
    }

    /// Pupils whose forenames are holy places as well.
    /// Pupils whose names are also days, counties, a shrine, an organisation's word and a brand.
    static let sharedWordsRoster = """
        Forename,Surname
        Storm,Coombe
        Martin,Squance
        Poppy,Mudge
        Faith,Shepherd
        Thu,Nguyen
        Linh,Tran
        Naomi,Friend
        Kerry,Flynn
        Clare,Joyce
        Lourdes,Fisher
        Devon,Bray
        Hunter,Wills
        """

    static let holyPlacesRoster = "Forename,Surname\nSafa,Khan\nMarwa,Begum\nZion,Abrahams\nKhadijah,Patel\nAli,Hussain\n"

    private static func schoolExample(_ text: String, format: DocumentFormat = .text) -> CheckExample {
        CheckExample(text, format: format, configuration: exampleConfiguration, roster: exampleRoster)
    }

    static let descriptor = CheckDescriptor(
        id: "pupil-name",
        title: "Pupil's name",
        explanation: """
            A pupil's full name in a public post, next to their photo or their school, lets anyone find the child. \
            Names are taken from the school's roster (`roster:` in .postlint.yml): a full name or "Surname, Forename" \
            is an error; a forename with a surname initial, a forename alone, or a family ("the Patel family", \
            "the Fitzgeralds") are warnings. A name in an image's alt text or file name is one level more serious. \
            A forename alone is weighed on evidence. It is not a pupil when it is part of a longer name or a \
            thing ("Summer Fair", "Oak class", "Bede Road", "Storm Oscar", "St Bede's"), a date ("in May", \
            "Summer 2"), a title of a work, an adult ("Mrs Patel", "contact Oliver in the office") or a word \
            ("Will you…?"). A word the post, the school's name (`school.name`, `school.aliases`), its groups \
            (`school.groups`, the roster's registration-group column) or its staff (`staff:`) use for something \
            else, the forename of an adult the post names with a title ("author Rowan Tremayne"), and a figure \
            of faith in a passage about faith, is a pupil only with evidence that a child is meant: "Well done \
            to", "Star of the Week:", "played by", a list with other pupils, "scored", "(Year 4)". \
            The words weighed are in the rule pack (`Rules/name-*.yml`, `calendar-words`, `common-word-names`). \
            A post that names a pupil in full ("Ottilie Brannigan") makes the forename alone with an action \
            ("Ottilie found space"), and the surname alone with one ("Brannigan added a second"), that child. \
            When the roster has consent columns ("Photo consent", "Website consent"…; `roster-consent:`), any \
            mention of a pupil whose family has not consented is an error, forename alone included, and a forename \
            alone of a pupil whose family has consented is a note.
            """,
        policy: PolicyClause(
            section: "3", heading: "Legal Framework",
            text: "Person-identifiable information, e.g. pupil/employee records protected by the Data Protection Act;"),
        defaultLevel: .error,
        help: """
            Use the forename only (never with a surname or its initial), or no name at all ("a pupil in Year 3"), \
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
            CheckExample("<head><meta property=\"og:image\" content=\"https://example.sch.uk/media/«fenella-quine»-moot.jpg\"></head><p>«Patrick» insisted on naming his starfish Patrick. «Kit» asks if we are there yet; «Summer» spots fourteen sheep. Good luck to «Douglas» in Gannets! The relay went to Fenella («Ash», «Coral» and «Kit»).</p>",
                         format: .html, roster: manxRoster),
            CheckExample("Our new Class 1 are here! A big welcome to «juniper», «oak» and «bay», who joined today. Lunch was under the big oak.\n\nMary was played by «Mary Grace», Joseph by «thabo». Player of the match «zanele» in goal!",
                         roster: "Forename,Surname\nJuniper,Hale\nOak,Ferris\nBay,Hollis\nMary Grace,Santos\nThabo,Nkosi\nZanele,Dube\n"),
            CheckExample("---\nauthor: Mr Michael Hartley\nposition: Class Teacher\n---\n\nA lovely week in the **Robin Room** and the **Wren Room**!\n\n- «Robin» has already learned where every welly goes and has appointed himself in charge of it.\n- «Michael» came through three bouts undefeated.\n- Wren Room children loved the water tray.\n",
                         format: .markdown, roster: "Forename,Surname\nRobin,Kerr\nMichael,Archer\nWren,Hall\n"),
            CheckExample("Thank you to «Amal» for her speech. «Storm» stopped to help a Year 7 who had fallen, and «Paris» went to the nurse with her.",
                         roster: "Forename,Surname\nAmal,Warsame\nParis,Mason\nStorm,Hale\n"),
            CheckExample("<img src=\"/forest/«winter-cole»-star.jpg\" alt=\"A willow star\"><img src=\"/news/«srijana-gurung»-tika.jpg\" alt=\"Receiving tika\">",
                         format: .html, roster: "Forename,Surname\nWinter,Cole\nStar,Boswell\nTika,Rai\nSrijana,Gurung\n"),
            CheckExample("Nadder Class Story\n\nWhat a busy week! «hope», «bishal» and «eppy» were brilliant at spotting \"s\". «sky» and «jewel» painted snowflakes. We looked up at the grey sky, and hope you have a lovely weekend.",
                         roster: "Forename,Surname\nHope,Rai\nBishal,Gurung\nEppy,Tuilagi\nSky,Lee\nJewel,Pun\n"),
            CheckExample("NATIVITY CAST\nMary – «Faith»\nJoseph – «Angel»\nAngel Gabriel – «Crystal»\nThe Star – «Star»\n\nCostumes for the Angel Gabriel and the Star are provided.",
                         roster: "Forename,Surname\nFaith,Lee\nAngel,Boswell\nCrystal,Price\nStar,Lovell\n"),
            CheckExample("CROSS-COUNTRY\n\nMedals for Wickhithe:\n🥈 «scarlett» – Year 3/4 girls\n🥉 «sonny» – Year 5/6 boys\n\n- «Daisy B.» was Daisy from *Daisy: Eat Your Peas*.\n- Tony showed us how reed is cut.\n\n![](/s/«reed-pike»-bundling-reed.jpg)\n",
                         format: .markdown, roster: "Forename,Surname\nScarlett,Howes\nSonny,Gotts\nDaisy,Bunn\nReed,Pike\n"),
            CheckExample("Party day!! Musical statues - «zayn» won AGAIN. Huge thank you to «ocean»'s mum for the jollof rice.\n\n- «asha» spotted a kingfisher near the Mailbox\n- we looked at the ocean and the sky, and the children won a prize",
                         roster: "Forename,Surname\nZayn,Khan\nOcean,Ali\nAsha,Begum\nSky,Lee\n"),
            example("Well done to «Rose» and her cake, and Ivy (the pony, not the pupil) came second; «Oliver» read an extract from his story."),
            example("Thank you to the «Patel» family for the cakes."),
            example("Lovely singing from «Zoe O’Brien» in assembly."),
            example("«Will Okonkwo Hale» scored twice, and «Will Okonkwo-Hale» was player of the match."),
            example("Well done «Amara van der Berg» and «Siobhan Ni Bhriain»!"),
            example("«Ben Adeyemi» read his poem to the whole school."),
            example("“«Oliver» was brilliant,” said Mrs Patel."),
            example("We gave the prizes to «Grace» and «May»."),
            CheckExample("Well done to «Sunday», whose Rainbow Fish costume won.", roster: "Forename,Surname\nSunday,Adeyemi\n"),
            example("The dumpling evening is on the Wednesday. «May» and «Grace» are in charge."),
            CheckExample("Our own «Matilda Lane» came as... Matilda, of course.", roster: "Forename,Surname\nMatilda,Lane\n"),
            CheckExample("what a game 😮 goals from «justice» (2) and a shoutout to «mason» (2 tries!!)",
                         roster: "Forename,Surname\nJustice,Okoro\nMason,Reed\n"),
            example("A photo of «Skye» on the Isle of Wight trip, and «Oscar»-led teams in a three-legged race."),
            example("<img src=\"cove.jpg\" alt=\"«Oliver», «Amara» and «Rose» at Malham Cove\">", format: .html),
            example("«Grace Patel» led the Harvest assembly."),
            example("The «Okonkwo-Hale» twins ran the cake stall."),
            example("<p>Well done <b>«Oliver</b> Whitfield» for 100 house points.</p>", format: .html),
            example("<p>Sports day</p><img src=\"/photos/«oliver-whitfield».jpg\" alt=\"«Oliver» winning the sack race\">",
                    format: .html),
            example("<img src=\"img/«ZoeOBrien».png\" alt=\"A pupil with her trophy\">", format: .html),
            example("# Sports day\n\n![«Grace Patel» with her medal](medal.jpg)\n", format: .markdown),
            schoolExample("«Bede Walsh» read the first lesson at our St Bede's Mass."),
            schoolExample("Ten house points for Columba, and well done to «Columba» for her poem."),
            example("Paul's model came with a working quill, with help from big brother «Joseph» in Year 6."),
            example("Star of the Week: «Hope»!"),
            example("«Rose», «Ivy» and «Skye» won the relay."),
            example("«Ben» came as Grace from *Amazing Grace*.", format: .markdown),
            example("Team: «Patel»; «Kelly», Smith, «Reid» (capt), «Price». Tries – «Kelly» 2."),
            example("<table><tr><th>No.</th><th>Player</th></tr><tr><td>4</td><td>«Whitfield»</td></tr></table>", format: .html),
            example("At CCF camp Cdt «Walsh» won the prize for the best-kept kit, and Cadet Sergeant «Oliver Whitfield» ran the platoon HQ."),
            example("At the All Saints' party, «Bede» came as St Bede, holding a book."),
            example("<p>First Communion.</p><img src=\"/photos/«rose»-and-«skye».jpg\" alt=\"After Mass\">", format: .html),
            example("She now wants to be an engineer. «Oliver» from Year 3 helped her build it."),
            example("A special thank you to «Summer» for the cakes, and to «Hope» (8 Fatimah) for the tombola."),
            example("Leavers' assembly.\n\n«Hope Ellis», Head Girl\n"),
            example("| Class | Star of the Week |\n|---|---|\n| Oak | «Hope» |\n| Kingfishers | «Summer» |\n", format: .markdown),
            example("<table><tr><th>Class</th><th>Pupil</th></tr><tr><td>Oak</td><td>«Rose»</td></tr></table>", format: .html),
            example("Well done to «Skye», who wins the spelling cup, and «Hope» and «Rose» were first and second."),
            example("We planted a rose bush by the ivy. «Rose» wandered round the garden and «Ivy» herself watered it."),
            example("Parents' race: won by Mr Taylor, who we're told is «Oscar»'s uncle; «Skye» and her mum showed us rangoli."),
            example("Thank you to the «Fitzgeralds» for the raffle prizes."),
            example("Thank you to the «Kelly» and «Flynn» families for the soda bread."),
            example("<img src=\"wbd.jpg\" alt=\"«Hope» as Long John Silver\">", format: .html),
            example("World Book Day: «Joseph» as the Gruffalo, the Mouse played by «Rose»; «Christian» scored twice."),
            example("In our nativity, Mary was played by «Grace» and the innkeeper was played by «Oscar»."),
            example("«Rowan» from Oak class sang the first verse."),
            example("well done «oliver whitfield» and «may» 🎉 lovely to see you all. see you monday!"),
            example("shout out to the construction group 🙌 «rose»'s first proper joinery project is finished. «skye» reckons it's the best bench yet. see you monday!"),
            example("Lovely goals tonight and a special mention to «oscar» for his saves.", format: .text),
            example("A brilliant concert. Well done «oscar» on the drums.", format: .text),
            example("On Thursday «Oscar»'s dad came in to talk about being a nurse.", format: .text),
            example("«Oscar» won the title, and the whole «Lindqvist» clan was there to cheer.", format: .text),
            example("Year 5 author «Amara van der Berg» read from her story; author Michael Morpurgo sent a letter.", format: .text),
            example("Then «amara» and «oscar» from Year 5 planted the bulbs, and fir and holly, rose and moss went round the candle.", format: .text),
            example("New School Records\nWell done, everyone.\n«summer hughes» – y6 girls 100m (12.9s)\n«rose b» – y2 egg and spoon", format: .text),
            example("<img src=\"/photos/«oscar»-medal.jpg\" alt=\"A medal on a ribbon\">", format: .html),
            example("<p>In Year 5, «Oscar L.» wrote a poem.</p><img src=\"/photos/«oscar»-poem.jpg\" alt=\"A poem\">", format: .html),
            example("<img src=\"/photos/rangoli-«rose»-«skye».jpg\" alt=\"A rangoli pattern\">", format: .html),
            example("Well done to *«Rose»*, and to **«Oscar»** for his saves.", format: .markdown),
            CheckExample("Eid Mubarak! Star of the Week: «Safa» in Finch class.", roster: holyPlacesRoster),
            CheckExample("For Yom HaAtzmaut we sang songs of Zion, and «Zion A.» taught Reception a dance.", roster: holyPlacesRoster),
            CheckExample("On Christmas Eve we sing carols; the first verse is sung by «Eve», from 5 Curlew.",
                         roster: "Forename,Surname\nEve,Robson\nJude,Hall\n"),
            CheckExample("In RE we read the story of Abraham and Isaac. «Isaac» and «Jude» from 8 Osprey raised £120.",
                         roster: "Forename,Surname\nIsaac,Dodd\nJude,Hall\n"),
            CheckExample("Oak won the house cup. «Oak» was horrified to learn how strict schools once were.",
                         roster: "Forename,Surname,House\nOak,Sandhu,Oak\nRose,Baker,Ash\n"),
            CheckExample("| Species | Count |\n|---|---|\n| Wren | 2 |\n| Robin | 4 |\n\nThe prize for sharp eyes goes to «Wren», who spotted a treecreeper.\n",
                         format: .markdown, roster: "Forename,Surname\nWren,Hall\nRobin,Ord\n"),
            CheckExample("| Creature | Found by |\n|---|---|\n| Blenny | «Robin» |\n| Starfish | «Wren» and «Patrick» |\n",
                         format: .markdown, roster: "Forename,Surname\nWren,Hall\nRobin,Ord\nPatrick,Costain\n"),
            CheckExample("<p>Guru Amar Das Ji made the langar a rule.</p><img src=\"/uploads/«amar»-tabla.jpg\" alt=\"«Amar» playing the tabla\">",
                         format: .html, roster: "Forename,Surname\nAmar,Gill\n"),
            CheckExample("In the Irish corner, pupils retold the legend of Oisín – how Oisín followed Niamh of the golden hair. «Oisín Love» (13NR) then read a poem.",
                         roster: "Forename,Surname\nOisín,Love\nNiamh,Kerr\n"),
            CheckExample("«Sunny Patel» (8A) won the junior section. «Sunny» goes on to the district final.", roster: "Forename,Surname\nSunny,Patel\n"),
            CheckExample("<img src=\"/uploads/«sandy»-chess-trials.jpg\" alt=\"«Sandy McIlwaine» at the chess trials\">", format: .html,
                         roster: "Forename,Surname\nSandy,McIlwaine\n"),
            CheckExample("---\nauthor: «Saoirse Hanna»\nrole: Head Girl\n---\n\nHere's to 2026!\n\n«Saoirse»\n", format: .markdown,
                         roster: "Forename,Surname\nSaoirse,Hanna\n"),
            CheckExample("He is grandad to «Ruby-May» in Kittiwakes and «Grace» in Gannets.",
                         roster: "Forename,Surname,Reg Group\nRuby-May,Hall,Kittiwakes\nGrace,Ord,Gannets\n"),
            CheckExample("Gemma Tanner\nChair, Friends of Ravensby\n(I'm «Rosie»'s mum in Wrens!)", roster: "Forename,Surname\nRosie,Tanner\n"),
            CheckExample("Hope and Archie were our Mary and Joseph. Our Star, «Marina», didn't stop twinkling.",
                         roster: "Forename,Surname\nMarina,Lupu\n"),
            CheckExample("We read *We're Going on a Bear Hunt*. «Bear» was very keen to be the bear; «Storm» was first to find a starfish.",
                         roster: "Forename,Surname\nBear,Hall\nStorm,Ord\n"),
            CheckExample("Award: «Ibrahim Hassan» (R Sence). «Ibrahim», your teachers are so proud of you!\n\nIn assembly, Imam Yusuf told the story of the Prophet Ibrahim.",
                         roster: "Forename,Surname\nIbrahim,Hassan\n"),
            CheckExample("This term we studied the Romans. «Roman K.» was a convincing centurion, and «Christian» and «Ava» laid the wreath.",
                         roster: "Forename,Surname\nRoman,Kowalski\nChristian,Dale\nAva,Hall\n"),
            CheckExample("It was so dark that «Rose» and «Ivy» held on to the rope.", roster: "Forename,Surname\nRose,Baker\nIvy,Fitzgerald\n"),
            CheckExample("Summer term dates are out. The goals came from «Summer» (2), «Skye» and «Rose».", roster: "Forename,Surname\nSummer,Hughes\nSkye,Morgan\nRose,Baker\n"),
            CheckExample("We learnt how Khadijah (RA) ran a business, and well done to «Khadijah» in Year 9, who led the quiz. «Ali» saw it all.", roster: holyPlacesRoster),
            example("Squad: «Oliver Whitfield», «Oscar Lindqvist», «Bede Walsh». «Walsh» won a penalty and «Whitfield» scored it."),
            schoolExample("Mrs Adams led the band, and «Grace» (Year 2) played the drum."),
            example("The Rose Garden is finally open, and «Rose» was thrilled to cut the ribbon."),
            schoolExample("«Grace Patel» opened the scoring, and «Grace» found space for a second."),
            consentExample("Star of the Week: «Rowan»! Well done also to «Ivy» and «Haf»."),
            consentExample("Thank you to the «Price» family, and to «Ivy Fitzgerald» for the poster."),
            example("Llongyfarchiadau i «Haf» a «Rowan» am ennill y ras."),
            example("«Ivy», «Rose» and «Hope», three of our Year 2 pupils, led the assembly."),
            example("Relay: our team of **«Rose», «Hope», «Skye» and «Ivy»** took bronze.", format: .markdown),
            example("In World Book Day photos, «Skye» (4 Oak) came as the Storm Whale."),
            example("“I'd never have applied without my teachers,” said «Rose»."),
            example("«Dylan Thomas» (Year 5) recited “Do not go gentle”."),
            example("Our BSL class is led by Mr Oliver Hale. «Oliver» has been teaching his class to fingerspell."),
            example("Llongyfarchiadau i «Fabli» ac i «Ddylan» am eu perfformiadau. Maith thú, a «Shiobhán»!"),
            example("Breithlá sona do «Shiobhán» i Rang 1!"),
            example("GCSE results: **«Dylan Thomas»** achieved grade 7s in every science.", format: .markdown),
            CheckExample("«Storm»'s volcano erupted on Wednesday, a week after Storm Bram blew the bins over. «Martin», one of our Year 6 councillors, read the names; it was St Martin's Day. «Poppy» laid the wreath for the Poppy Appeal.",
                         roster: sharedWordsRoster),
            CheckExample("<h2>World Book Day</h2><ul><li><a href=\"/gallery/«noel»-gruffalo.jpg\"><img src=\"/gallery/thumbs/IMG_4471.jpg\" alt=\"«Poppy» as Matilda\"></a></li></ul><p>Poppy class came to tea.</p>",
                         format: .html, roster: "Forename,Surname,Reg Group\nPoppy,Sherwood,Foxglove\nGrace,Bestwick,Poppy\nNoel,Hardwick,Willow\n"),
            CheckExample("«Taras Tkachenko» (S5) read Taras Shevchenko's poem, translated by «Sasha Shevchenko» (S6). Shevchenko wrote it in 1845. Our writers run from James Hogg to Mungo Park, the explorer, and «Mungo», as a very convincing Gruffalo, led the parade.",
                         roster: "Forename,Surname\nTaras,Tkachenko\nSasha,Shevchenko\nMungo,Porter\n"),
            CheckExample("STARS OF THE WEEK\n-----------------\nAvocet - «Saulė»          Lapwing - «River»\nKingfisher - «Kuba»       Curlew - «Hope»\n\nA big thank you to «Wiktoria» and «Julia» from the School Council. Slea class read *Amazing Grace* by Mary Hoffman: Grace loves stories. «Noor»'s story about swimming had us all clapping.",
                         format: .markdown,
                         roster: "Forename,Surname,Class\nSaulė,Kazlauskaitė,Avocet\nRiver,Dunn,Lapwing\nKuba,Nowak,Kingfisher\nHope,Bell,Curlew\nWiktoria,Kowal,Slea\nJulia,Wójcik,Slea\nGrace,Adams,Slea\nNoor,Hussain,Slea\n"),
            CheckExample("<h3>Cast</h3><ul><li>Hugh &ndash; «Hugh Logue»</li><li>Jimmy Jack &ndash; «Ronan Walker»</li></ul><p>Hugh, the hedge-school master, is one of the great parts. &ldquo;We practised it so often,&rdquo; said «Christian» afterwards.</p><p>Please pray for «Peter»'s grandfather. Thank you to the «Bonner», «Quigley» and «McCloskey» families. Comhghairdeas le «Saoirse», «Colm» agus «Bláthnaid»! We meet a strong Tyrone side next.</p>",
                         format: .html,
                         roster: "Forename,Surname\nHugh,Logue\nRonan,Walker\nJack,Sharkey\nChristian,Kearney\nPeter,Lamb\nAoife,Bonner\nCiara,Quigley\nNiall,McCloskey\nSaoirse,Doherty\nColm,Friel\nBláthnaid,Kelly\nTyrone,McGinley\n"),
            CheckExample("«Amy», «Sam» and «Zain» are off to apprenticeships with Rolls-Royce, Siemens Mobility and Sheaf Power Networks, and «Holly» is heading to Loughborough to read Product Design Engineering. «Jordan» and the team jigged the frame up over Christmas. «Rocky»'s dad welded it. «Rocky» has taken on the steering rack.\n\n- «Jan» has already taught us to count to five in Polish.\n",
                         format: .markdown,
                         roster: "Forename,Surname\nAmy,Lee\nSam,Cole\nZain,Ali\nHolly,Ripley\nJordan,Ashworth\nRocky,Platt\nJan,Kowalski\nRoyce,Hill\n"),
            CheckExample("Well done, «Oliver»! You were a star. Thank you to «Oliver» and «Lewis», who stayed to help.",
                         roster: "Forename,Surname\nOliver,Mason\nLewis,Morrison\n"),
            CheckExample("«Linh Tran» and «Hunter» both made their first starts against a Devon side.", roster: sharedWordsRoster),
            CheckExample("WON 14-9! «Faith» on fire in the shooting circle with 8 goals. Thanks to our library monitors, «Linh» and «Thu»; the library is open Mon–Thu, and on Thu 13 Nov until 6pm.",
                         roster: sharedWordsRoster),
        ],
        nonTriggeringExamples: [
            CheckExample("Dosbarthiadau:\n- Blwyddyn 3 – Celyn\n- Blwyddyn 4 – Derw\n", format: .markdown,
                         roster: "Forename,Surname,Reg Group\nCelyn,Hopkins,Derw\nAfon,Pritchard,Celyn\n"),
            example("A job well done may be its own reward; nuts and bolts from Year 5 went in the tray.", format: .text),
            CheckExample("Thank you to the Friends of St Anne's, to everyone at “The Shepherds’ Surprise”, and to our families from Kerry, Clare, Mayo and Donegal. Sixth Formers may join the diocesan pilgrimage to Lourdes next July.",
                         roster: sharedWordsRoster),
            CheckExample("<ul><li><strong>Year 1:</strong> Poppy (Miss Begum) and Foxglove (Mr Cope)</li><li><strong>Year 2:</strong> Rowan (Miss Marsden) and Hazel (Mrs Daykin)</li></ul><p>Oak Class launched their new topic, <em>The Tudors</em>, and the Vikings come next.</p>",
                         format: .html, roster: "Forename,Surname,Reg Group\nPoppy,Sherwood,Foxglove\nRowan,Pickering,Hazel\nHazel,Truman,Rowan\nAnne,Tudor,Hazel\nErik,Viking,Hazel\n"),
            CheckExample("Breakfast was Lorne sausage and tattie scones. Use the parental controls built into Apple and Android devices.",
                         roster: "Forename,Surname\nLorne,Stewart\nApple,Leung\n"),
            CheckExample("Henna painting from Mehndi by Sana. Every child is in one of four colour teams: Ruby, Sapphire, Emerald or Amber. Callum Richards joins Siemens; “it was a head start,” said Callum.",
                         roster: "Forename,Surname\nSana,Hussain\nAmber,Walsh\nRuby,Khan\nCallum,Fenton\n"),
            CheckExample("<p>Our spring production of Lionel Bart's <em>Oliver!</em> opens in March. Review: Oliver! – Please, sir, we want some more.</p><ul><li>Lewis – 412 points</li><li>Barra – 398 points</li></ul><p>Words are said differently in Lewis, Uist and Barra. We sang the Carol of the Bells and read about Flora MacDonald.</p>",
                         format: .html, roster: "Forename,Surname\nOliver,Mason\nLewis,Morrison\nBarra,MacNeil\nFlora,Campbell\nAnn,Bell\n"),
            CheckExample("Coffee morning hosted by the Friends; anything left goes to the Friends' uniform stall. Albie has taken on the role of Albert with great enthusiasm.",
                         roster: "Forename,Surname\nTobias,Friend\nAlbert,Hale\n"),
            CheckExample("The months of Rajab and Shaban lead up to Ramadan, and the Kurdish community met during Newroz.",
                         roster: "Forename,Surname\nRajab,Karimi\nShaban,Ahmadi\nNewroz,Hassan\n"),
            CheckExample("So have the two pet lambs, Storm and Sunny, who will be at Open Lambing Sunday. The winning entry was a Victoria sponge.",
                         roster: "Forename,Surname\nStorm,Hird\nSunny,Ward\nVictoria,Lund\n"),
            CheckExample("Bonnie morning for it! Arran jumpers and tinsel all welcome for a donation of £1.",
                         roster: "Forename,Surname\nBonnie,Reid\nArran,Boyle\n"),
            CheckExample("Free advice for Devon families. In lost property: one left Hunter welly (size 11).", roster: sharedWordsRoster),
            CheckExample("We have been learning about the Roman army, Roman roads and Roman food. Our houses are Grouville, St Martin, St Clement and Trinity.",
                         roster: "Forename,Surname\nRoman,Kowalski\nClement,Perchard\nMartin,Querée\nTrinity,Shepherd\n"),
            CheckExample("Our senior cadet, Cadet Sergeant Sonny Lamb, joined us in Year 9.", roster: "Forename,Surname\nHarvey,Sergeant\n"),
            CheckExample("- **P3/4**: the islands of Alba: *An t-Eilean Sgitheanach* (Skye), *Leòdhas* (Lewis) and *Ì Chaluim Chille* (Iona)\n\nIgor made his own Maya calendar.\n",
                         format: .markdown, roster: "Forename,Surname\nSkye,Ross\nLewis,Grant\nIona,Kerr\nMaya,Nowak\n"),
            CheckExample("<img src=\"/media/poppy-display-library.jpg\" alt=\"Poppy display made by Year 7 in the library\">", format: .html,
                         roster: "Forename,Surname\nPoppy,Hall\n"),
            CheckExample("The set was painted by our GCSE and A-level Art students; the Drama department built it.",
                         roster: "Forename,Surname\nArt,McKeown\n"),
            CheckExample("Year 12 retold the legend of Oisín, who followed Niamh of the golden hair to Tír na nÓg.",
                         roster: "Forename,Surname\nOisín,Love\nNiamh,Kerr\n"),
            CheckExample("<p>Guru Amar Das Ji made the langar a rule for everyone.</p><img src=\"/uploads/amar-das.jpg\" alt=\"A painting of Guru Amar Das\">",
                         format: .html, roster: "Forename,Surname\nAmar,Gill\n"),
            CheckExample("| Species | Highest count |\n|---|---|\n| Wren | 2 |\n| Jay | 1 |\n", format: .markdown,
                         roster: "Forename,Surname\nWren,Hall\nJay,Ford\n"),
            CheckExample("Oak were thrilled to win the house cup; we loved that Summer.",
                         roster: "Forename,Surname,House\nOak,Sandhu,Oak\nSummer,Hughes,Ash\n"),
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
            example("<img src=\"reading.jpg\" alt=\"A pupil reading\"><code>Oliver Whitfield</code>", format: .html),
            schoolExample("Everyone at Bede's raised £300 for CAFOD."),
            schoolExample("Ten house points for Columba this week."),
            schoolExample("Grace from the office will collect the forms."),
            example("The Summer 2 term starts in June; the Spring Fair is on Saturday and Sports Day on 6 May."),
            CheckExample("The Tamil Academy runs classes on Sunday mornings.", roster: "Forename,Surname\nSunday,Adeyemi\n"),
            CheckExample("Preparing for Ramadan: Ramadan is expected to begin around 18 February, and the timetable changes during Ramadan.",
                         roster: "Forename,Surname\nRamadan,Warsame\n"),
            CheckExample("this week's value is justice (fairness for everyone) and the mason (a stone worker) visited",
                         roster: "Forename,Surname\nJustice,Okoro\nMason,Reed\n"),
            CheckExample("She has read 31 books, including *Heidi*, *Anne of Green Gables* and *The Hunger Games*.", format: .markdown,
                         roster: "Forename,Surname\nHeidi,Brown\n"),
            CheckExample("Swimming gala: Becker 212, Pankhurst 198, Wilkinson 187, Gaskell 171.",
                         roster: "Surname,Forename,Academic House\nWilkinson,Ada,Gaskell\nGaskell,Mia,Wilkinson\n"),
            example("Year 4 heard the parable in which Joseph forgave his brothers."),
            example("Mary and Joseph travelled to Bethlehem."),
            example("Year 6 read *Oscar and the Moon Lantern* together.", format: .markdown),
            example("The cakes came from Rose's Bakery, and school closed during Storm Oscar."),
            example("Please contact Oliver in the office about dinner money."),
            example("Rowan House won the cup, and everyone cheered for Rowan."),
            example("Croeso i Dymor yr Haf! We sang “Myfanwy” in the Eisteddfod."),
            example("Our houses are Hope, Courage, Kindness and Justice."),
            example("<img src=\"/photos/rose-garden.jpg\" alt=\"The garden in bloom\">", format: .html),
            example("NATIVITY - \"THE FITZGERALDS' CHRISTMAS\" - tickets from the office."),
            example("Year 5 read about the prophets Nuh and Yusuf in RE, and about Ibrahim's journey to Makkah."),
            example("Year 3 read *Oscar* by Anna Kemp, and Year 9 read _Siobhán i dTír na nÓg_.", format: .markdown),
            example("Our school's Christian values guide us, and Christian ethos is shared by all."),
            example("Sister Rose and Father Oliver led the Year 6 retreat."),
            example("Thank you to Masjid-e-Hope for the dates, and to Oscar's Pasty Shop."),
            example("Noel stepped in to play Joseph when our original Joseph was off sick; one excellent Oscar the kite-maker."),
            example("Cornish author Rowan Tremayne visited us. Rowan read from her new book."),
            example("The under-14 crew, rowing *Rose*, finished third, and _Oscar_ was repainted.", format: .markdown),
            example("<p>Our gig <i>Oscar</i> has a new rudder.</p>", format: .html),
            example("Private Joseph Kelly, 1898–1916, is remembered on our memorial; Lt Oliver Whitfield in 1917."),
            CheckExample("As pilgrims complete the Hajj, walking between Safa and Marwa, we remember Prophet Ibrahim.",
                         roster: holyPlacesRoster),
            CheckExample("Chag sameach! For Yom HaAtzmaut we sang songs of Zion in the hall.", roster: holyPlacesRoster),
            CheckExample("In our assembly on women in Islam, Year 9 learnt how Khadijah (RA) ran a trading business.", roster: holyPlacesRoster),
            CheckExample("In our Vikings topic, P4 read the Norse myth of how Freya lost her necklace.", roster: "Forename,Surname\nFreya,Isbister\n"),
            example("Year 6 spent three nights in Skye, and Year 5 are visiting Paris in June."),
            example("The attendance cup goes to 7 Rowan, and the runners-up are 9 Hope, from 10 Grace."),
            example("Team Noor's robot Skye won the skills run."),
            example("happy rose's day from everyone! rose's here at last and summer's nearly over 😂"),
            example("Abercrombie, Oliver (10W) – Grade 7 Violin"),
            example("Ganga Class performed the story of Rowan and Hope. Our values are **Joy** (anand), **Rose** (love) and **Ivy** (peace).",
                    format: .markdown),
            CheckExample("Happy Diwali! May Lakshmi bless your homes. In the Bhagavad Gita, Krishna tells Arjuna to do his duty.",
                         roster: "Forename,Surname\nLakshmi,Patel\nKrishna,Shah\n"),
            example("Captain Oliver Whitfield MC was killed at Suvla Bay. Rose Baker (OE 1988) and Hope Ellis (1942–2026) are remembered."),
            CheckExample("Spring term starts on Tues 6 Jan; nursery forms close on Fri 30 Jan. Bless, O Lord, these gifts. Amen.",
                         roster: "Forename,Surname\nJan,Kowalski\nAmen,Tesfaye\n"),
            CheckExample("Year 1 heard the story of Juan dela Cruz. Peace be with you, and see you on the 27th!",
                         roster: "Forename,Surname\nCruz,Santos\nPeace,Okafor\n"),
            CheckExample("Our classes: Lourdes (Year 1) and Fatima (Year 2).",
                         roster: "Forename,Surname,Reg Group\nLourdes,Reyes,Fatima\nFatima,Ali,Lourdes\n"),
            example("<p>Our visiting GP.</p><img src=\"/photos/dr-rose-baker-talk.jpg\" alt=\"Our visiting GP\">", format: .html),
            example("Parents are welcome to phone any evening.\n\nRowan, Office Manager\n"),
            CheckExample("Queen Amina of Zazzau ruled for thirty years, and Amina led her armies herself. We read about Fatimah al-Fihri too.",
                         roster: "Forename,Surname\nAmina,Bello\nFatimah,Begum\n"),
            example("<table><thead><tr><th>House</th><th>Points</th></tr></thead><tr><td>Skye</td><td>214</td></tr><tr><td>Rowan</td><td>198</td></tr></table>", format: .html),
            example("House cup: congratulations to Skye, who lift it for the second year running. Rowan were only 16 points behind."),
            example("Whitfield scored twice for the Old Boys, and the University of Baker found the same."),
            example("Thank you for all your support this term.\n\nRose May\nHeadteacher"),
            example("This term our value is Hope. Our Christian values are Faith, Hope, Kindness and Courage."),
            example("The Rose was very old, and the Rose Garden was planted by the PTA."),
            schoolExample("Mrs Adams watched from the touchline, and Grace found space for a second."),
            consentExample("Mr Price planted a rowan tree and ivy by the gate."),
            example("Year 8 performed extracts from Under Milk Wood by Dylan Thomas, who was born in Swansea in 1914."),
            example("Congratulations to Mrs Cook and her husband on the birth of their baby boy, Oscar!"),
            example("Thank you to our lollipop man, Oscar, and to Rowan from the Sallow Valley SSP."),
            example("Class 6 opened the hives with our gardener Rowan, and the vicar Hope blessed the garden."),
            example("An hour of ska and roots, from Rose to St Pauls. Volunteers included Grace from a city-centre bank."),
            CheckExample("Meet Honey, our new reading dog! Honey visits with her owner, Lucy Pemberton. Honey rolled over at the bit with Mr McGregor. Read to Honey runs on Thursdays.",
                         roster: "Forename,Surname\nHoney,Baker\nLucy,Tanner\n"),
            CheckExample("Thank you to:\n- Andy Reed at Reed's Boatyard, for lending us the boat\n- Mrs Bunn, for the costumes",
                         roster: "Forename,Surname\nReed,Pike\nMason,Reed\n"),
            CheckExample("<p>Ezra has found the Broads quieter than the Northern line. Thanks to Andy for lending a boat from Reed's Boatyard.</p><p>A twist of reed, a sunny day.</p>",
                         format: .html, roster: "Forename,Surname\nEllis,Broad\nHazel,Futter\nReed,Pike\n"),
            CheckExample("Thanks to the RNLI lifeguards, Kai and Shannon, who gave a safety talk. Mrs Evans (Salote to many of you!) explained it. This week's Star of the Week is Rohan. Thank you, Northgate Sands families! We sang a song by Johnny Cash.",
                         format: .text, configuration: "school:\n  name: Northgate Sands Primary Academy\n", roster: "Forename,Surname\nKai,Lee\nShannon,Price\nSalote,Vakacegu\nStar,Boswell\nRuby,Sands\nJohnny,Cash\n"),
            CheckExample("Little Amal is 3.5 metres tall. Bianca has been to Paris and travelled to Jordan. Rain stopped play for twenty minutes, and Storm held off.",
                         roster: "Forename,Surname\nAmal,Warsame\nParis,Mason\nJordan,Ali\nRain,Turner\nStorm,Hale\n"),
            CheckExample("---\nauthor: Elis Jones\nrole: Urdd Development Officer\n---\n\nThe Robin Room has a new sofa; Marian chose Robin because her family loves it. Elis will be visiting Year 7 next week: look out for him!\n\nElis\n",
                         format: .markdown, roster: "Forename,Surname\nRobin,Kerr\nElis,Reyes\n"),
            CheckExample("A warm welcome to art, drama and music club, and thanks to Mrs Nkosi.",
                         roster: "Forename,Surname\nArt,Hale\nDrama,Ferris\nPlay,Hollis\nThabo,Nkosi\n"),
            example("Class 8 are working on a scene from Tristan and Rose. Pony rides with Ivy (the pony, not the pupil!) from 1pm."),
            CheckExample("<p>Closures are on the main road to Douglas. The house shield goes to Fenella. We walked up above Patrick village. Bring a Teddy bear.</p><meta property=\"og:image\" content=\"/media/tt-course.jpg\">",
                         format: .html, roster: manxRoster),
            example("Menu: Summer and apple crumble, £2.50. Prizes from Rose and Ivy florist. Sorrel from the garden went in (the leaf, not the child)."),
            example("Tîm Rowan won the Community Challenge; Team Hope came second."),
            example("Oak Class have a new class pet: a tortoise called Oscar, and a hamster named Rose."),
            example("Shabbat Shalom! Year 1 (Rowan): a superb week. Our Christian value of Hope. House points: Skye (blue) 214."),
            example("PTA officers: Chair: Oliver Whitfield; Treasurer: Grace Patel. Thanks to our coach Oscar too."),
            example("Please ring the office.\n\nMrs D. Rose\nAttendance Officer"),
            example("---\nauthor: Dr Rose Hale\n---\nI left the sixth form in 2011 and never looked back.\n\nRose\n", format: .markdown),
            example("Thank you for your support.\n\nRose Baker\nHead of Year 2 and Foundation Phase Co-ordinator / Pennaeth Blwyddyn 2\n"),
        ],
        isFixable: true,
        corrections: [
            correction("Well done to Oliver Whitfield for his reading award.", "Well done to Oliver for his reading award."),
            correction("Reading champions: Whitfield, Oliver (Year 3).", "Reading champions: Oliver (Year 3)."),
            correction("Swimming certificates for Oliver W. and Zoe O. today. Well done Oliver W.",
                       "Swimming certificates for Oliver and Zoe today. Well done Oliver."),
            correction("Ben Adeyemi read his poem to the whole school.", "Ben read his poem to the whole school."),
            correction("<p>Well done <b>Oliver</b> Whitfield for 100 house points.</p>",
                       "<p>Well done <b>Oliver</b> for 100 house points.</p>", format: .html),
            correction("# Sports day\n\nWell done to **Grace Patel** for her medal.", "# Sports day\n\nWell done to **Grace** for her medal.",
                       format: .markdown),
            correction("Well done Oliver Whitfield! Star of the Week: Oliver.", "Well done Oliver! Star of the Week: Oliver."),
            correction("Oliver Whitfield won the sack race. We thank Oliver Whitfield's family.",
                       "A pupil won the sack race. We thank a pupil's family.",
                       configuration: "pupils: {replacement: a pupil}"),
        ],
        requirements: [.roster])
}
