/// Element-table entries remembered by where libxml2 keeps the name: it hands each element name over
/// from its dictionary (or as a constant, for elements it implies), so the same name nearly always
/// comes at the same address and a start tag finds its entry without hashing the name. The name is
/// still compared, so an address that is reused for another name only costs a look-up.
struct HTMLElementCache {
    private static let size = 64
    private var slots = [(name: String, entry: HTMLElementTable.Entry)?](repeating: nil, count: size)

    mutating func entry(of name: String, at address: UnsafePointer<UInt8>?) -> HTMLElementTable.Entry {
        let slot = Int(UInt(bitPattern: address) >> 3 & UInt(Self.size - 1))
        if let cached = slots[slot], cached.name == name { return cached.entry }
        let entry = HTMLElementTable.entry(of: name)
        slots[slot] = (name, entry)
        return entry
    }
}
