/// Finds the image element a block of alt text or a file name was read from, so that what the alt text
/// says of a photo can be applied to that photo's file name and to no other. Logarithmic per block: a
/// hostile draft may hold many thousands of images.
struct ImageLocator {
    /// The images' source ranges, by start.
    private let ranges: [(range: Range<Int>, index: Int)]

    init(_ images: [ImageElement]) {
        ranges = images.enumerated().map { (range: $0.element.range, index: $0.offset) }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The index (in the document's images) of the image whose source holds the block, or nil.
    func image(holding block: TextBlock) -> Int? {
        guard let start = block.map.runs.first?.sourceStart else { return nil }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].range.lowerBound <= start { low = middle + 1 } else { high = middle }
        }
        guard low > 0, ranges[low - 1].range.contains(start) else { return nil }
        return ranges[low - 1].index
    }
}
