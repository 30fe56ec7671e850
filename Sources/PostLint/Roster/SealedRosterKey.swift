import Crypto
import Foundation

/// The keyed hashes of one sealed roster file: HMAC-SHA-256 under a key derived from the school's
/// key and the file's random salt, so two seals of the same roster share no hash (last year's file
/// and this year's cannot be compared to see who stayed).
///
/// - A token's digest is HMAC(file key, 0x01 ‖ its normalised UTF-8): bytes 0–7 are its start tag
///   (some name form starts with it), 8–15 its group tag (a word of a class or house), 16–23 its
///   tag as a one-token form ("Oliver" alone), 24–31 what longer sequences are hashed from. Parts of
///   one PRF output, so the tags cannot be linked to each other.
/// - A sequence of two tokens or more is HMAC(file key, 0x02 ‖ the 8-byte parts of its tokens):
///   bytes 0–7 are its tag as a name form, 8–15 its tag as the start of a longer form (so matching
///   stops where no form goes on, as the clear automaton does). One hash per form, so the file does
///   not show which forenames and surnames go together. Truncating to 64 bits (RFC 2104 §5) keeps
///   the file small; a false match between a draft's words and a form is about one in 10^13.
/// - The key check is HMAC(file key, "postlint roster key check"): it tells a wrong key from damage.
/// - The file's MAC is HMAC(file key, 0x03 ‖ every byte before it): an edited or cut file is refused.
struct SealedRosterKey: Sendable {
    /// What a token contributes to tags.
    struct TokenDigest: Sendable {
        var start: UInt64
        var group: UInt64
        var single: UInt64
        var part: UInt64
    }

    private let fileKey: SymmetricKey
    private let tokenBase: HMAC<SHA256>
    let sequenceBase: HMAC<SHA256>

    init(_ key: RosterKey, salt: [UInt8]) {
        var derivation = HMAC<SHA256>(key: key.material)
        derivation.update(data: Array("postlint sealed roster 1".utf8) + [0] + salt)
        fileKey = SymmetricKey(data: Array(derivation.finalize()))
        var token = HMAC<SHA256>(key: fileKey)
        token.update(data: [0x01])
        tokenBase = token
        var sequence = HMAC<SHA256>(key: fileKey)
        sequence.update(data: [0x02])
        sequenceBase = sequence
    }

    /// The key check value stored in the file.
    var check: [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array("postlint roster key check".utf8), using: fileKey))
    }

    /// The MAC of a file's body.
    func mac(of body: ArraySlice<UInt8>) -> [UInt8] {
        var mac = HMAC<SHA256>(key: fileKey)
        mac.update(data: [0x03])
        mac.update(data: body)
        return Array(mac.finalize())
    }

    func digest(of normalised: UnsafeRawBufferPointer) -> TokenDigest {
        var hmac = tokenBase
        hmac.update(data: normalised)
        return hmac.finalize().withUnsafeBytes { bytes in
            TokenDigest(start: Self.tag(bytes, 0), group: Self.tag(bytes, 8), single: Self.tag(bytes, 16),
                        part: Self.word(bytes, 24))
        }
    }

    func digest(of normalised: [UInt8]) -> TokenDigest {
        normalised.withUnsafeBytes { digest(of: $0) }
    }

    /// Adds a token to a sequence being hashed.
    static func append(_ digest: TokenDigest, to hmac: inout HMAC<SHA256>) {
        var part = digest.part.littleEndian
        withUnsafeBytes(of: &part) { hmac.update(data: $0) }
    }

    /// The tags of the sequence hashed so far, as a form and as the start of a longer one (the HMAC goes on).
    static func tags(of hmac: HMAC<SHA256>) -> (form: UInt64, prefix: UInt64) {
        hmac.finalize().withUnsafeBytes { (tag($0, 0), tag($0, 8)) }
    }

    /// Eight bytes as a tag; 0 is the tables' empty slot, so it is read as 1.
    private static func tag(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        max(1, word(bytes, offset))
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
