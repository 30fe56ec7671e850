import PostLint
import Testing

/// Word lists are named by a typed id: every id must have its list in the embedded rule pack, and every
/// list in `Rules/` an id, or a check would silently read an empty list or a list would be dead data.
@Suite struct WordListTests {
    @Test func everyIdHasAListAndEveryListAnId() {
        let pack = RulePack.embedded
        for id in WordList.allCases {
            #expect(!pack.list(id).isEmpty, "Rules/ has no list \(id.rawValue)")
        }
        #expect(Set(pack.lists.keys) == Set(WordList.allCases.map(\.rawValue)))
    }
}
