import Foundation
import PostLint

/// Ends a worker process when its parent does. A worker notices its pipe closing only between
/// checks, so without this a worker in the middle of a long check would outlive a server that was
/// stopped or killed.
public enum WorkerParentWatch {
    public static func start() {
        let parent = getppid()
        let watch = Thread {
            while getppid() == parent { sleep(1) }
            exit(0)
        }
        watch.start()
    }
}
