/// The first occurrence of a fixed needle at or after a position, remembered between calls.
///
/// An inline scan asks "is there a `>` (or `-->`, `?>`) after this `<`?" at every `<`; searching to
/// the end each time makes a run of `<` quadratic. CommonMark's reference parsers remember where the
/// last search ended instead: when a later question starts at or after the last start and no
/// later than the answer, the answer is the same (including "none").
struct ForwardSearch {
    private let needle: [UInt8]
    private var searchedFrom = Int.max
    private var found: Int?

    init(_ needle: String) {
        self.needle = Array(needle.utf8)
    }

    /// The start of the first case-insensitive match of the (lowercase ASCII) needle in
    /// `bytes[from..<end]`. `end` must be the same for every call.
    mutating func first(in bytes: [UInt8], from: Int, end: Int) -> Int? {
        if from >= searchedFrom, found.map({ from <= $0 }) ?? true { return found }
        searchedFrom = from
        found = MarkdownHTMLTag.find(needle, in: bytes, from..<end)
        return found
    }
}
