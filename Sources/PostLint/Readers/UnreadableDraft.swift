/// Why a file could not be read as a draft at all (not a text file, a damaged Word document): the one
/// error its report carries.
package struct UnreadableDraft: Error, Sendable {
    package var message: String
}
