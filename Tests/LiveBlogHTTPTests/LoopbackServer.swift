import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP server on 127.0.0.1 for the fetcher's tests; each path is one behaviour.
final class LoopbackServer {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let channel: Channel
    let port: Int

    init() throws {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RouteHandler())
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

/// Answers by path: pages, redirects, compressed bodies, errors, silence and floods.
private final class RouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let page = Array(
        "<!doctype html><html><head><title>Loopback live</title></head><body><p>Served over loopback.</p></body></html>"
            .utf8)
    /// `<html><body><p>Compressed page.</p></body></html>`, gzipped with mtime 0.
    static let gzipped: [UInt8] = [
        31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 179, 201, 40, 201, 205, 177, 179, 73, 202, 79, 169, 180, 179, 41, 176, 115,
        206,
        207, 45, 40, 74, 45, 46, 78, 77, 81, 40, 72, 76, 79, 213, 179, 209, 47, 176, 179, 209, 135, 200, 234, 131, 149,
        2,
        0, 18, 199, 54, 91, 49, 0, 0, 0,
    ]

    /// 300,000 zero bytes gzipped (mtime 0) into 325: over the tests' 100,000-byte limit once inflated.
    static let bomb: [UInt8] =
        [31, 139, 8, 0, 0, 0, 0, 0, 2, 255, 237, 193, 1, 13, 0, 0, 0, 194, 160, 247, 79, 109, 15, 7, 20]
        + [UInt8](repeating: 0, count: 290) + [252, 24, 251, 226, 178, 246, 224, 147, 4, 0]
    /// A gzip header followed by bytes that are no deflate stream.
    static let corruptGzip: [UInt8] = [31, 139, 8, 0, 0, 0, 0, 0, 0, 3] + [UInt8](repeating: 0xFF, count: 32)

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        let path = head.uri
        let html = [("Content-Type", "text/html; charset=utf-8")]
        switch path {
        case "/page": respond(context, .ok, html, Self.page)
        case "/ua":
            respond(
                context, .ok, [("Content-Type", "text/plain")],
                Array((head.headers.first(name: "user-agent") ?? "").utf8))
        case "/redirect": respond(context, .found, [("Location", "/page")], [])
        case "/loop": respond(context, .found, [("Location", "/loop")], [])
        case "/gzip": respond(context, .ok, html + [("Content-Encoding", "gzip")], Self.gzipped)
        case "/missing": respond(context, .notFound, html, Array("<p>gone</p>".utf8))
        case "/broken": respond(context, .internalServerError, html, Array("<p>oops</p>".utf8))
        case "/not-modified": respond(context, .notModified, [], [])
        case "/pdf": respond(context, .ok, [("Content-Type", "application/pdf")], Array("%PDF-1.4".utf8))
        case "/declared-huge": respond(context, .ok, html + [("Content-Length", "2147483648")], [], length: false)
        case "/flood": respond(context, .ok, html, [UInt8](repeating: 0x61, count: 200_000), length: false)
        case "/bomb": respond(context, .ok, html + [("Content-Encoding", "gzip")], Self.bomb)
        case "/corrupt-gzip": respond(context, .ok, html + [("Content-Encoding", "gzip")], Self.corruptGzip)
        case "/bad-port": respond(context, .found, [("Location", "http://127.0.0.1:70000/page")], [])
        case "/bad-location": respond(context, .found, [("Location", "http://exa mple.org/<script>")], [])
        case "/never": return  // never answers: the client's timeout must end the wait
        default:
            if path.hasPrefix("/hop/"), let n = Int(path.dropFirst(5)) {
                respond(context, .found, [("Location", "/hop/\(n + 1)")], [])
            } else {
                respond(context, .notFound, html, [])
            }
        }
    }

    /// Writes a whole response; without `length`, the body goes chunked (no Content-Length to trust).
    private func respond(
        _ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ headers: [(String, String)],
        _ body: [UInt8], length: Bool = true
    ) {
        var fields = HTTPHeaders(headers)
        if length, !fields.contains(name: "Content-Length") {
            fields.add(name: "Content-Length", value: "\(body.count)")
        }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: fields))), promise: nil)
        if !body.isEmpty {
            var buffer = context.channel.allocator.buffer(capacity: body.count)
            buffer.writeBytes(body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
