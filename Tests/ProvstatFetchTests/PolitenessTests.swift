import Foundation
import LoopbackServer
import ProvstatBench
import ProvstatFetch
import Testing

/// Per-host and global limits, delays and robots.txt, checked from the server's side.
@Suite("politeness")
struct PolitenessTests {
    @Test("per-host concurrency and delay hold across workers, seen from the server")
    func perHostLimitsHold() throws {
        let hosts = ["127.0.0.21", "127.0.0.22"]
        try withServer(hosts: hosts, fallback: .init(.html("page", delay: 0.1))) { server throws in
            let limits = HostCoordinator.Limits(perHost: 2, minimumDelay: 0.1, global: 8)
            let session = FetchSession(configuration: quickConfiguration(limits: limits))
            let urls = (0..<16).map { server.url("/p\($0)", host: $0 % 2) }
            let queue = WorkQueue(urls)
            concurrently(6) { _ in
                let fetcher = session.makeFetcher()
                while let url = queue.next() { _ = try? fetcher.fetch(url) }
            }
            #expect(server.requests.count == 16)
            for host in hosts {
                #expect(server.peakConcurrency(host: host) == 2, "host \(host) should use, and not exceed, 2 slots")
                // The client spaces its starts exactly; the server's clock adds transit and its own
                // scheduling, which on a loaded machine shift one arrival by tens of milliseconds.
                // So each gap gets that much slack, and the whole run, where the slack counts once,
                // must span its seven delays.
                let starts = server.startTimes(host: host)
                for gap in gaps(starts) {
                    #expect(gap >= 0.1 - arrivalJitter, "requests to \(host) started \(gap) s apart")
                }
                if let first = starts.first, let last = starts.last {
                    let span = last.timeIntervalSince(first)
                    #expect(span >= 0.1 * Double(starts.count - 1) - arrivalJitter, "8 requests spanned \(span) s")
                }
            }
            #expect(session.statistics.snapshot.hosts.keys.sorted() == hosts)
        }
    }

    @Test("the global limit holds over all hosts")
    func globalLimitHolds() throws {
        let hosts = ["127.0.0.31", "127.0.0.32", "127.0.0.33"]
        try withServer(hosts: hosts, fallback: .init(.html("page", delay: 0.08))) { server throws in
            let limits = HostCoordinator.Limits(perHost: 2, minimumDelay: 0, global: 3)
            let session = FetchSession(configuration: quickConfiguration(limits: limits))
            let queue = WorkQueue((0..<12).map { server.url("/p\($0)", host: $0 % 3) })
            concurrently(6) { _ in
                let fetcher = session.makeFetcher()
                while let url = queue.next() { _ = try? fetcher.fetch(url) }
            }
            #expect(server.requests.count == 12)
            #expect(server.peakConcurrency == 3)
        }
    }

    @Test("robots.txt Disallow is obeyed unless told otherwise")
    func robotsDisallow() throws {
        let robots =
            "User-agent: *\nDisallow: /\n\nUser-agent: provstat\nDisallow: /private/\nAllow: /private/public-report\n"
        try withServer(routes: [
            "/robots.txt": .init(.init(headers: [("Content-Type", "text/plain")], body: robots)),
            "/private/secret": .init(.html("secret")), "/private/public-report": .init(.html("ok")),
            "/open": .init(.html("open")),
        ]) { server throws in
            let session = FetchSession(configuration: quickConfiguration(obeyRobots: true))
            let fetcher = session.makeFetcher()
            let error = #expect(throws: FetchError.self) { try fetcher.fetch(server.url("/private/secret")) }
            #expect(error?.reason == .disallowedByRobots)
            #expect(error?.description.contains("--ignore-robots") == true)
            #expect(server.requests(for: "/private/secret").isEmpty)
            #expect(try fetcher.fetch(server.url("/private/public-report")).response.body == Data("ok".utf8))
            #expect(try fetcher.fetch(server.url("/open")).origin == .network)
            #expect(server.requests(for: "/robots.txt").count == 1, "robots.txt is fetched once per run")

            let ignoring = FetchSession(configuration: quickConfiguration(obeyRobots: false)).makeFetcher()
            #expect(try ignoring.fetch(server.url("/private/secret")).response.body == Data("secret".utf8))
        }
    }

