/// The evidence `pupil-name` weighs, read from the rule pack (`Rules/name-*.yml`) once, as token keys.
/// The lists are data so that a school, or a contributor, can see and extend what counts as a title, a
/// thing's head noun, a figure of faith or a sign that a child is meant; `PupilNameMatcher` says how
/// they are weighed.
enum PupilNameVocabulary {
    /// Forenames that are also ordinary words (`common-word-names`).
    static let commonWordNames = keys(.commonWordNames).union(calendarWords)
    /// Before a name: an adult or a role ("Mrs", "Father", "author").
    static let titles = PersonName.titleKeys
    /// Before a name: a saint, a royal, a character or a storm ("St", "Queen", "Storm").
    static let figureTitles = keys(.nameFigureTitles)
    /// After a name: an honorific that makes it a revered figure ("Khadijah (RA)", "Muhammad ﷺ").
    static let figureSuffixes = keys(.nameFigureSuffixes)
    /// After a full name: letters only adults carry ("MC", "OBE", "MP"); the set bylines read too.
    static var postNominals: TokenKeySet { PersonName.postNominals }
    /// After a name: a thing named after it ("Oak class", "Summer term", "Bede Road").
    static let thingHeads = keys(.nameThingHeads)
    /// Months, seasons and festivals that are also forenames (`calendar-words`).
    static let calendarWords = keys(.calendarWords)
    /// Figures of scripture and saints, read as the figure in a block that speaks of faith.
    static let religiousFigures = keys(.nameReligiousFigures)
    static let religiousContext = keys(.nameReligiousContext)
    /// Holy places that are also forenames, read as the place in a paragraph that speaks of faith.
    static let holyPlaces = keys(.nameHolyPlaces)
    /// Full names of well-known people a pupil may share ("Dylan Thomas"), as word-key sequences.
    /// Read only when `wellKnownSequenceKeys` has a full name's key (rarely: most posts name no one famous).
    static let wellKnownPeople: Set<[UInt64]> = Set(RulePack.embedded.list(.nameWellKnownPeople).map(TokenizedBlock.wordKeys))
    /// `sequenceKey` of each of `wellKnownPeople`: one look-up turns away almost every full name before
    /// its keys are gathered into an array and hashed (a name that passes is still looked up in full).
    static let wellKnownSequenceKeys: TokenKeySet = {
        let people = RulePack.embedded.list(.nameWellKnownPeople)
        var sequenceKeys = TokenKeySet(minimumCapacity: people.count)
        var words: [UInt64] = []
        for person in people {
            words.removeAll(keepingCapacity: true)
            TokenizedBlock.appendWordKeys(of: person, to: &words)
            sequenceKeys.insert(sequenceKey(words))
        }
        return sequenceKeys
    }()

    /// One key for a sequence of word keys, folded in as they come (equal sequences, equal keys).
    static let sequenceKeyBasis = FNV.basis
    @inline(__always)
    static func sequenceKey(_ key: UInt64, adding word: UInt64) -> UInt64 { (key ^ word) &* 0x0000_0100_0000_01B3 }
    static func sequenceKey(_ words: [UInt64]) -> UInt64 { words.reduce(sequenceKeyBasis, sequenceKey(_:adding:)) }
    /// Word sequences right before a name that say a child is meant ("well done to", "played by").
    static let childCues: [[UInt64]] = RulePack.embedded.list(.nameChildCues).map(TokenizedBlock.wordKeys)
    /// Words in a table's column header that say the column names children ("Star of the Week").
    static let adjectives = keys(.nameAdjectives)
    static let childColumns = keys(.nameChildColumns)
    static let thingColumns = keys(.nameThingColumns)
    /// Words right after a name that say someone is doing something ("scored", "won").
    static let childActions = keys(.nameChildActions)

    private static func keys(_ list: WordList) -> TokenKeySet { TokenKeySet(RulePack.embedded.wordKeys(list)) }
}
