/// The roster's name forms as the pupil-name check reads them: compiled from CSV into an automaton
/// over token keys (with the keys of the pupils' group words), or sealed, as keyed hashes.
enum RosterNames: Sendable {
    case clear(NameAutomaton, groupWords: Set<UInt64>)
    case sealed(SealedNames)
}
