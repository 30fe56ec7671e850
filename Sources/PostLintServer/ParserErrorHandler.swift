import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers what the HTTP parser rejects before a request reaches the router (an unknown method, a
/// URL or headers over the limit, both Content-Length and Transfer-Encoding) with the API's JSON
/// error and the security headers every response carries, then closes the connection. Hummingbird
/// alone answers an empty 400. A parse error inside a body being read goes on to the handler reading
/// it, which answers 400 (see `JSONErrorMiddleware`).
final class ParserErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// A request head has been passed on and its end has not: its handler owns any error.
    private var requestOpen = false
    /// A response has begun and not ended: another one cannot be written now.
    private var responding = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: requestOpen = true
        case .end: requestOpen = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head: responding = true
        case .end: responding = false
        case .body: break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, !requestOpen, !responding else {
            return context.fireErrorCaught(error)
        }
        let status: HTTPResponse.Status = parserError == .headerOverflow ? .requestHeaderFieldsTooLarge : .badRequest
        let error = APIError(status, "the request is not HTTP/1.1 this server can read (\(parserError))")
        var fields = SecurityHeadersMiddleware<ServerRequestContext>.fields
        let body = ByteBuffer(string: error.json)
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        responding = true
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
