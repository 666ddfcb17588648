import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on one or more loopback addresses, with fault injection; started and
/// stopped by the test (or benchmark) that uses it.
///
/// Several addresses (127.0.0.2, 127.0.0.3, …; Linux binds all of 127/8 on `lo`) share one port,
/// one route table and one request log, so one server stands for several hosts. Routes may be
/// changed while it runs. Thread-safe: routes and the log sit behind a lock.
public final class LoopbackServer: @unchecked Sendable {
    private let group: MultiThreadedEventLoopGroup
    private var channels: [Channel] = []
    private let lock = NSLock()
    private var routes: [String: Route]
    private var fallback: Route?
    private var hits: [String: Int] = [:]
    private var log: [RecordedRequest] = []
    private var inFlight: [String: Int] = [:]
    private var peak: [String: Int] = [:]
    private var totalInFlight = 0
    private var totalPeak = 0

    /// The addresses it listens on; the first is `host`.
    public let hosts: [String]
    /// The first address it listens on.
    public var host: String { hosts[0] }
    /// The port it listens on (the same on every address), chosen by the system.
    public private(set) var port: Int = 0

    /// A server for `routes` (path with query → route); `fallback` answers every other path.
    public init(hosts: [String] = ["127.0.0.1"], routes: [String: Route] = [:], fallback: Route? = nil) {
        precondition(!hosts.isEmpty, "a server needs at least one address")
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.routes = routes
        self.fallback = fallback
        self.hosts = hosts
    }

    /// A server on one address.
    public convenience init(host: String, routes: [String: Route] = [:], fallback: Route? = nil) {
        self.init(hosts: [host], routes: routes, fallback: fallback)
    }

    // MARK: - Lifecycle

    /// Binds every address (the first on a free port, the rest on the same port) and serves.
    public func start() throws {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelInitializer { [self] channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(ExchangeHandler(server: self))
                }
            }
        let first = try bootstrap.bind(host: hosts[0], port: 0).wait()
        channels = [first]
        port = first.localAddress?.port ?? 0
        for address in hosts.dropFirst() {
            channels.append(try bootstrap.bind(host: address, port: port).wait())
        }
    }

    /// Stops serving and releases the event loop.
    public func stop() throws {
        for channel in channels { try? channel.close().wait() }
        channels = []
        try group.syncShutdownGracefully()
    }

    /// The base URL of the first address, e.g. `http://127.0.0.1:41234`.
    public var baseURL: String { "http://\(host):\(port)" }

    /// The URL of `path` on the address at `hostIndex`.
    public func url(_ path: String, host hostIndex: Int = 0) -> String {
        "http://\(hosts[hostIndex]):\(port)\(path)"
    }

    // MARK: - Routes

    /// Replaces (or adds) the route for `path`, and restarts its response sequence.
    public func setRoute(_ path: String, _ route: Route) {
        lock.withLock {
            routes[path] = route
            hits[path] = 0
        }
    }

    /// The response for the next request to `path` (each route steps through its sequence).
    func nextResponse(for path: String) -> Response {
        lock.withLock {
            guard let route = routes[path] ?? fallback else { return Response(status: 404, body: "not found") }
            let index = hits[path, default: 0]
            hits[path] = index + 1
            return route.responses[min(index, route.responses.count - 1)]
        }
    }

    // MARK: - Request log

    /// Every request received so far, in order of arrival.
    public var requests: [RecordedRequest] { lock.withLock { log } }

    /// Requests received for `path` (on any address).
    public func requests(for path: String) -> [RecordedRequest] { requests.filter { $0.path == path } }

    /// The largest number of requests in progress at once on `host` (an address), so far.
    public func peakConcurrency(host: String) -> Int { lock.withLock { peak[host] ?? 0 } }

    /// The largest number of requests in progress at once over all addresses, so far.
    public var peakConcurrency: Int { lock.withLock { totalPeak } }

    /// The start times of requests to `host`, in order.
    public func startTimes(host: String) -> [Date] {
        requests.filter { $0.host == host }.map(\.receivedAt).sorted()
    }

    /// Forgets the log and the peaks (routes and their sequences stay).
    public func resetLog() {
        lock.withLock {
            log = []
            peak = [:]
            totalPeak = 0
        }
    }

    func began(_ request: RecordedRequest) {
        lock.withLock {
            log.append(request)
            let now = inFlight[request.host, default: 0] + 1
            inFlight[request.host] = now
            peak[request.host] = max(peak[request.host] ?? 0, now)
            totalInFlight += 1
            totalPeak = max(totalPeak, totalInFlight)
        }
    }

    func ended(host: String) {
        lock.withLock {
            inFlight[host] = max(0, inFlight[host, default: 0] - 1)
            totalInFlight = max(0, totalInFlight - 1)
        }
    }
}

// MARK: - Routes and responses

extension LoopbackServer {
    /// How the server answers one path: a sequence of responses, the last one repeated.
    public struct Route: Sendable {
        public var responses: [Response]

        public init(_ responses: [Response]) {
            precondition(!responses.isEmpty, "a route needs at least one response")
            self.responses = responses
        }

        /// The same response every time.
        public init(_ response: Response) { self.init([response]) }

        /// An HTML page, UTF-8 (kept for the skeleton's callers).
        public init(
            status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
            body: String
        ) {
            self.init(Response(status: status, headers: headers, body: body))
        }
    }

    /// What can go wrong on the wire, on purpose.
    public enum Fault: Sendable {
        /// Close the connection with a TCP reset instead of answering.
        case resetConnection
        /// Send a correct Content-Length but only the first `bytes` of the body, then close.
        case truncateBody(after: Int)
        /// Declare `length` as the Content-Length, send the real body, then close.
        case declareLength(Int)
    }

