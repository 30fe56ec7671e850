/// What a post, its school and its roster say about the words that could be pupils' forenames: the
/// post-wide half of `pupil-name`'s evidence.
///
/// A word has one sense per post. When a post writes "Oak class", "St Bede's", "in May" or "Storm
/// Bert", the same word alone elsewhere in it ("Oak", "Bede", "May") is far more likely that thing
/// than a child, so a mention of it alone is reported only with evidence that a child is meant. The
/// school's own name and aliases, its groups (from `school.groups` and the roster's registration-group
/// column) and its staff's forenames are such words from the start.
struct PupilNameSenses {
    /// Words the school's configuration gives another sense (its name, groups, staff); the roster's
    /// group words are asked of `names` (`isConfigured`).
    private let configured: Set<UInt64>
    private let names: RosterNameLookup
    /// Words this post uses for something else (a thing, a date, a figure).
    private(set) var recorded: Set<UInt64> = []
    /// Forenames this post gives someone else in full ("Favour Adebayo, Chair of the Friends"): the
    /// forename alone may be either person.
    private(set) var otherPeople: Set<UInt64> = []
    /// Forenames of figures this post names with their title ("Queen Amina", "St Francis"): the word
    /// alone then tells of the figure, and doing something is no evidence of a child ("Amina led her armies").
    private(set) var figures: Set<UInt64> = []
    /// Forenames of adults this post names with a title ("author Rowan Tremayne", "Miss Grace"): like
    /// the school's staff, the word alone is then that adult unless a cue or a list says otherwise.
    private(set) var adults: Set<UInt64> = []
    /// Forenames of the post's own author, from its metadata (the text may name the author again).
    private var authorsOnly: Set<UInt64> = []
    /// Forenames of pupils the post names in full or with an initial ("Hope Dean", "Wren F."): there the
    /// forename alone is most likely the same child.
    private(set) var namedInFull: Set<UInt64> = []
    /// Surnames of pupils the post names in full ("Brodie Sharp") or in a team sheet: the surname alone
    /// doing something ("Sharp added a second") is that child.
    private(set) var surnamesNamedInFull: Set<UInt64> = []
    /// Forenames this post gives a child with strong evidence somewhere ("Rocky's dad", "well done to Rocky"):
    /// later, the forename as the subject of a clause ("Rocky has taken on the steering rack") is that child.
    private(set) var stronglyMeant: Set<UInt64> = []
    /// Surnames this post gives someone who is not on the roster ("Taras Shevchenko", "Coach Sharp"): the
    /// surname alone doing something may be them.
    private(set) var surnamesOfOthers: Set<UInt64> = []
    /// Words the post writes in lower case somewhere (the word, not the name).
    let lowercaseWords: PupilNameLowercaseWords

    init(configuration: Configuration, names: RosterNameLookup, lowercaseWords: PupilNameLowercaseWords) {
        configured = Self.configuredWords.value(for: SchoolWords(school: configuration.school, staff: configuration.staff)) { settings in
            var words: Set<UInt64> = []
            for name in [settings.school.name].compactMap({ $0 }) + settings.school.aliases + settings.school.groups {
                words.formUnion(TokenizedBlock.wordKeys(name))
            }
            for name in settings.staff {
                // "Mrs Sarah Booth", "Booth, Sarah": every word but the titles may be a pupil's forename too.
                words.formUnion(TokenizedBlock.wordKeys(name).filter { !PupilNameVocabulary.titles.contains($0) })
            }
            return words
        }
        self.names = names
        self.lowercaseWords = lowercaseWords
    }

    /// The words of the school's name, aliases, groups and staff, read once per distinct settings, not per draft.
    private struct SchoolWords: Hashable, Sendable {
        var school: Configuration.School
        var staff: [String]
    }
    private static let configuredWords = DerivedValueCache<SchoolWords, Set<UInt64>>()

    /// Whether the school (its name, groups, staff) or the roster's groups give the word another sense.
    /// For a sealed roster the word must have been asked of `names` in this document already.
    func isConfigured(_ key: UInt64) -> Bool { configured.contains(key) || names.isGroupWord(key: key) }

    /// A word the roster's groups give another sense and nothing else does: no staff forename, no
    /// adult of this post, not the school's own name.
    func isOnlyGroupWord(_ key: UInt64) -> Bool {
        !configured.contains(key) && !adults.contains(key) && names.isGroupWord(key: key)
    }

    mutating func record(otherSense key: UInt64) { recorded.insert(key) }

    mutating func record(adult key: UInt64) { adults.insert(key) }
    /// The author's forename, and no staff member's or group's.
    func isOnlyTheAuthor(_ key: UInt64) -> Bool { authorsOnly.contains(key) && !isConfigured(key) }

    mutating func record(figure key: UInt64) {
        recorded.insert(key)
        figures.insert(key)
    }

    mutating func record(otherPerson key: UInt64) {
        recorded.insert(key)
        otherPeople.insert(key)
    }

    mutating func record(namedInFull key: UInt64) { namedInFull.insert(key) }

    /// The author a post names in its metadata (front matter `author:`, `<meta name="author">`, "Dr
    /// Aisha Rashid") signs with the forename too ("Aisha" on the last line): an adult's, like staff's.
    mutating func recordAuthors(of document: Document) {
        // "author: Saoirse Hanna" with "role: Head Girl": a pupil wrote it, so her forename is no adult's.
        if document.frontMatter.contains(where: { BylineFinder.isPositionKey($0.key) && BylineFinder.isPupilRole($0.value) }) { return }
        let authors = document.frontMatter.filter { BylineFinder.isAuthorKey($0.key) }
            .map(\.value) + document.metas.filter { $0.name.lowercased() == "author" }.map(\.content)
        for author in authors {
            if let forename = TokenizedBlock.wordKeys(author).first(where: { !PupilNameVocabulary.titles.contains($0) }) {
                if !adults.contains(forename) { authorsOnly.insert(forename) }
                adults.insert(forename)
            }
        }
    }

    mutating func record(surnameNamedInFull key: UInt64) { surnamesNamedInFull.insert(key) }

    mutating func record(surnameOfOther key: UInt64) { surnamesOfOthers.insert(key) }

    mutating func record(stronglyMeant key: UInt64) { stronglyMeant.insert(key) }

    func hasOtherSense(_ key: UInt64) -> Bool { isConfigured(key) || recorded.contains(key) || adults.contains(key) }
}
