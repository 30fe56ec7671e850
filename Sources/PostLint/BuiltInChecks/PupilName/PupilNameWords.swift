/// The small word sets the `pupil-name` check decides with, as token keys (hashes of folded words).
enum PupilNameWords {
    /// `TokenKeySet`s, not `Set<UInt64>`: these are asked at nearly every token of a post, and a `Set`
    /// runs SipHash on keys that are hashes already.
    static func keys(_ words: [String]) -> TokenKeySet { TokenKeySet(words.map { FNV.hash(TextNormalizer.fold($0)) }) }

    /// Words after a surname that make it a family: "the Patel family", "the Okafor twins".
    static let familyWords = keys(["family", "families", "household", "households", "twins", "triplets", "brothers",
                                   "sisters", "siblings", "children", "kids", "boys", "girls", "clan"])

    /// Before a capitalised word, these make it a thing, not a person: "the Rose Garden", "this Summer".
    static let determiners = keys(["the", "a", "an", "this", "that", "these", "those", "every", "each", "its", "any",
                                   "y", "yr", "na", "le", "la", "les", "el", "il", "der", "die", "das"])

    /// Between two capitalised words, these make one longer proper name: "Columba of Iona", "Seren yr
    /// Wythnos", "Fionn mac Cumhaill", "Rhys ap Gruffydd", "Oisín i dTír na nÓg".
    static let nameConnectors = keys(["of", "y", "yr", "i", "mac", "mc", "ap", "ab", "ni", "nic", "na", "de", "du", "da", "van",
                                      "von", "le", "la", "del", "della", "bin", "bint", "ibn", "o", "ua", "ui", "an", "the"])

    static let quotationMarks = PunctuationKeys.quotationMarks

    /// Possessive determiners: before an ambiguous name they make it a word ("our Christian values").
    static let possessives = keys(["our", "your", "their", "his", "her", "my", "whose"])

    /// The words that make a calendar word (`calendar-words`) a date: "in May", "early June".
    static let datePrepositions = keys(["in", "of", "during", "since", "until", "till", "by", "from", "early", "late", "mid",
                                        "on", "before", "after", "through", "throughout", "next", "last", "this", "each",
                                        "every", "to", "into", "end", "start", "beginning", "half"])

    /// Before a capitalised word, these make it a place: "three nights in Florence", "visiting Paris".
    static let placePrepositions = keys(["in", "near", "around", "across", "visit", "visits", "visited", "visiting",
                                         "explore", "explored", "exploring", "tour", "toured", "touring"])

    /// Before "to" and a capitalised word, these make it a place: "the main road to Douglas", "the ferry to Heysham".
    static let travelNouns = keys(["road", "roads", "way", "route", "bus", "buses", "train", "trains", "ferry", "ferries",
                                   "boat", "trip", "trips", "journey", "journeys", "drive", "flight", "flights", "line", "path",
                                   "railway", "tram", "signs", "miles"])
    /// "The house shield goes to Fenella": a house's prize, which goes to a house.
    static let housePrizes = keys(["cup", "shield", "trophy", "points", "prize", "title", "award", "plate", "banner"])
    static let house = FNV.hash("house")

    /// Nouns that name a word as a thing: "our value this term is Hope", "Our Christian value for the
    /// spring term: Faith", "This half-term's theme – Joy".
    static let definingNouns = keys(["value", "values", "virtue", "virtues", "theme", "motto"])
    static let definitionMarks = keys([":", "-", "–", "—"])

    /// Modal verbs that are also names: "Will you…?", "May I…?".
    static let modals = keys(["will", "may", "can", "shall", "might", "must", "should", "would", "could"])

    /// After "Name-", these keep it a person: "Oscar-led", "Ruby-designed".
    static let agentParticiples = keys(["led", "run", "inspired", "organised", "organized", "designed", "made", "written",
                                        "hosted", "created", "directed", "drawn", "painted", "built", "coached", "chosen",
                                        "picked", "presented", "planned", "baked", "cooked", "read", "sung", "voiced"])

