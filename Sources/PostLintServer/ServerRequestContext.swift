import Hummingbird
import NIOCore

/// The request context of `postlint serve`: Hummingbird's basic one plus the connection, so a check
/// can be cancelled when its client goes away.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