    @Test("robots.txt Crawl-delay spaces requests to the host")
    func robotsCrawlDelay() throws {
        try withServer(
            routes: [
                "/robots.txt": .init(
                    .init(headers: [("Content-Type", "text/plain")], body: "User-agent: *\nCrawl-delay: 0.25\n"))
            ],
            fallback: .init(.html("page"))
        ) { server throws in
            let session = FetchSession(configuration: quickConfiguration(obeyRobots: true))
            let queue = WorkQueue((0..<3).map { server.url("/p\($0)") })
            concurrently(3) { _ in
                let fetcher = session.makeFetcher()
                while let url = queue.next() { _ = try? fetcher.fetch(url) }
            }
            let pages = server.requests.filter { $0.path != "/robots.txt" }.map(\.receivedAt).sorted()
            #expect(pages.count == 3)
            for gap in gaps(pages) { #expect(gap >= 0.25 - arrivalJitter, "pages started \(gap) s apart") }
        }
    }

    @Test("a missing robots.txt allows all; an unreachable one disallows with a clear reason")
    func robotsAvailability() throws {
        try withServer(routes: ["/page": .init(.html("ok"))]) { server throws in
            let fetcher = FetchSession(configuration: quickConfiguration(obeyRobots: true)).makeFetcher()
            #expect(try fetcher.fetch(server.url("/page")).origin == .network)
        }
        try withServer(routes: ["/robots.txt": .init(.status(503)), "/page": .init(.html("ok"))]) { server throws in
            let fetcher = FetchSession(configuration: quickConfiguration(attempts: 2, obeyRobots: true)).makeFetcher()
            let error = #expect(throws: FetchError.self) { try fetcher.fetch(server.url("/page")) }
            guard case .robotsUnreachable? = error?.reason else {
                Issue.record("expected robotsUnreachable, got \(String(describing: error))")
                return
            }
            #expect(server.requests(for: "/page").isEmpty)
            #expect(server.requests(for: "/robots.txt").count == 2)
        }
    }
}

/// Reading robots.txt.
@Suite("robots.txt rules")
struct RobotsRulesTests {
    @Test("picks the named group over *, longest match wins, Allow wins ties, wildcards work")
    func rules() {
        let text = """
            # comment
            User-agent: Googlebot
            Disallow: /

            User-agent: provstat
            User-agent: otherbot
            Disallow: /tin-tuc/*.pdf$
            Disallow: /admin
            Allow: /admin/public
            Crawl-delay: 2

            User-agent: *
            Disallow: /
            """
        let rules = RobotsRules(parsing: text, userAgent: "provstat")
        #expect(rules.allows("/"))
        #expect(rules.allows("/tin-tuc/bao-cao.html"))
        #expect(!rules.allows("/tin-tuc/bao-cao.pdf"))
        #expect(rules.allows("/tin-tuc/bao-cao.pdf?x=1"))
        #expect(!rules.allows("/admin/secret"))
        #expect(rules.allows("/admin/public/page"))
        #expect(rules.crawlDelay == 2)
        #expect(!RobotsRules(parsing: text, userAgent: "somebot").allows("/x"))
        #expect(
            !RobotsRules(parsing: "User-agent: prov\nAllow: /\nUser-agent: *\nDisallow: /\n", userAgent: "provstat")
                .allows("/x"))
        #expect(RobotsRules(parsing: "User-agent: ProvStat\nDisallow: /a\n", userAgent: "provstat").allows("/b"))
        #expect(!RobotsRules(parsing: "User-agent: ProvStat\nDisallow: /a\n", userAgent: "provstat").allows("/a/1"))
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", userAgent: "provstat").allows("/x"))
    }
}

/// How much earlier than the client sent it a request may seem to arrive, seen from the server,
/// when the one before it was held up in transit (loopback, a loaded two-core machine).
private let arrivalJitter: TimeInterval = 0.05

/// A list of URLs handed out to several threads.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String]

    init(_ items: [String]) { self.items = items }

    func next() -> String? {
        lock.withLock { items.isEmpty ? nil : items.removeFirst() }
    }
}

/// Both batch engines against one server: every page fetched, limits held.
@Suite("batch engines")
struct BatchEngineTests {
    @Test("each engine fetches every page within the per-host limit", arguments: BatchFetch.Engine.allCases)
    func engineHoldsLimits(engine: BatchFetch.Engine) throws {
        let hosts = ["127.0.0.51", "127.0.0.52", "127.0.0.53"]
        try withServer(hosts: hosts, fallback: .init(.html("page", delay: 0.05))) { server throws in
            let session = FetchSession(
                configuration: quickConfiguration(limits: .init(perHost: 2, minimumDelay: 0, global: 6)))
            // All of one host first: a scheduler that blocked on the first job in line would serialise.
            let urls = (0..<24).map { server.url("/p\($0)", host: $0 / 8) }
            let results = BatchFetch.run(urls, engine: engine, workers: 6, session: session)
            #expect(results.allSatisfy { if case .success = $0 { true } else { false } })
            for host in hosts { #expect(server.peakConcurrency(host: host) == 2) }
            // Host-aware picking: a scheduler that waited on the first job in line would serve one
            // host at a time (how fast is the benchmark's business, not a test's).
            #expect(server.peakConcurrency > 2, "hosts were served in parallel")
            #expect(session.statistics.snapshot.total.fetched == 24)
        }
    }
}
