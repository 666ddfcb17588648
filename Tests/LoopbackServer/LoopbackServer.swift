import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on a loopback address, for tests; started and stopped by the test.
public final class LoopbackServer: @unchecked Sendable {
    /// How the server answers one path.
    public struct Route: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")], body: String) {
            self.status = status
            self.headers = headers
            self.body = Array(body.utf8)
        }
    }

    private let group: MultiThreadedEventLoopGroup
    private var channel: Channel?
    private let routes: [String: Route]
    /// The address it listens on.
    public let host: String
    /// The port it listens on, chosen by the system.
    public private(set) var port: Int = 0

    public init(host: String = "127.0.0.1", routes: [String: Route]) {
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.routes = routes
        self.host = host
    }

    /// Binds and starts serving.
    public func start() throws {
        let routes = self.routes
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(RouteHandler(routes: routes))
                }
            }
        let channel = try bootstrap.bind(host: host, port: 0).wait()
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops serving and releases the event loop.
    public func stop() throws {
        try channel?.close().wait()
        try group.syncShutdownGracefully()
    }
}

final class RouteHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: [String: LoopbackServer.Route]
    private var path = "/"

    init(routes: [String: LoopbackServer.Route]) { self.routes = routes }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            path = head.uri
        case .body:
            break
        case .end:
            let route = routes[path] ?? LoopbackServer.Route(status: 404, body: "not found")
            var headers = HTTPHeaders(route.headers)
            headers.replaceOrAdd(name: "Content-Length", value: String(route.body.count))
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: route.status), headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: route.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