    /// What joins the names of a list: "Carys, Gethin and Sky".
    static let listJoiners = keys([",", "and", "&", "or"])
    /// Between two names only, also Welsh "a" and "ac" (and): "Haf a Lili", "Cai ac Alaw".
    static let nameJoiners = keys([",", "and", "&", "a", "ac"])

    static let of = FNV.hash("of")
    static let the = FNV.hash("the")
    static let listSeparators = keys([",", ";", "/"])
    /// Labels of a match report's scorers: "Tries – Oakley, Cole", "Conversions: Temple 3".
    static let scoringLabels = keys(["tries", "try", "conversions", "conversion", "penalties", "penalty", "goals", "goal",
                                     "scorers", "scorer", "wickets", "assists", "replacements", "subs", "substitutes"])
    static let openingBracket = FNV.hash("(")
    static let closingBracket = FNV.hash(")")
    static let who = FNV.hash("who")
    static let from = FNV.hash("from")
    static let that = FNV.hash("that")
    static let copulas = keys(["is", "was", "are", "were"])

    /// After a name, a feeling only a person has: "Denver was thrilled", "Robin was very excited".
    static let stateVerbs = keys(["is", "was", "felt", "looked", "seemed"])
    /// Words after a name that go on a sentence about it, not an adjective's noun: "Christian or Ava", "Roman with his shield".
    static let clauseWords = keys(["and", "&", "or", "nor", "but", "with", "who", "from", "in", "at", "for", "to", "on"])
    static let secondPerson = keys(["you", "your", "you're", "you’re", "you've", "you’ve", "you'll", "you’ll"])
    static let placings = keys(["first", "second", "third", "last", "quickest", "fastest"])
    /// "I", "I'm": capitalised, but no part of a name ("hello / I'm Rosie's mum" on a line of its own).
    static let firstPersonI = keys(["i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"])
    /// Verbs and auxiliaries a person's name is the subject of: "Sunny goes on to the final", "Sunny has…".
    static let auxiliaries = keys(["is", "was", "has", "had", "will", "goes", "went", "gets", "got", "now", "also", "then",
                                   "can", "could", "would", "should", "says", "said", "plays", "played"])
    static let intensifiers = keys(["very", "so", "really", "absolutely", "super", "incredibly", "extremely", "clearly"])
    static let feelings = keys(["thrilled", "excited", "delighted", "proud", "pleased", "chuffed", "overjoyed", "nervous",
                                "ecstatic", "amazed", "brave", "determined", "upset", "disappointed", "happy", "beaming",
                                "horrified", "shocked", "surprised", "astonished", "scared", "frightened", "terrified", "worried",
                                "fascinated", "relieved", "sad", "furious", "grinning", "speechless", "gutted", "keen", "eager"])
    static let `in` = FNV.hash("in")
    static let `for` = FNV.hash("for")
    static let `as` = FNV.hash("as")
    static let with = FNV.hash("with")
    static let now = FNV.hash("now")
    static let ampersand = FNV.hash("&")
    static let andWords = keys(["and", "&"])
    static let and = FNV.hash("and")
    /// Titles of `name-titles` that are also ordinary words: titles only when capitalised ("Brother
    /// Luke", but "big brother Luke").
    static let titlesOnlyCapitalised = keys(["brother", "sister", "father", "mother", "coach", "chef", "nurse", "officer",
                                             "judge", "dean", "lady", "lord", "madam", "canon", "guru", "chaplain", "deacon"])
    static let articles = keys(["the", "a", "an"])
    static let not = FNV.hash("not")
    static let little = FNV.hash("little")
    static let a = FNV.hash("a")
    static let an = FNV.hash("an")
    static let dashes = keys(["-", "–", "—"])
    /// "Star of the Week", "Player of the Match", "Reader of the Month": an award.
    static let awardPeriods = keys(["week", "day", "month", "term", "year", "match", "game", "tournament", "season"])
    /// Before "to" and a capitalised word, these make it a place: "has been to Paris", "travelled to Jordan"
    /// (not "went to", which prizes do: "Star of the Week went to Jordan").
    static let motionVerbs = keys(["been", "gone", "travelled", "traveled", "travelling",
                                   "flew", "flown", "moved", "emigrated", "returned", "holiday", "holidays", "holidayed"])
    /// Weather that pupils are named after, and what weather does: "Rain stopped play", "Snow fell".
    static let weatherNames = keys(["rain", "storm", "snow", "frost", "hail", "sunny", "sunshine", "breeze", "misty"])
    static let weatherVerbs = keys(["fell", "falls", "poured", "pours", "lashed", "cleared", "eased", "stopped", "held",
                                    "arrived", "set", "swept", "battered", "blew", "lifted"])
    /// Pronouns only a person takes (not "it", "its", "they": a class or a house takes those).
    static let personalPronouns = keys(["he", "she", "him", "his", "her", "hers", "himself", "herself"])
    static let indefiniteArticles = keys(["a", "an"])
    static let exclamation = FNV.hash("!")
    /// Plurals of surnames that, after "the", are bodies: "the Friends" (a parents' association), "the Scouts".
    static let bodiesNotFamilies = keys(["friends", "scouts", "guides", "rangers", "wardens", "governors", "trustees", "cubs",
                                         "brownies", "beavers", "rainbows",
                                         // Landscapes named in the plural: "the Broads", "the Downs", "the Fens".
                                         "broads", "downs", "dales", "fens", "wolds", "lakes", "moors", "marshes", "highlands",
                                         "lowlands", "borders", "midlands", "cotswolds", "chilterns", "mendips", "quantocks",
                                         "pennines", "peaks", "glens", "sands", "hebrides", "islands", "levels", "weald"])
    /// "the role of Albert", "the part of Mary".
    static let partNouns = keys(["role", "roles", "part", "parts", "character"])
    static let pointWords = keys(["points", "pts", "puingean", "pwynt", "pwyntiau", "pointe"])
    /// Before a business's name: "from Mehndi by Sana", "at Bakes by Rose".
    static let businessPrepositions = keys(["from", "at", "with"])
    /// Before a holy place: "a pilgrimage to Lourdes", "baptised in the Jordan", "between Safa and Marwa", "songs of Zion".
    static let beforePlaces = keys(["in", "to", "from", "at", "of", "between", "and", "the", "across", "near", "into", "on",
                                    "towards", "toward", "around", "through", "visit", "visited", "visiting", "reached", "entered"])
    /// Months and days as dates abbreviate them: as the subject of a clause ("Jan has already taught the class to
    /// count in Polish", "Mar has been feeding the corridor") they are a child, as no date is.
    static let dateAbbreviations = keys(["jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
                                         "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun"])
    /// What a child makes or wears, after a possessive: "Noor's story", "Ivy's poem", "Kuba's costume".
    static let childWorks = keys(["story", "stories", "poem", "poems", "costume", "costumes", "book", "books", "song", "songs", "dress"])
    /// "from the School Council", "from the Eco Committee", "from the Young Interpreters": pupils' own bodies.
    static let pupilBodies = keys(["council", "parliament", "committee", "team", "crew", "squad"])
    static let pupilBodyKinds = keys(["school", "student", "students", "pupil", "pupils", "eco", "junior", "youth", "sports", "learner",
                                      "children's", "leadership", "digital", "green", "prefect", "sixth"])
    static let pupilRolePlurals = keys(["interpreters", "ambassadors", "prefects", "librarians", "monitors", "buddies", "champions",
                                        "leaders", "councillors", "mentors", "reporters"])
    /// Jobs among `titlesOnlyCapitalised`: a title in lower case too after "our" or "the".
    static let lowerCaseJobTitles = keys(["coach", "chef", "nurse", "officer", "judge", "chaplain", "deacon", "canon"])
    static let personalPossessives = keys(["her", "his", "their"])
    static let yearNames = keys(["reception", "nursery", "ks1", "ks2", "ks3", "ks4", "eyfs", "elc"])
    static let classWords = keys(["class", "form", "group", "set", "house", "dosbarth"])
    /// Before a capitalised word, these make it a group's name: "Class Oak", "Dosbarth Celyn".
    static let groupNouns = keys(["class", "house", "dosbarth", "ty", "tŷ", "rang", "teach"])
    /// Before a capitalised name, with their own capital: "Team Teifi", "Tîm Taf" (Welsh mutates it: "Thîm").
    static let teamNouns = keys(["team", "tîm", "thîm", "dîm", "foireann"])
    /// "Elis o'r Urdd": Welsh "from the", like "from the" in English.
    static let fromThe = keys(["o'r", "o\u{2019}r"])
    static let babies = keys(["baby", "newborn", "babi"])
    static let babySexes = keys(["boy", "girl", "son", "daughter", "bach", "fach"])
    static let comma = PunctuationKeys.comma
    static let welshAnd = FNV.hash("a")
    /// Before a name that ends the clause, the speaker of a quotation: "said Celyn.", "meddai Celyn".
    static let speechVerbs = keys(["said", "says", "added", "explained", "admitted", "laughed", "replied", "shouted",
                                   "whispered", "meddai", "dywedodd", "ychwanegodd"])
    /// Titles of `name-titles` by which an adult is addressed with the surname ("Mr Morgan").
    static let honorifics = keys(["mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "sir", "dame", "madam", "madame",
                                  "monsieur", "mme", "mlle", "herr", "frau", "senor", "señor", "senora", "señora", "señorita",
                                  "prof", "professor"])
    /// Roles only adults hold, for a name set beside one: "our lollipop man, Lucky" (not "councillor":
    /// pupils sit on the school council).
    static let adultRoles = keys(["man", "lady", "woman", "caretaker", "officer", "manager", "cook", "chef", "cleaner", "teacher",
                                  "headteacher", "head", "assistant", "governor", "chair", "vicar", "imam", "priest", "rabbi",
                                  "pandit", "granthi", "minister", "chaplain", "coach", "librarian", "nurse", "secretary",
                                  "administrator", "volunteer", "author", "illustrator", "driver", "warden", "technician",
                                  "receptionist", "principal", "director", "inspector", "grandma", "grandad", "grandmother",
                                  "grandfather", "mum", "dad", "mother", "father", "gardener", "lifeguard", "ranger", "instructor",
                                  "owner"])
    /// Of those, plurals before a list of names: "the RNLI lifeguards, Kai and Shannon,".
    static let adultRolePlurals = keys(["lifeguards", "firefighters", "paramedics", "officers", "coaches", "volunteers",
                                        "nurses", "teachers", "governors", "rangers", "instructors"])
    /// Of those, the roles no child holds, even in play ("our young chef Maya", "our head girl Ruby"): these
    /// mark an adult right before the name, without a comma ("our gardener Ash").
    static let adultOnlyRoles = keys(["caretaker", "cleaner", "teacher", "headteacher", "governor", "vicar", "imam", "priest",
                                      "rabbi", "pandit", "granthi", "minister", "chaplain", "librarian", "nurse", "administrator",
                                      "driver", "warden", "technician", "receptionist", "principal", "inspector", "gardener",
                                      "groundsman", "groundskeeper", "bursar"])
    /// Officers of a parents' association or a governing body (not "secretary": a school council has one).
    static let officerRoles = keys(["treasurer", "chair", "chairperson", "vice-chair", "cisteoir", "cathaoirleach", "trysorydd",
                                    "cadeirydd", "governor", "governors"])
    static let colon = PunctuationKeys.colon
    static let namingVerbs = keys(["called", "named", "nicknamed"])
    /// A house's or team's colour in brackets after its name: "Tarn (blue)".
    /// A name that takes these is a group ("Beck were", "Tarn, who lift the cup"): `takesGroupVerb`.
    static let pluralBeVerbs = keys(["are", "were"])
    static let pluralWinVerbs = keys(["win", "lift", "take", "claim", "retain", "top", "finish", "lead"])
    static let colours = keys(["red", "blue", "green", "yellow", "orange", "purple", "black", "white", "gold", "silver"])
    /// Words that open a greeting ending in a word that is also a name: "Shabbat Shalom", "Shana Tova".
    static let greetingOpeners = keys(["shabbat", "shana", "shanah", "chag", "mazal", "mazel"])
    /// Pets and class mascots a post names: "a tortoise called Sonny".
    static let animals = keys(["pet", "tortoise", "hamster", "gerbil", "rabbit", "bunny", "guinea", "pig", "dog", "puppy",
                               "cat", "kitten", "fish", "goldfish", "snail", "snails", "stick", "insect", "chicken", "chickens",
                               "hen", "hens", "duck", "ducks", "duckling", "lamb", "pony", "horse", "donkey", "bear", "teddy",
                               "mascot", "caterpillar", "butterfly", "owl", "parrot", "budgie", "lizard", "snake", "axolotl",
                               "robot", "puppet", "doll", "lambs", "ewe", "ewes", "calf", "calves", "goat", "goats", "ponies",
                               "starfish", "crab", "crabs", "jellyfish", "worm", "worms", "spider", "frog", "frogs", "toad",
                               "tadpole", "tadpoles", "seal", "sheep", "cow", "cows", "bee", "bees",
                               "piglet", "piglets", "pigs", "dogs", "cats", "puppies", "kittens", "rabbits", "hamsters", "tortoises"])
    /// "Fionn and Oisín Houses": groups named together before their plural noun.
    static let groupPlurals = keys(["houses", "classes", "teams", "groups", "forms", "tai", "dosbarthiadau", "ranganna"])
    static let roleDeterminers = keys(["our", "the", "their", "your"])
    /// Words that make "X and ___ cake" someone's cake, not a flavour: "Poppy and her cake".
    static let possessiveDeterminers = keys(["his", "her", "their", "my", "our", "your", "its", "the", "a", "an"])
    static let groupCounts = keys(["two", "three", "four", "five", "six", "seven", "eight", "all", "both", "some", "one"])
    static let pupilNouns = keys(["pupils", "pupil", "children", "child", "students", "student", "learners", "girls", "boys",
                                  "disgyblion", "plant"])
    /// The words that end a child cue and may come before a name written in lower case ("well done
    /// zofia"): comparisons, not a set look-up, as this is asked of every lower-case word of a post (read
    /// once per block: each static is a lazily initialised global, a call at every read).
    static var lowerCaseCueEnds: (UInt64, UInt64, UInt64, UInt64, UInt64) { (to, from, by, match, done) }
    static let done = FNV.hash("done")
    static let weekdays = keys(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    static let match = FNV.hash("match")
    static let to = FNV.hash("to")
    static let by = FNV.hash("by")
    static let year = FNV.hash("year")
    /// "Rang 2", "Blwyddyn 7", "Bl. 9", "Bliain 3": a year group or class with its number, in Irish and Welsh.
    static let yearWords = keys(["rang", "blwyddyn", "bl", "bliain"])
    /// Irish "i" (in): "Bríd i Rang 2".
    static let irishIn = FNV.hash("i")
    /// Small words of four letters or more that a title in title case leaves in lower case
    /// ("*Fiadh agus an Sionnach*", "*Sam with the Golden Kite*").
    static let longSmallWords = keys(["agus", "with", "from", "into", "upon", "onto", "gyda", "dros"])
    static let yr = FNV.hash("yr")
    static let hyphen = FNV.hash("-")
    /// A child's relatives: "Mason's uncle", "Diya and her mum" speak of a child.
    static let relatives = keys(["mum", "mummy", "mam", "mom", "dad", "daddy", "uncle", "auntie", "aunt", "nan", "nana", "nanna",
                                 "grandma", "granny", "grandad", "grandpa", "grandparents", "parents", "cousin", "cousins",
                                 "brother", "sister", "family", "carer", "carers", "grandfather", "grandmother", "grandparent",
                                 "father", "mother", "stepdad", "stepmum", "gran", "nain", "taid", "mamó", "daideo"])
    /// Lower-case links inside a compound proper name: "Masjid-e-Noor", "Jamia-al-Hudaa", "Dar-ul-Uloom".
    static let compoundLinks = keys(["e", "i", "al", "el", "ul", "ud", "ur", "un", "as", "ad", "an", "ar", "bin", "de", "y"])
    /// Words ending in "ed" that are no past tense after a name ("Rose-scented" aside): "Hope Speed",
    /// "Summer bred"… read as adjectives or nouns.
    static let notPastTense = keys(["speed", "breed", "bleed", "greed", "steed", "tweed", "weed", "shed", "sled", "need",
                                    "seed", "feed", "deed", "reed", "creed", "sacred", "hundred", "kindred", "naked",
                                    "wicked", "beloved", "ragged", "rugged", "crooked", "blessed",
                                    "embed", "infrared", "biped"])
    /// Verbs of taking a part: "stepped in to play Joseph" names the part, not a child.
    static let partVerbs = keys(["play", "plays", "played", "playing", "portray", "portrays", "portrayed", "portraying"])
    /// "the story of Rama and Sita", "the legend of Fionn": the people a story is about.
    static let storyNouns = keys(["story", "stories", "tale", "tales", "legend", "legends", "myth", "myths", "parable",
                                  "life", "lives", "birth", "adventures", "epic"])
    /// "a scene from Tristan and Isolde", "an extract from Matilda": a part of a work, named by its people
    /// (not "a song from Rose", which Rose sang).
    static let excerptNouns = keys(["scene", "scenes", "extract", "extracts", "excerpt", "excerpts", "chapter", "chapters"])
    /// After "X's", these make it "X is" or "X has": "summer's here", "jay's been".
    static let notAfterPossessive = keys(["here", "there", "coming", "over", "back", "gone", "been", "got", "a", "an", "the",
                                          "not", "going", "nearly", "almost", "finally", "just", "off", "on", "in", "out",
                                          "so", "very", "really", "always", "never", "still", "all", "up", "down"])
    static let be = FNV.hash("be")
    static let up = FNV.hash("up")
    static let blessingWords = keys(["with", "upon", "unto"])
    /// Lower-case particles inside a longer name: "Juan dela Cruz", "Rhys ap Gruffydd", "Ruud van Nistelrooy".
    /// Words that say a block is about cadets, and the ranks cadets hold (a pupil's, there).
    static let cadetWords = keys(["cadet", "cadets", "cdt", "ccf", "acf", "contingent"])
    static let cadetRanks = keys(["cadet", "cdt", "sgt", "sergeant", "cpl", "corporal", "lcpl", "lance", "csgt", "fsgt", "wo",
                                  "cwo", "jcpl", "ldg", "leading", "able", "ab", "private", "pte"])
    /// "came as Grace", "dressed up as Matilda": a costume, a character ("as" comes between).
    static let costumeVerbs = keys(["came", "come", "comes", "coming", "dressed", "went", "go", "goes", "going", "arrived"])
    /// "Fatimah al-Fihri", "Rabia al-Adawiyya": the article of an Arabic name's second part.
    static let arabicArticles = keys(["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ur"])
    /// Before a bare year number, these let "7 Khadijah" be a form ("in 8 Fatimah", "from 9 Khadijah").
    static let formPrepositions = keys(["in", "from", "of", "and", "&", "to", "for", "by", "are", "is", "was", "were", "goes", "went",
                                        "(", ","])
    static let period = FNV.hash(".")
    static let questionMark = FNV.hash("?")
    static let sentenceEnds = keys([".", "!", "\u{2026}"])
}
