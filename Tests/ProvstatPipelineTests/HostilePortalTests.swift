import Foundation
import LoopbackServer
import ProvstatCore
import ProvstatFetch
import ProvstatSnapshot
import Testing

@testable import ProvstatPipeline

/// Issue 12 against a real loopback server and real files: a portal that points at local files,
/// hangs, sends undecodable bytes or goes quiet must neither read the machine, hang the run,
/// nor lose a page in silence. Run alone with `swift test --filter Hostile`.
@Suite("Hostile portals (library)", .timeLimit(.minutes(2)))
struct HostilePortalTests {
    static let march = Month("2023-03")!

    /// A local page with a figure, which a portal must not be able to make provstat read.
    private func secretPage(in folder: URL) throws -> URL {
        let secret = folder.appendingPathComponent("secret.html")
        try FetchStageFixtures.report("tháng 3 năm 2023").write(to: secret, atomically: true, encoding: .utf8)
        return secret
    }

    @Test("a file: link on a web listing is refused, and nothing local is read or stored")
    func fileLinkOnWebListing() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let secret = try secretPage(in: output)
        let routes: [String: LoopbackServer.Route] = [
            "/tin-tuc": .init(
                .html(
                    FetchStageFixtures.listing([
                        (secret.absoluteString, "Tình hình kinh tế - xã hội tháng 3 năm 2023")
                    ])))
        ]
        try FetchStageFixtures.withServer(routes: routes) { server in
            let source = SourceDefinition(
                id: "listed",
                location: .listing(ListingRule(url: server.url("/tin-tuc"), links: "//a[@class='title']")))
            let run = MonthRun(
                definition: FetchStageFixtures.definition([source]), month: Self.march, outputRoot: output)
            let (read, _) = run.fetchAndRead()
            let record = try #require(read.first?.record)
            #expect(record.outcome == .failed)
            #expect(record.reason?.contains("may only lead to http or https, not 'file'") == true)
            #expect(read.first?.facts.isEmpty == true)
            #expect(record.sha256 == nil)
        }
        // The raw store holds the listing page only, never the local file's bytes.
        let blobs = output.appendingPathComponent(".raw/blobs")
        let stored = FileManager.default.enumerator(atPath: blobs.path)?.compactMap { $0 as? String } ?? []
        let secretDigest = SHA256Hex.digest(try Data(contentsOf: secret))
        #expect(!stored.contains { $0.hasSuffix(secretDigest) })
        #expect(stored.filter { $0.count > 3 }.count == 1)
    }

    @Test("a file: source of a definition is still read (bundled pages)")
    func fileSourceStillReads() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let page = try secretPage(in: output)
        let source = SourceDefinition(id: "local", location: .template(page.absoluteString))
        let run = MonthRun(definition: FetchStageFixtures.definition([source]), month: Self.march, outputRoot: output)
        let (read, _) = run.fetchAndRead()
        #expect(read.first?.record.outcome == .fetched)
        #expect(read.first?.facts.count == 2)
    }

    @Test("a redirect to a path robots.txt disallows is refused; an allowed one is followed")
    func redirectTargetsObeyRobots() throws {
        let routes: [String: LoopbackServer.Route] = [
            "/robots.txt": .init(
                .init(headers: [("Content-Type", "text/plain")], body: "User-agent: *\nDisallow: /private\n")),
            "/bao-cao/2023-03.html": .init(.redirect(to: "/private/report.html")),
            "/ok/2023-03.html": .init(.redirect(to: "/public/report.html")),
            "/private/report.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
            "/public/report.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
        ]
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: routes) { server in
            let sources = [
                SourceDefinition(id: "hidden", location: .template(server.url("/bao-cao/{year}-{month2}.html"))),
                SourceDefinition(id: "open", location: .template(server.url("/ok/{year}-{month2}.html"))),
            ]
            let run = MonthRun(
                definition: FetchStageFixtures.definition(sources, robots: true), month: Self.march,
                outputRoot: output)
            let (read, _) = run.fetchAndRead()
            let hidden = try #require(read.first { $0.record.id == "hidden" })
            #expect(hidden.record.outcome == .failed)
            #expect(hidden.record.reason?.contains("disallowed by the site's robots.txt") == true)
            #expect(server.requests(for: "/private/report.html").isEmpty)
            let open = try #require(read.first { $0.record.id == "open" })
            #expect(open.record.outcome == .fetched)
            #expect(open.record.finalURL == server.url("/public/report.html"))
            #expect(open.facts.count == 2)
        }
    }

    @Test("a robots.txt that redirects within its own site is followed, and obeyed")
    func robotsRedirect() throws {
        let routes: [String: LoopbackServer.Route] = [
            "/robots.txt": .init(.redirect(to: "/robots-moved.txt", status: 301)),
            "/robots-moved.txt": .init(
                .init(headers: [("Content-Type", "text/plain")], body: "User-agent: *\nDisallow: /private\n")),
            "/private/a.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
            "/public/a.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
        ]
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: routes) { server in
            let sources = [
                SourceDefinition(id: "private", location: .template(server.url("/private/a.html"))),
                SourceDefinition(id: "public", location: .template(server.url("/public/a.html"))),
            ]
            let run = MonthRun(
                definition: FetchStageFixtures.definition(sources, robots: true), month: Self.march,
                outputRoot: output)
            let (read, _) = run.fetchAndRead()
            #expect(read.map(\.record.outcome) == [.failed, .fetched])
            #expect(server.requests(for: "/private/a.html").isEmpty)
        }
    }

    @Test("a redirect to file: or ftp: is refused and nothing is read")
    func redirectToOtherSchemes() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let secret = try secretPage(in: output)
        let routes: [String: LoopbackServer.Route] = [
            "/a.html": .init(.redirect(to: secret.absoluteString)),
            "/b.html": .init(.redirect(to: "ftp://127.0.0.1/report.html")),
        ]
        try FetchStageFixtures.withServer(routes: routes) { server in
            let sources = [
                SourceDefinition(id: "a", location: .template(server.url("/a.html"))),
                SourceDefinition(id: "b", location: .template(server.url("/b.html"))),
            ]
            let run = MonthRun(
                definition: FetchStageFixtures.definition(sources), month: Self.march, outputRoot: output)
            let (read, _) = run.fetchAndRead()
            #expect(read.map(\.record.outcome) == [.failed, .failed])
            #expect(read.allSatisfy { $0.record.reason?.contains("refused a redirect") == true })
        }
    }

    @Test("a Crawl-delay of 999999 s is capped, and the summary figures say so")
    func crawlDelayIsCapped() throws {
        let routes: [String: LoopbackServer.Route] = [
            "/robots.txt": .init(
                .init(headers: [("Content-Type", "text/plain")], body: "User-agent: *\nCrawl-delay: 999999\n")),
            "/a.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
            "/b.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"))),
        ]
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: routes) { server in
            var definition = FetchStageFixtures.definition(
                [
                    SourceDefinition(id: "a", location: .template(server.url("/a.html"))),
                    SourceDefinition(id: "b", location: .template(server.url("/b.html"))),
                ], robots: true)
            definition.fetch.crawlDelayCap = 0.5
            let (read, statistics) = MonthRun(definition: definition, month: Self.march, outputRoot: output)
                .fetchAndRead()
            #expect(read.map(\.record.outcome) == [.fetched, .fetched])
            let figures = try #require(statistics.hosts["127.0.0.1"])
            #expect(figures.crawlDelayAsked == 999999)
            #expect(figures.crawlDelayCap == 0.5)
            // robots.txt, then a, then b at least the capped delay apart.
            let starts = server.startTimes(host: "127.0.0.1")
            #expect(starts.count == 3)
            if starts.count == 3 { #expect(starts[2].timeIntervalSince(starts[1]) >= 0.45) }
        }
    }

    @Test("connection refused and a 503 robots.txt are outages (temporary), robots obeyed or not")
    func outagesAreTemporaryWithRobots() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        // A port that was just free: nothing listens on it.
        let closed = try FetchStageFixtures.withServer { $0.port }
        let routes: [String: LoopbackServer.Route] = ["/robots.txt": .init(.status(503))]
        try FetchStageFixtures.withServer(routes: routes) { server in
            for robots in [true, false] {
                let sources = [
                    SourceDefinition(id: "refused", location: .template("http://127.0.0.1:\(closed)/a.html")),
                    SourceDefinition(id: "robots503", location: .template(server.url("/a.html"))),
                ]
                var definition = FetchStageFixtures.definition(sources, robots: robots)
                definition.fetch.attempts = 1
                let (read, _) = MonthRun(definition: definition, month: Self.march, outputRoot: output).fetchAndRead()
                let refused = try #require(read.first { $0.record.id == "refused" })
                #expect(refused.record.outcome == .failed)
                #expect(refused.transientFailure, "robots \(robots): \(refused.record.reason ?? "")")
                if robots {
                    let blocked = try #require(read.first { $0.record.id == "robots503" })
                    #expect(blocked.record.reason?.contains("robots.txt unreachable (") == true)
                    #expect(blocked.record.reason?.contains("HTTP 503") == true)
                    #expect(blocked.transientFailure)
                }
            }
        }
    }

    @Test("the run's deadline ends a hanging source: recorded as failed, temporary, ledger closed")
    func runDeadlineEndsTheRun() throws {
        let routes: [String: LoopbackServer.Route] = [
            "/slow.html": .init(.html(FetchStageFixtures.report("tháng 3 năm 2023"), delay: 20))
        ]
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: routes) { server in
            var definition = FetchStageFixtures.definition([
                SourceDefinition(id: "slow", location: .template(server.url("/slow.html")))
            ])
            definition.fetch.totalTimeout = 60
            var run = PipelineRun(
                definition: definition, months: [.init(month: Self.march, reason: "test")], outputRoot: output)
            run.deadlineSeconds = 1
            let started = Date()
            let outcome = run.run()
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(outcome.ending == .temporary)
            let month = try #require(outcome.months.first?.outcome)
            #expect(month.result?.snapshot.sources.first?.reason?.contains("deadline") == true)
            let ledger = RunLedger(root: output, pipeline: definition.name).entries()
            #expect(ledger.map(\.event) == [.start, .end])
            #expect(ledger.last?.exitCode == 75)
            // The lock is free again: a session can be opened.
            #expect(throws: Never.self) {
                _ = try SnapshotSession(root: output, pipeline: definition.name, month: Self.march)
            }
        }
    }

    @Test("a page that yields no figures where last month's did fails a warning check naming it")
    func silentSourceWarns() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let definitionFile = try folder.write(
            "quiet.yaml",
            """
            pipeline: quiet
            sources:
              - id: report
                url: pages/{year}-{month2}.html
              - id: blank
                url: pages/blank.html
            indicators:
              - id: exports
                name: kim ngạch xuất khẩu
                unit: USD
            """)
        try folder.write("pages/2023-02.html", FetchStageFixtures.report("tháng 2 năm 2023"))
        try folder.write(
            "pages/2023-03.html",
            "<html><body><article><p>Trang đang được cập nhật, mời quý độc giả quay lại sau.</p></article></body></html>"
        )
        try folder.write("pages/blank.html", "<html><body></body></html>")
        let definition = try DefinitionLoader().load(file: definitionFile)
        let february = MonthRun(definition: definition, month: Month("2023-02")!, outputRoot: folder.url).run()
        #expect(february.result?.publication != nil)
        let march = MonthRun(definition: definition, month: Self.march, outputRoot: folder.url).run()
        let checks = try #require(march.result?.snapshot.checks)
        let report = try #require(checks.first { $0.id == "source:report" })
        #expect(report.severity == .warning)
        #expect(report.status == .fail)
        #expect(report.message.contains("gave no figures, where 2023-02 gave 2"))
        let blank = try #require(checks.first { $0.id == "source:blank" })
        #expect(blank.message.contains("gave no text"))
        // February's check list holds no source check for the page that gave figures.
        #expect(february.result?.snapshot.checks.contains { $0.id == "source:report" } == false)
    }

    @Test("a page over its reading budget is recorded as failed, with why")
    func pageBudget() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sentence = "Kim ngạch xuất khẩu đạt 1.234,5 triệu USD, tăng 5,2% so với cùng kỳ. "
        try folder.write(
            "big.html",
            "<html><body><article>" + String(repeating: "<p>\(sentence)</p>", count: 20_000)
                + "</article></body></html>")
        var definition = FetchStageFixtures.definition([
            SourceDefinition(
                id: "big", location: .template(folder.url.appendingPathComponent("big.html").absoluteString))
        ])
        definition.fetch.pageBudget = 0.001
        let (read, _) = MonthRun(definition: definition, month: Self.march, outputRoot: folder.url).fetchAndRead()
        let record = try #require(read.first?.record)
        #expect(record.outcome == .failed)
        #expect(record.reason?.contains("took longer than its 0.001 s reading budget") == true)
        #expect(read.first?.facts.isEmpty == true)
    }

    @Test("an unwritable raw store stops the month with 73 before anything is fetched")
    func unwritableRawStore() throws {
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let blocker = output.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        try FetchStageFixtures.withServer(routes: ["/a.html": .init(.html(FetchStageFixtures.report("tháng 3")))]) {
            server in
            let definition = FetchStageFixtures.definition([
                SourceDefinition(id: "a", location: .template(server.url("/a.html")))
            ])
            let run = MonthRun(
                definition: definition, month: Self.march, outputRoot: output,
                fetchOptions: FetchOptions(cacheDirectory: blocker.appendingPathComponent("raw")))
            let outcome = run.run()
            #expect(outcome.ending.code == 73)
            #expect(outcome.errors.first?.contains("raw store") == true)
            #expect(server.requests.isEmpty)
            let ledger = RunLedger(root: output, pipeline: definition.name).entries()
            #expect(ledger.map(\.event) == [.start, .end])
            #expect(ledger.last?.exitCode == 73)
        }
    }
}
