/// A deterministic generator of realistic school posts and rosters: the same seed gives the same
/// bytes on every machine, so runs compare like with like.

/// SplitMix64: tiny, fast, and good enough for picking words.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A fictional pupil.
struct BenchPupil {
    var forename: String
    var surname: String
}

enum BenchFormat: String, CaseIterable {
    case html, text, markdown

    var fileExtension: String {
        switch self {
        case .html: "html"
        case .text: "txt"
        case .markdown: "md"
        }
    }
}

enum Generator {
    static let forenames = ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo",
                            "Freya", "Arthur", "Florence", "Muhammad", "Willow", "Oscar", "Sophia", "Charlie", "Grace",
                            "Jacob", "Lily", "Thomas", "Evie", "Henry", "Rosie", "Theo", "Ella", "Archie", "Emily",
                            "Alfie", "Poppy", "Isaac", "Sienna", "Max", "Daisy", "Finley", "Zoë", "Adam", "Siobhán"]
    static let syllables = "ba be bi bo bu ca ce co da de di do fa fe fi ga ge ha he hi ka ke ki la le li lo ma me mi mo na ne ni no pa pe ra re ri ro sa se si so ta te ti to va ve wa we ya za"
        .split(separator: " ").map(String.init)
    static let endings = ["son", "ton", "ley", "field", "well", "worth", "by", "more", "ham", "shaw"]

    /// `count` pupils with made-up surnames (syllables plus an English ending; 5% double-barrelled).
    static func roster(count: Int, seed: UInt64 = 42) -> [BenchPupil] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let first = random.pick(syllables)
            var surname = first.prefix(1).uppercased() + first.dropFirst() + random.pick(syllables) + random.pick(endings)
            if random.chance(0.05) { surname += "-" + random.pick(syllables).prefix(1).uppercased() + "ale" }
            return BenchPupil(forename: random.pick(forenames), surname: surname)
        }
    }

    /// The roster as a school MIS export: BOM, CRLF, quoted surnames, a preferred-name column.
    static func rosterCSV(_ pupils: [BenchPupil], seed: UInt64 = 7) -> String {
        var random = SeededRandom(seed: seed)
        var csv = "\u{FEFF}Legal Forename,Legal Surname,Preferred Forename,Year Group,Reg Group\r\n"
        csv.reserveCapacity(pupils.count * 40)
        for pupil in pupils {
            let year = random.below(7) + 1
            csv += "\(pupil.forename),\"\(pupil.surname)\",\(random.chance(0.1) ? "Sam" : ""),\(year),\(year)\(random.pick(["A", "B", "C"]))\r\n"
        }
        return csv
    }

    // MARK: Prose

    static let openings = ["This week", "On Tuesday", "Last Friday", "During the spring term", "Before half term",
                           "At the end of the summer term", "This morning", "On World Book Day", "After the holidays"]
    static let groups = ["Year 3", "Year 6", "our Reception class", "the school choir", "the eco council",
                         "Class 4B", "the football team", "the Year 5 scientists", "the whole school", "the PTA"]
    static let verbs = ["visited", "explored", "performed at", "raised money for", "planted trees at", "wrote to",
                        "learnt about", "welcomed visitors from", "took part in", "celebrated"]
    static let places = ["the Science Museum", "Jodrell Bank", "the village hall", "Tatton Park", "the local library",
                         "the Lovell Telescope", "St Mary’s Church", "the Summer Fair", "the harvest festival",
                         "the county sports day", "Macclesfield Forest", "the café in the park"]
    static let details = ["and everyone came back with muddy boots and big smiles",
                          "where the children asked brilliant questions about the planets",
                          "and the money will buy new books for the library",
                          "so please remember to send in wellies on Thursday",
                          "which was a great success thanks to our volunteers",
                          "and the photographs are on the school website",
                          "where Mrs Patel led a workshop on recycling",
                          "and the “Golden Leaf” award went to the whole class",
                          "and parents are welcome to join us next time",
                          "so thank you to all the families who helped"]
    static let reminders = ["Please return reply slips by Friday.", "The school office opens at 8:15 each morning.",
                            "Uniform orders can be placed online.", "Remember that PE kits should be labelled.",
                            "Dinner money is due on Monday.", "Term ends on 19 July at 2:30 pm.",
                            "Will you help at the cake stall?", "Our next open morning is on 12 March."]
    static let opinions = ["I think it was the best trip we have had all year.",
                           "In my opinion the new playground is a huge improvement.",
                           "Personally, I feel the council should fund more school buses.",
                           "IMO this was our best performance yet."]
    static let phones = ["07700 900123", "01632 960 451", "+44 7700 900982", "0161 496 0734"]
    static let emails = ["j.hughes1982@gmail.com", "mrs.patel@hotmail.co.uk", "coach.dave@yahoo.com"]
    static let citations = ["According to a study from the Science Museum, children who visit observatories are twice as likely to study physics.",
                            "A report by the Daily Herald said that screen time affects sleep."]
    static let externalLinks = ["https://www.example.org/space-study", "https://news.example.com/screen-time",
                                "https://blog.example.net/recycling-tips"]

    /// One sentence of school news.
    static func sentence(_ random: inout SeededRandom) -> String {
        "\(random.pick(openings)) \(random.pick(groups)) \(random.pick(verbs)) \(random.pick(places)) \(random.pick(details))."
    }

    /// What a paragraph may carry besides its sentences: usually nothing; at `findingRate`, one
    /// finding (a pupil's full name, a phone number, an email, an opinion, an external citation).
    enum Extra {
        case none
        case pupil(BenchPupil)
        case phone(String)
        case email(String)
        case opinion(String)
        case citation(String, link: String)
    }

    static func extra(_ random: inout SeededRandom, pupils: [BenchPupil], findingRate: Double) -> Extra {
        guard random.chance(findingRate) else { return .none }
        switch random.below(5) {
        case 0 where !pupils.isEmpty: return .pupil(random.pick(pupils))
        case 1: return .phone(random.pick(phones))
        case 2: return .email(random.pick(emails))
        case 3: return .opinion(random.pick(opinions))
        default: return .citation(random.pick(citations), link: random.pick(externalLinks))
        }
    }

    /// A post of about `size` bytes (never less than one paragraph).
    static func post(_ format: BenchFormat, size: Int, seed: UInt64, pupils: [BenchPupil], findingRate: Double = 0.15) -> String {
        var random = SeededRandom(seed: seed)
        let title = "\(random.pick(groups).capitalizedFirst) \(random.pick(verbs)) \(random.pick(places))"
        var out = ""
        out.reserveCapacity(size + 2048)
        switch format {
        case .html:
            out += """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>\(title) &ndash; Beechwood Primary School</title>
              <meta name="author" content="Mrs Jane Hughes">
              <link rel="stylesheet" href="/assets/site.css">
              <style>body { font-family: sans-serif; } .byline { color: #555; }</style>
            </head>
            <body>
              <header class="site-header">
                <img src="/assets/beechwood-logo.png" alt="Beechwood Primary School crest" width="120" height="80">
                <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/letters">Letters</a></li><li><a href="/contact">Contact</a></li></ul></nav>
              </header>
              <main>
              <article>
                <h1>\(title)</h1>
                <p class="byline">By Mrs Jane Hughes, Headteacher &middot; <time datetime="2024-03-12">12 March 2024</time></p>

            """
        case .markdown:
            out += "---\ntitle: \"\(title)\"\nauthor: Mrs Jane Hughes, Headteacher\ndate: 2024-03-12\n---\n\n![Beechwood Primary School crest](/assets/beechwood-logo.png)\n\n# \(title)\n\n*By Mrs Jane Hughes, Headteacher*\n\n"
        case .text:
            out += "\(title)\nBy Mrs Jane Hughes, Headteacher\n\n"
        }
        var paragraph = 0
        repeat {
            paragraph += 1
            if paragraph % 6 == 0 {
                let heading = "\(random.pick(groups).capitalizedFirst) news"
                switch format {
                case .html: out += "    <h2>\(heading)</h2>\n"
                case .markdown: out += "## \(heading)\n\n"
                case .text: out += "\(heading.uppercased())\n\n"
                }
            }
            if paragraph % 9 == 0 {
                let items = (0..<(3 + random.below(3))).map { _ in random.pick(reminders) }
                switch format {
                case .html: out += "    <ul>\n" + items.map { "      <li>\($0.htmlEscaped)</li>\n" }.joined() + "    </ul>\n"
                case .markdown: out += items.map { "- \($0)\n" }.joined() + "\n"
                case .text: out += items.map { "* \($0)\n" }.joined() + "\n"
                }
            }
            if format == .html, paragraph % 11 == 0 {
                out += "    <figure><img src=\"/uploads/2024/03/photo-\(random.below(900) + 100).jpg\" alt=\"Children at \(random.pick(places).htmlEscaped)\"><figcaption>A sunny afternoon at \(random.pick(places).htmlEscaped).</figcaption></figure>\n"
            }
            var sentences = (0..<(2 + random.below(4))).map { _ in sentence(&random) }
            if random.chance(0.3) { sentences.append(random.pick(reminders)) }
            let extra = extra(&random, pupils: pupils, findingRate: findingRate)
            var body = sentences.joined(separator: " ")
            switch extra {
            case .none: break
            case .pupil(let pupil):
                body += format == .html
                    ? " Well done to <b>\(pupil.forename)</b> \(pupil.surname) for the winning poster."
                    : " Well done to \(pupil.forename) \(pupil.surname) for the winning poster."
            case .phone(let phone): body += " If your child lost a coat on the coach, please ring me on \(phone)."
            case .email(let email): body += format == .markdown
                ? " Questions? Email <\(email)>." : " Questions? Email \(email)."
            case .opinion(let opinion): body += " " + opinion
            case .citation(let citation, let link):
                switch format {
                case .html: body += " \(citation) You can read more at <a href=\"\(link)\">this article</a>."
                case .markdown: body += " \(citation) You can read more at [this article](\(link))."
                case .text: body += " \(citation) You can read more at \(link)."
                }
            }
            switch format {
            case .html:
                let escaped = body.replacingAmpersands
                out += random.chance(0.1)
                    ? "    <p>\(escaped) Read the <a href=\"/letters/2024-\(random.below(90) + 10).pdf\">full letter</a> &amp; reply slip.</p>\n"
                    : "    <p>\(escaped)</p>\n"
            case .markdown:
                out += random.chance(0.1)
                    ? "\(body) Read the [full letter](/letters/2024-\(random.below(90) + 10).pdf) and **reply slip**.\n\n"
                    : "\(body)\n\n"
            case .text:
                out += wrapped(body) + "\n\n"
            }
        } while out.utf8.count < size
        switch format {
        case .html:
            out += """
              <p>&mdash; Mrs Jane Hughes, Headteacher</p>
              </article>
              </main>
              <footer class="site-footer"><p>Beechwood Primary School, Beechwood Avenue &middot; <a href="/privacy">Privacy</a> &middot; <a href="https://twitter.com/beechwoodps">Follow us</a></p></footer>
            </body>
            </html>

            """
        case .markdown: out += "— Mrs Jane Hughes, Headteacher\n"
        case .text: out += "Mrs Jane Hughes, Headteacher\n"
        }
        return out
    }

    /// Plain-text posts are wrapped at about 80 columns, as pasted from an email.
    private static func wrapped(_ text: String) -> String {
        var lines: [Substring] = []
        var line: Substring = ""
        for word in text.split(separator: " ") {
            if line.utf8.count + word.utf8.count > 78, !line.isEmpty {
                lines.append(line)
                line = ""
            }
            line = line.isEmpty ? word : line + " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Sizes spread log-uniformly between `minimum` and `maximum` bytes.
    static func sizes(count: Int, minimum: Int, maximum: Int, seed: UInt64) -> [Int] {
        var random = SeededRandom(seed: seed)
        let low = log(Double(minimum)), high = log(Double(maximum))
        return (0..<count).map { _ in Int(exp(low + (high - low) * Double(random.below(1_000_000)) / 1_000_000)) }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    var htmlEscaped: String { replacingAmpersands }

    var replacingAmpersands: String {
        guard contains("&") else { return self }
        return split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&amp;")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
