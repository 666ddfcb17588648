import Foundation
import LoopbackServer
import ProvstatCore
import ProvstatFetch
import TestSupport
import Testing

@testable import ProvstatPipeline

/// The fetch stage of a month run against a real server: every outcome recorded, conditional
/// re-runs, offline replay, charsets, robots.txt and politeness across workers.
@Suite("fetch stage")
struct FetchStageTests {
    static let march = Month("2023-03")!

    /// The sources of the end-to-end test, on `server`.
    private func sources(_ server: LoopbackServer) -> [SourceDefinition] {
        [
            SourceDefinition(id: "report", location: .template(server.url("/bao-cao/{year}-{month2}.html"))),
            SourceDefinition(
                id: "discovered",
                location: .listing(
                    ListingRule(url: server.url("/tin-tuc"), links: "//a[@class='title']", titleContains: ["xã hội"]))),
            SourceDefinition(
                id: "quarterly", location: .listing(ListingRule(url: server.url("/quy"), links: "//a[@class='title']")),
                quarterly: true),
            SourceDefinition(id: "missing", location: .template(server.url("/khong-co-{month}.html"))),
            SourceDefinition(id: "down", location: .template(server.url("/loi.html"))),
        ]
    }

    private func routes() -> [String: LoopbackServer.Route] {
        let report = FetchStageFixtures.report("tháng 3 năm 2023", meta: "")
        return [
            "/bao-cao/2023-03.html": .init(
                .init(
                    headers: [("Content-Type", "text/html; charset=windows-1258")],
                    bytes: LegacyEncoding.windows1258(report), etag: "\"r1\"")),
            "/tin-tuc": .init(
                .init(
                    body: FetchStageFixtures.listing([
                        ("/bai/2", "Tình hình kinh tế - xã hội tháng 2 năm 2023"),
                        ("/bai/3", "Tình hình kinh tế - xã hội tháng 3 năm 2023"),
                    ]), lastModified: "Fri, 31 Mar 2023 10:00:00 GMT")),
            "/bai/3": .init(.init(body: FetchStageFixtures.report("tháng 3/2023"), etag: "\"b3\"")),
            "/quy": .init(.html(FetchStageFixtures.listing([("/quy-4", "Báo cáo quý IV năm 2022")]))),
            "/loi.html": .init(.status(503)),
        ]
    }

    @Test("records every outcome, re-runs conditionally and replays offline")
    func outcomesAcrossRuns() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let definition = try FetchStageFixtures.withServer(routes: routes()) { server throws in
            let definition = FetchStageFixtures.definition(sources(server))
            let run = MonthRun(definition: definition, month: Self.march, outputRoot: output)

            // First run: from the network.
            let (first, statistics) = run.fetchAndRead()
            let outcome = Dictionary(uniqueKeysWithValues: first.map { ($0.record.id, $0.record) })
            #expect(first.map(\.record.id) == ["report", "discovered", "quarterly", "missing", "down"])
            #expect(outcome["report"]?.outcome == .fetched)
            #expect(outcome["discovered"]?.outcome == .fetched)
            #expect(outcome["discovered"]?.url == server.url("/bai/3"))
            // The snapshot records where a listing source's link was found, and its title.
            #expect(outcome["discovered"]?.listingURL == server.url("/tin-tuc"))
            #expect(outcome["discovered"]?.linkTitle == "Tình hình kinh tế - xã hội tháng 3 năm 2023")
            #expect(outcome["report"]?.listingURL == nil && outcome["report"]?.linkTitle == nil)
            #expect(outcome["quarterly"]?.listingURL == server.url("/quy"))
            #expect(outcome["quarterly"]?.outcome == .notPublished)
            #expect(outcome["quarterly"]?.reason?.contains("quarter 1/2023") == true)
            #expect(outcome["missing"]?.outcome == .failed)
            #expect(outcome["missing"]?.httpStatus == 404)
            #expect(outcome["down"]?.outcome == .failed)
            #expect(outcome["down"]?.reason?.contains("HTTP 503 (after 4 attempts)") == true)
            #expect(server.requests(for: "/loi.html").count == 4)
            let agent = "provstat/\(ProvstatVersion.current) (contact: ops@example.org)"
            #expect(server.requests.allSatisfy { $0.header("user-agent") == agent })

            // The windows-1258 page decoded: its figure was read with its Vietnamese unit.
            let report = try #require(first.first { $0.record.id == "report" })
            #expect(
                report.facts.contains {
                    $0.value == 1_234_500_000 && $0.unit == "USD" && $0.raw.hasSuffix("1.234,5 triệu USD")
                        && $0.sentence.hasPrefix("Kim ngạch xuất khẩu")
                })
            #expect(report.record.sha256?.count == 64)

            let figures = try #require(statistics.hosts["127.0.0.1"])
            #expect(figures.fetched == 4)  // report, listing, discovered page, quarterly listing
            #expect(figures.failed == 2)
            #expect(figures.retried == 3)
            #expect(figures.bytes > 0)