    /// One answer.
    public struct Response: @unchecked Sendable {
        public var status: Int
        /// Header pairs; `Content-Length` is computed unless a fault says otherwise.
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Time to wait before answering.
        public var delay: TimeInterval
        /// Gzip the body when the client accepts it.
        public var gzip: Bool
        /// Answer 304 when the request's If-None-Match equals this.
        public var etag: String?
        /// Answer 304 when the request's If-Modified-Since equals this.
        public var lastModified: String?
        public var fault: Fault?
        /// Send no Content-Length (NIO then uses chunked encoding): the client learns the size
        /// only as the bytes arrive.
        public var chunked = false

        public init(
            status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
            bytes: [UInt8], delay: TimeInterval = 0, gzip: Bool = false, etag: String? = nil,
            lastModified: String? = nil, fault: Fault? = nil, chunked: Bool = false
        ) {
            self.chunked = chunked
            self.status = status
            self.headers = headers
            self.body = bytes
            self.delay = delay
            self.gzip = gzip
            self.etag = etag
            self.lastModified = lastModified
            self.fault = fault
        }

        public init(
            status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
            body: String = "", delay: TimeInterval = 0, gzip: Bool = false, etag: String? = nil,
            lastModified: String? = nil, fault: Fault? = nil, chunked: Bool = false
        ) {
            self.init(
                status: status, headers: headers, bytes: Array(body.utf8), delay: delay, gzip: gzip, etag: etag,
                lastModified: lastModified, fault: fault, chunked: chunked)
        }

        /// An HTML page in UTF-8.
        public static func html(_ body: String, delay: TimeInterval = 0) -> Response {
            Response(body: body, delay: delay)
        }

        /// A status with an optional Retry-After value (seconds or an HTTP-date).
        public static func status(_ status: Int, retryAfter: String? = nil) -> Response {
            var headers = [("Content-Type", "text/plain")]
            if let retryAfter { headers.append(("Retry-After", retryAfter)) }
            return Response(status: status, headers: headers, body: "status \(status)")
        }

        /// A 302 to `location`.
        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)], body: "")
        }
    }

    /// One request as the server saw it.
    public struct RecordedRequest: Sendable {
        /// The local address it arrived on (the "host").
        public var host: String
        public var method: String
        /// Path with query.
        public var path: String
        /// Headers, names lower-cased.
        public var headers: [String: String]
        public var receivedAt: Date

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }
}

// MARK: - The channel handler

/// Answers requests on one connection from the server's routes.
final class ExchangeHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: LoopbackServer
    private var request: LoopbackServer.RecordedRequest?
    private var open = 0

    init(server: LoopbackServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let address = context.channel.localAddress?.ipAddress ?? "?"
            let recorded = LoopbackServer.RecordedRequest(
                host: address, method: "\(head.method)", path: head.uri, headers: headers, receivedAt: Date())
            request = recorded
            server.began(recorded)
            open += 1
        case .body:
            break
        case .end:
            guard let request else { return }
            self.request = nil
            let response = server.nextResponse(for: request.path)
            let channel = context.channel
            if response.delay > 0 {
                context.eventLoop.scheduleTask(in: .nanoseconds(Int64(response.delay * 1e9))) {
                    self.answer(request, with: response, on: channel)
                }
            } else {
                answer(request, with: response, on: channel)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // Requests cut short (a reset, a client timeout) end here.
        if open > 0, let host = context.channel.localAddress?.ipAddress {
            for _ in 0..<open { server.ended(host: host) }
        }
        open = 0
        context.fireChannelInactive()
    }

    private func finished(_ host: String) {
        guard open > 0 else { return }
        open -= 1
        server.ended(host: host)
    }

    private func answer(
        _ request: LoopbackServer.RecordedRequest, with response: LoopbackServer.Response, on channel: Channel
    ) {
        guard channel.isActive else { return }
        if case .resetConnection = response.fault {
            finished(request.host)
            let reset =
                (channel as? SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0))
                ?? channel.eventLoop.makeSucceededVoidFuture()
            reset.whenComplete { _ in channel.close(promise: nil) }
            return
        }

        var status = response.status
        var body = response.body
        var headers = HTTPHeaders(response.headers)
        if let etag = response.etag {
            headers.replaceOrAdd(name: "ETag", value: etag)
            if request.header("if-none-match") == etag { status = 304 }
        }
        if let lastModified = response.lastModified {
            headers.replaceOrAdd(name: "Last-Modified", value: lastModified)
            if request.header("if-modified-since") == lastModified { status = 304 }
        }
        if status == 304 { body = [] }
        if response.gzip, status != 304, request.header("accept-encoding")?.contains("gzip") == true {
            body = Gzip.stored(body)
            headers.replaceOrAdd(name: "Content-Encoding", value: "gzip")
        }

        var sent = body
        var closeAfter = false
        switch response.fault {
        case .truncateBody(let bytes):
            headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
            sent = Array(body.prefix(bytes))
            closeAfter = true
        case .declareLength(let length):
            headers.replaceOrAdd(name: "Content-Length", value: String(length))
            closeAfter = true
        default:
            if !response.chunked { headers.replaceOrAdd(name: "Content-Length", value: String(body.count)) }
        }

        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
        channel.write(HTTPServerResponsePart.head(head), promise: nil)
        if !sent.isEmpty {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: sent))), promise: nil)
        }
        if closeAfter {
            // Never send `.end`: the message would be complete in NIO's eyes; close mid-body instead.
            channel.flush()
            finished(request.host)
            channel.close(promise: nil)
            return
        }
        let done = channel.eventLoop.makePromise(of: Void.self)
        done.futureResult.whenComplete { _ in self.finished(request.host) }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: done)
    }
}
