import Foundation
import PostLint

/// A test-only way to make a check trap inside a worker, so tests can show that the server and the
/// language server survive a bug they cannot catch. Only workers read `POSTLINT_TEST_TRAP`; a draft
/// containing its (non-empty) value stops the worker as a failed precondition in a check would.
public enum WorkerTestTrap {
    private static let marker: [UInt8]? = {
        guard let value = ProcessInfo.processInfo.environment["POSTLINT_TEST_TRAP"], !value.isEmpty else { return nil }
        return Array(value.utf8)
    }()

    public static func trapIfAsked(_ draft: [UInt8]) {
        guard let marker else { return }
        let found = marker.withUnsafeBufferPointer { needle in
            draft.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, from: 0) != nil }
        }
        guard found else { return }
        fatalError("POSTLINT_TEST_TRAP: trapping as asked")
    }
}
