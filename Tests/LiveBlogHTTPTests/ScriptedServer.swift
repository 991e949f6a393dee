import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP server on 127.0.0.1 whose every answer comes from a closure the test writes: a blog that grows,
/// is edited, answers `304`, `500`, slowly or empty, request after request. It records each request's headers.
///
/// Shared by the HTTP tests and the end-to-end tests (the latter through a symbolic link to this file).
final class ScriptedServer: @unchecked Sendable {
    /// One request as the responder sees it: its number (from 0), path and headers (lowercased names).
    struct Request: Sendable {
        var number: Int
        var path: String
        var headers: [String: String]
    }

    /// One answer; `delay` holds it back that many seconds.
    struct Reply: Sendable {
        var status: Int = 200
        var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
        var body: [UInt8] = []
        var delay: Double = 0

        static func page(_ html: String, etag: String? = nil, maxAge: Int? = nil) -> Reply {
            var reply = Reply(body: Array(html.utf8))
            if let etag { reply.headers.append(("ETag", etag)) }
            if let maxAge { reply.headers.append(("Cache-Control", "max-age=\(maxAge)")) }
            return reply
        }
    }

    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel?
    private(set) var port = 0
    private let lock = NSLock()
    private var recorded: [Request] = []
    private let respond: @Sendable (Request) -> Reply

    init(_ respond: @escaping @Sendable (Request) -> Reply) throws {
        self.respond = respond
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ScriptedHandler(server: self))
                }
            }
        let bound = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        channel = bound
        port = bound.localAddress?.port ?? 0
    }

    func url(_ path: String = "/blog") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests so far, in order.
    var requests: [Request] { lock.withLock { recorded } }

    fileprivate func reply(path: String, headers: HTTPHeaders) -> Reply {
        var fields: [String: String] = [:]
        for (name, value) in headers { fields[name.lowercased()] = value }
        let request: Request = lock.withLock {
            let request = Request(number: recorded.count, path: path, headers: fields)
            recorded.append(request)
            return request
        }
        return respond(request)
    }

    func stop() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }
}

private final class ScriptedHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: ScriptedServer
    private var head: HTTPRequestHead?

    init(server: ScriptedServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let reply = server.reply(path: head.uri, headers: head.headers)
            if reply.delay > 0 {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) {
                    let (handler, context) = loopBound.value
                    handler.write(reply, context)
                }
            } else {
                write(reply, context)
            }
        }
    }

    private func write(_ reply: ScriptedServer.Reply, _ context: ChannelHandlerContext) {
        var fields = HTTPHeaders(reply.headers)
        fields.replaceOrAdd(name: "Content-Length", value: "\(reply.body.count)")
        let status = HTTPResponseStatus(statusCode: reply.status)
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: fields))), promise: nil)
        if !reply.body.isEmpty {
            var buffer = context.channel.allocator.buffer(capacity: reply.body.count)
            buffer.writeBytes(reply.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
