import Crypto
import Foundation

/// The school's secret for sealed rosters: the HMAC key under which every name form is hashed.
///
/// It is text (a CI secret or a file, e.g. from `openssl rand -base64 32`), read as its UTF-8 bytes
/// after trimming white space and line ends, and at least `minimumLength` bytes: a short key could
/// be guessed, and with it every forename is a dictionary away. It is never printed or stored;
/// `origin` says where it came from, for messages.
package struct RosterKey: Sendable {
    package static let environmentVariable = "POSTLINT_ROSTER_KEY"
    package static let minimumLength = 16

    let material: SymmetricKey
    /// "POSTLINT_ROSTER_KEY" or "the key file /path": where the key came from.
    package let origin: String

    package init(secret: String, origin: String) throws(RosterKeyError) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count >= Self.minimumLength else {
            throw RosterKeyError("the roster key from \(origin) is too short (\(trimmed.utf8.count) characters; at least "
                                 + "\(Self.minimumLength) are needed — make one with `openssl rand -base64 32`)")
        }
        material = SymmetricKey(data: Array(trimmed.utf8))
        self.origin = origin
    }
}
