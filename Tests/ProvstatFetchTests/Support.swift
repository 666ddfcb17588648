import Foundation
import LoopbackServer
import ProvstatFetch

/// Starts a loopback server for the duration of `body` and stops it afterwards, whatever happens.
func withServer<T>(
    hosts: [String] = ["127.0.0.1"], routes: [String: LoopbackServer.Route] = [:],
    fallback: LoopbackServer.Route? = nil, _ body: (LoopbackServer) throws -> T
) throws -> T {
    let server = LoopbackServer(hosts: hosts, routes: routes, fallback: fallback)
    try server.start()
    defer { try? server.stop() }
    return try body(server)
}

/// Settings that keep tests fast: no delay between requests, short backoffs, robots ignored
/// unless a test turns it on.
func quickConfiguration(
    store: RawStore? = nil, attempts: Int = 4, obeyRobots: Bool = false, offline: Bool = false,
    limits: HostCoordinator.Limits = .init(perHost: 2, minimumDelay: 0, global: 8),
    client: CurlEasyHandle.Options = .init(
        userAgent: "provstat/test (contact: ops@example.org)", connectTimeout: 2, totalTimeout: 5)
) -> FetchSession.Configuration {
    FetchSession.Configuration(
        client: client, limits: limits,
        retry: RetryPolicy(attempts: attempts, baseDelay: 0.01, maxDelay: 0.05, retryAfterCap: 2),
        obeyRobots: obeyRobots, store: store, offline: offline)
}

/// A fresh folder under the temporary directory, removed by the caller's `defer`.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-fetch-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `count` closures on `count` threads of their own at once and waits for all.
///
/// Real threads, not Dispatch's global queue: workers block in the coordinator, and the global
/// queue's width follows the core count, so on 2 cores it would hide concurrency.
func concurrently(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            work(index)
            group.leave()
        }.start()
    }
    group.wait()
}

/// Gaps between consecutive dates, in seconds.
func gaps(_ dates: [Date]) -> [TimeInterval] {
    zip(dates.dropFirst(), dates).map { $0.timeIntervalSince($1) }
}
