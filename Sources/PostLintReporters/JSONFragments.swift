import Foundation
import PostLint

/// Pieces of a pretty-printed JSON document, encoded exactly as `JSONEncoder` would print them inside
/// a larger document, so a report can be written value by value and still match a whole-document
/// encoding byte for byte.
enum JSONFragments {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys make the output byte-for-byte reproducible, so it can be diffed and cached.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` pretty-printed, every line after the first indented by `indent` spaces (its depth in
    /// the enclosing document). Encoded strings never hold a raw line end, so this is safe.
    static func encode<Value: Encodable>(_ value: Value, indent: Int, encoder: JSONEncoder) -> String {
        let text: String
        do {
            text = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Only non-finite numbers fail to encode, and reports hold none.
            preconditionFailure("report failed to encode: \(error)")
        }
        guard indent > 0 else { return text }
        let prefix = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : prefix + $0.element }
            .joined(separator: "\n")
    }
}
