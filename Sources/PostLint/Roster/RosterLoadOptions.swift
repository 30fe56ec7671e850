/// What loading a roster needs beyond its paths: how to read consent columns, and where a sealed
/// roster's key is. Hashable: `RosterStore` keys its cache on it.
public struct RosterLoadOptions: Sendable, Hashable {
    public var consent = ConsentSettings()
    public var key = RosterKeySource()

    public init(consent: ConsentSettings = ConsentSettings(), key: RosterKeySource = RosterKeySource()) {
        self.consent = consent
        self.key = key
    }
}
