/// Why a roster key could not be had or does not open a sealed roster, in words for the school.
/// It never holds the key.
public struct RosterKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }
}
