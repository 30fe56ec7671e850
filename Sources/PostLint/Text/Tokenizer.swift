/// Splits a block's UTF-8 text into tokens. Placeholder until the byte-level tokenizer lands.
struct Tokenizer {
    let block: TextBlock
    var tokens: [Token] = []
    var normalized: [UInt8] = []

    init(block: TextBlock) { self.block = block }

    mutating func run() {}
}
