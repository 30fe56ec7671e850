import Foundation

/// A real folder under the system's temporary directory for one test, removed when the test drops it.
package final class TemporaryFolder {
    package let path: String

    package init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` at `relative`, creating folders on the way; returns the absolute path.
    @discardableResult
    package func write(_ relative: String, _ text: String = "") throws -> String {
        let file = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    @discardableResult
    package func makeFolder(_ relative: String) throws -> String {
        let folder = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    package func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: (path as NSString).appendingPathComponent(relative),
                                                   withDestinationPath: destination)
    }

    package func absolute(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }
}
