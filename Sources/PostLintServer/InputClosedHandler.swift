import NIOCore
import NIOHTTPTypes

/// Closes a connection as soon as its client stops sending (the server allows half-closed
/// connections, so otherwise it would stay open): a client that gave up is gone, and its check is
/// cancelled (see `ClientDeparture`).
final class InputClosedHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