            // Second run: the server confirms what did not change.
            let (second, again) = run.fetchAndRead()
            let secondOutcome = Dictionary(uniqueKeysWithValues: second.map { ($0.record.id, $0.record.outcome) })
            #expect(secondOutcome["report"] == .notModified)
            #expect(secondOutcome["discovered"] == .notModified)
            #expect(server.requests(for: "/bao-cao/2023-03.html").last?.header("if-none-match") == "\"r1\"")
            #expect(
                server.requests(for: "/tin-tuc").last?.header("if-modified-since") == "Fri, 31 Mar 2023 10:00:00 GMT")
            #expect(again.total.notModified == 3)
            #expect(second.first { $0.record.id == "report" }?.facts.count == report.facts.count)
            return definition
        }

        // Third run: the server is gone; the store alone answers.
        let offline = MonthRun(
            definition: definition, month: Self.march, outputRoot: output, fetchOptions: FetchOptions(offline: true))
        let (replayed, statistics) = offline.fetchAndRead()
        let outcome = Dictionary(uniqueKeysWithValues: replayed.map { ($0.record.id, $0.record) })
        #expect(outcome["report"]?.outcome == .replayed)
        #expect(outcome["discovered"]?.outcome == .replayed)
        #expect(outcome["quarterly"]?.outcome == .notPublished)
        #expect(outcome["down"]?.outcome == .failed)
        #expect(outcome["down"]?.reason?.contains("not in the raw store") == true)
        #expect(outcome["down"]?.reason?.contains("/loi.html") == true)
        #expect(replayed.first { $0.record.id == "report" }?.facts.isEmpty == false)
        #expect(statistics.total.requests == 0)
        #expect(statistics.total.replayed == 4)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".raw/blobs").path))
    }

    @Test("--cache puts the store elsewhere")
    func cacheDirectory() throws {
        let output = FetchStageFixtures.folder()
        let cache = FetchStageFixtures.folder()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: cache)
        }
        try FetchStageFixtures.withServer(routes: ["/r": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023")))]) {
            server throws in
            let definition = FetchStageFixtures.definition([
                SourceDefinition(id: "r", location: .template(server.url("/r")))
            ])
            let options = FetchOptions(cacheDirectory: cache)
            let (read, _) = MonthRun(
                definition: definition, month: Self.march, outputRoot: output, fetchOptions: options
            ).fetchAndRead()
            #expect(read.first?.record.outcome == .fetched)
            #expect(try RawStore(root: cache).page(for: server.url("/r")) != nil)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".raw").path))
        }
    }

    @Test("the store lives at --cache, else $PROVSTAT_CACHE, else <output>/.raw")
    func storeRootPrecedence() {
        let output = URL(fileURLWithPath: "/srv/provstat/Output")
        let environment = ["PROVSTAT_CACHE": "/var/cache/provstat"]
        #expect(FetchOptions().storeRoot(outputRoot: output, environment: [:]).path == "/srv/provstat/Output/.raw")
        #expect(FetchOptions().storeRoot(outputRoot: output, environment: environment).path == "/var/cache/provstat")
        let explicit = FetchOptions(cacheDirectory: URL(fileURLWithPath: "/tmp/c"))
        #expect(explicit.storeRoot(outputRoot: output, environment: environment).path == "/tmp/c")
    }

    @Test("robots.txt is obeyed by a run unless --ignore-robots")
    func robots() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: [
            "/robots.txt": .init(
                .init(headers: [("Content-Type", "text/plain")], body: "User-agent: *\nDisallow: /noi-bo/\n")),
            "/noi-bo/bc.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
        ]) { server throws in
            let definition = FetchStageFixtures.definition(
                [SourceDefinition(id: "r", location: .template(server.url("/noi-bo/bc.html")))], robots: true)
            let (obeyed, _) = MonthRun(definition: definition, month: Self.march, outputRoot: output).fetchAndRead()
            #expect(obeyed.first?.record.outcome == .failed)
            #expect(obeyed.first?.record.reason?.contains("robots.txt") == true)
            #expect(server.requests(for: "/noi-bo/bc.html").isEmpty)

            let (ignored, _) = MonthRun(
                definition: definition, month: Self.march, outputRoot: output,
                fetchOptions: FetchOptions(ignoreRobots: true)
            ).fetchAndRead()
            #expect(ignored.first?.record.outcome == .fetched)
        }
    }

    @Test("fetch workers share per-host limits and delays, seen from the server")
    func politenessAcrossWorkers() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let hosts = ["127.0.0.41", "127.0.0.42"]
        var routes: [String: LoopbackServer.Route] = [:]
        for index in 0..<8 {
            routes["/s\(index)"] = .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"), delay: 0.5))
        }
        try FetchStageFixtures.withServer(hosts: hosts, routes: routes) { server throws in
            let sources = (0..<8).map {
                SourceDefinition(id: "s\($0)", location: .template(server.url("/s\($0)", host: $0 % 2)))
            }
            // The server sees each request a little after the client starts it, by a varying amount
            // (a new connection, a busy machine, ThreadSanitizer): a delay well above that jitter
            // keeps the check about spacing, not about scheduling. Pages take longer than the delay,
            // so two per host are in flight at once.
            let definition = FetchStageFixtures.definition(sources, delay: 0.2)
            let (read, _) = MonthRun(definition: definition, month: Self.march, outputRoot: output).fetchAndRead()
            #expect(read.allSatisfy { $0.record.outcome == .fetched })
            for host in hosts {
                #expect(server.peakConcurrency(host: host) == 2)
                for gap in gaps(server.startTimes(host: host)) { #expect(gap >= 0.15, "\(host): \(gap) s apart") }
            }
        }
    }
}

private func gaps(_ dates: [Date]) -> [TimeInterval] { zip(dates.dropFirst(), dates).map { $0.timeIntervalSince($1) } }
