import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP server for the follow benchmarks: every answer comes from a closure of the request number
/// and its `If-None-Match`.
final class BenchServer: @unchecked Sendable {
    struct Reply: Sendable {
        var status = 200
        var etag: String?
        var body: [UInt8] = []
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel?
    private(set) var port = 0
    private let lock = NSLock()
    private var count = 0
    fileprivate let respond: @Sendable (_ number: Int, _ ifNoneMatch: String?) -> Reply

    init(_ respond: @escaping @Sendable (_ number: Int, _ ifNoneMatch: String?) -> Reply) throws {
        self.respond = respond
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(BenchHandler(server: self))
                }
            }
        let bound = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        channel = bound
        port = bound.localAddress?.port ?? 0
    }

    var url: String { "http://127.0.0.1:\(port)/blog" }

    fileprivate func next() -> Int {
        lock.withLock {
            defer { count += 1 }
            return count
        }
    }

    func stop() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }
}

private final class BenchHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let server: BenchServer
    private var ifNoneMatch: String?

    init(server: BenchServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): ifNoneMatch = head.headers.first(name: "if-none-match")
        case .body: break
        case .end:
            let reply = server.respond(server.next(), ifNoneMatch)
            var fields = HTTPHeaders([
                ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "\(reply.body.count)"),
            ])
            if let etag = reply.etag { fields.add(name: "ETag", value: etag) }
            let head = HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: fields)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if !reply.body.isEmpty {
                var buffer = context.channel.allocator.buffer(capacity: reply.body.count)
                buffer.writeBytes(reply.body)
                context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
