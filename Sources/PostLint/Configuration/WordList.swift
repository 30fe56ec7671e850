/// The word lists of the embedded rule pack (`Rules/*.yml` files of `kind: list`), by id. A typed id
/// cannot be misspelt into an empty list; a test holds this enum and the `Rules/` folder in step. It sits
/// with the configuration because a `rules-path:` file may add to one, and is checked as it is loaded.
package enum WordList: String, CaseIterable, Sendable {
    case addressHouseWords = "address-house-words"
    case addressNumberLabels = "address-number-labels"
    case bylineOpeners = "byline-openers"
    case bylineStrongOpeners = "byline-strong-openers"
    case calendarWords = "calendar-words"
    case citationAsVerbs = "citation-as-verbs"
    case citationClauseStops = "citation-clause-stops"
    case citationGenericSources = "citation-generic-sources"
    case citationNotSources = "citation-not-sources"
    case citationOpeners = "citation-openers"
    case citationPublishingVerbs = "citation-publishing-verbs"
    case citationReportNouns = "citation-report-nouns"
    case citationReportingVerbs = "citation-reporting-verbs"
    case citationVerbNounForms = "citation-verb-noun-forms"
    case commonWordNames = "common-word-names"
    case emailTlds = "email-tlds"
    case jobTitles = "job-titles"
    case languages = "languages"
    case nameChildActions = "name-child-actions"
    case mailServiceHosts = "mail-service-hosts"
    case nameChildColumns = "name-child-columns"
    case nameChildCues = "name-child-cues"
    case nameFigureSuffixes = "name-figure-suffixes"
    case nameFigureTitles = "name-figure-titles"
    case nameHolyPlaces = "name-holy-places"
    case nameReligiousContext = "name-religious-context"
    case nameReligiousFigures = "name-religious-figures"
    case nameThingHeads = "name-thing-heads"
    case nameTitles = "name-titles"
    case nameWellKnownPeople = "name-well-known-people"
    case numberLabels = "number-labels"
    case personalEmailDomains = "personal-email-domains"
    case pupilRoles = "pupil-roles"
    case schoolNameSuffixes = "school-name-suffixes"
    case siteHosts = "site-hosts"
    case streetArticles = "street-articles"
    case streetTypes = "street-types"
    case streetTypesLeading = "street-types-leading"
    case ukShortAreaCodes = "uk-short-area-codes"
    case wellKnownAddresses = "well-known-addresses"

    /// Lists a rule file of `rules-path:` may add to (Vale's vocabularies are additive too): those a check
    /// reads per configuration. The others are compiled once a process, into static matchers.
    static let extensibleAtRunTime: Set<WordList> = [.jobTitles]
}
