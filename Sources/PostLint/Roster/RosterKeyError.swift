/// Why a roster key could not be had or does not open a sealed roster, in words for the school.
/// It never holds the key.
package struct RosterKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package var description: String { message }

    package init(_ message: String) { self.message = message }
}
