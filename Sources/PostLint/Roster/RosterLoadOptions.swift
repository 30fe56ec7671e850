/// What loading a roster needs beyond its paths: how to read consent columns, and where a sealed
/// roster's key is. Hashable: `RosterStore` keys its cache on it.
package struct RosterLoadOptions: Sendable, Hashable {
    package var consent = ConsentSettings()
    package var key = RosterKeySource()

    package init(consent: ConsentSettings = ConsentSettings(), key: RosterKeySource = RosterKeySource()) {
        self.consent = consent
        self.key = key
    }
}
