import Foundation
import LoopbackServer
import ProvstatFetch
import Testing

/// Retries against a server that fails on purpose, counted from the server's side.
@Suite("retries")
struct RetryTests {
    @Test("retries transient statuses and then succeeds", arguments: [408, 429, 500, 502, 503, 504])
    func transientStatusThenSuccess(status: Int) throws {
        try withServer(routes: ["/flaky": .init([.status(status), .status(status), .html("ok")])]) { server throws in
            let session = FetchSession(configuration: quickConfiguration())
            let result = try session.makeFetcher().fetch(server.url("/flaky"))
            #expect(result.attempts == 3)
            #expect(result.response.body == Data("ok".utf8))
            #expect(server.requests(for: "/flaky").count == 3)
            let figures = try #require(session.statistics.snapshot.hosts["127.0.0.1"])
            #expect(figures.retried == 2)
            #expect(figures.fetched == 1)
            #expect(figures.requests == 3)
        }
    }

    @Test("gives up after the configured attempts")
    func givesUp() throws {
        try withServer(routes: ["/down": .init(.status(503))]) { server throws in
            let session = FetchSession(configuration: quickConfiguration(attempts: 4))
            let error = #expect(throws: FetchError.self) { try session.makeFetcher().fetch(server.url("/down")) }
            #expect(error?.reason == .status(503))
            #expect(error?.attempts == 4)
            #expect(error?.description.contains("after 4 attempts") == true)
            #expect(server.requests(for: "/down").count == 4)
            #expect(session.statistics.snapshot.total.failed == 1)
        }
    }

    @Test("does not retry other client errors", arguments: [400, 403, 404, 410])
    func clientErrorsAreFinal(status: Int) throws {
        try withServer(routes: ["/nope": .init(.status(status))]) { server throws in
            let error = #expect(throws: FetchError.self) {
                try FetchSession(configuration: quickConfiguration()).makeFetcher().fetch(server.url("/nope"))
            }
            #expect(error?.reason == .status(status))
            #expect(server.requests(for: "/nope").count == 1)
        }
    }

    @Test("retries a reset connection and a truncated body")
    func retriesBrokenWires() throws {
        let body = String(repeating: "a", count: 2000)
        try withServer(routes: [
            "/reset": .init([.init(body: body, fault: .resetConnection), .html(body)]),
            "/short": .init([.init(body: body, fault: .truncateBody(after: 10)), .html(body)]),
        ]) { server throws in
            let fetcher = FetchSession(configuration: quickConfiguration()).makeFetcher()
            #expect(try fetcher.fetch(server.url("/reset")).attempts == 2)
            #expect(try fetcher.fetch(server.url("/short")).response.body.count == 2000)
        }
    }

    @Test("honours Retry-After in seconds, for the whole host")
    func retryAfterSeconds() throws {
        try withServer(routes: [
            "/busy": .init([.status(429, retryAfter: "1"), .html("ok")]), "/other": .init(.html("other")),
        ]) { server throws in
            let session = FetchSession(configuration: quickConfiguration())
            let fetcher = session.makeFetcher()
            #expect(try fetcher.fetch(server.url("/busy")).attempts == 2)
            let times = server.requests(for: "/busy").map(\.receivedAt)
            #expect(times.count == 2)
            #expect(gaps(times)[0] >= 0.95)
            // The host stays held until the Retry-After has passed, for every worker.
            #expect(session.coordinator.nextStartTime(host: "127.0.0.1") >= times[0].addingTimeInterval(0.95))
        }
    }

    @Test("honours Retry-After as an HTTP-date, and caps long ones")
    func retryAfterDateAndCap() throws {
        let soon = RetryAfter.imfFixdate(Date().addingTimeInterval(-5))  // already past: retry at once
        try withServer(routes: [
            "/dated": .init([.status(503, retryAfter: soon), .html("ok")]),
            "/hours": .init([.status(503, retryAfter: "7200"), .html("ok")]),
        ]) { server throws in
            var configuration = quickConfiguration()
            configuration.retry.retryAfterCap = 0.3
            let fetcher = FetchSession(configuration: configuration).makeFetcher()
            #expect(try fetcher.fetch(server.url("/dated")).attempts == 2)
            #expect(try fetcher.fetch(server.url("/hours")).attempts == 2)
            let dated = gaps(server.requests(for: "/dated").map(\.receivedAt))[0]
            let capped = gaps(server.requests(for: "/hours").map(\.receivedAt))[0]
            #expect(dated < 0.25)
            #expect(capped >= 0.28 && capped < 2)
        }
    }
}

/// Parsing and arithmetic of the retry rules.
@Suite("retry rules")
struct RetryRuleTests {
    @Test("reads Retry-After in its three date forms and in seconds")
    func parsesRetryAfter() throws {
        let now = try #require(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:50:37 GMT", now: now) == 60)
        #expect(RetryAfter.seconds("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Sun Nov  6 08:49:57 1994", now: now) == 20)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds("-5", now: now) == nil)
    }

    @Test("backs off exponentially with jitter, within bounds, and caps Retry-After")
    func backoff() {
        let policy = RetryPolicy(attempts: 4, baseDelay: 1, maxDelay: 3, retryAfterCap: 10)
        for _ in 0..<50 {
            #expect((0.5...1).contains(policy.delay(afterAttempt: 1, retryAfter: nil)))
            #expect((1...2).contains(policy.delay(afterAttempt: 2, retryAfter: nil)))
            #expect((1.5...3).contains(policy.delay(afterAttempt: 3, retryAfter: nil)))
        }
        let draws = Set((0..<20).map { _ in policy.delay(afterAttempt: 2, retryAfter: nil) })
        #expect(draws.count > 1, "jitter should vary the delay")
        #expect(policy.delay(afterAttempt: 1, retryAfter: 4) == 4)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3600) == 10)
    }
}
