import Foundation
import LoopbackServer
import ProvstatCore
import ProvstatFetch
import Testing

@testable import ProvstatPipeline

/// A made-up portal on loopback whose listing spans three pages, and runs over many months
/// that count the requests it gets: each listing page and robots.txt is read once per run.
@Suite("listing read once per run")
struct ListingRunTests {
    static let words = ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"]

    /// A report title for `month`, in one of the styles portals use (chosen by the month).
    static func title(_ month: Month) -> String {
        let m = month.month
        let y = month.year
        switch m {
        case 3: return "Tình hình kinh tế - xã hội tháng 3 và quý I năm \(y)"
        case 6: return "TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 6 VÀ 6 THÁNG ĐẦU NĂM \(y)"
        case 9: return "Tình hình kinh tế – xã hội tháng 9, quý III và 9 tháng năm \(y)"
        case 12: return "Tình hình kinh tế-xã hội tháng 12 và năm \(y)"
        case 5: return "Tình hình kinh tế - xã hội tháng Năm năm \(y)"
        case 11: return "Báo cáo nhanh KT-XH tháng \(Self.words[m - 1].capitalized) năm \(y)"
        default: return m % 2 == 0 ? "Báo cáo KT-XH tháng \(m < 10 ? "0" : "")\(m)/\(y)" : "Tình hình KT-XH T\(m)/\(y)"
        }
    }

    /// Listing entries newest first: every month's report, with decoys around them.
    static func entries(_ months: [Month]) -> [(String, String)] {
        months.reversed().flatMap { month -> [(String, String)] in
            var entries = [("/bai/\(month)", title(month))]
            if month.month == 6 {
                entries.append(("/su-kien/\(month)", "Hội nghị sơ kết kinh tế - xã hội 6 tháng đầu năm \(month.year)"))
            }
            if month.month == 7 {
                entries.append(("/viec/\(month)", "Phương hướng, nhiệm vụ kinh tế - xã hội tháng 7 năm \(month.year)"))
            }
            return entries
        }
    }

    /// Serves `entries` on three listing pages (with ETags), the reports and robots.txt.
    static func routes(_ pages: [[(String, String)]], months: [Month]) -> [String: LoopbackServer.Route] {
        var routes: [String: LoopbackServer.Route] = [
            "/robots.txt": .init(
                .init(headers: [("Content-Type", "text/plain")], body: "User-agent: *\nDisallow: /rieng/\n"))
        ]
        for (index, page) in pages.enumerated() {
            let next = index + 1 < pages.count ? "/tin/trang-\(index + 2)" : nil
            routes["/tin/trang-\(index + 1)"] = .init(
                .init(body: FetchStageFixtures.listing(page, next: next), etag: "\"trang-\(index + 1)\""))
        }
        for month in months {
            routes["/bai/\(month)"] = .init(.html(FetchStageFixtures.report("tháng \(month.month) năm \(month.year)")))
        }
        return routes
    }

    static func months(_ from: String, _ to: String) -> [Month] {
        MonthPlan.months(from: Month(from)!, to: Month(to)!)
    }

    static func definition(_ server: LoopbackServer) -> PipelineDefinition {
        FetchStageFixtures.definition(
            [
                SourceDefinition(
                    id: "ktxh",
                    location: .listing(
                        ListingRule(
                            url: server.url("/tin/trang-1"), links: "//a[@class='title']",
                            titleAlternatives: [["kinh tế - xã hội", "KT-XH"]], next: "//a[@class='next']",
                            maxPages: 3)))
            ], robots: true)
    }

    /// Runs `months` as one run (one scope) and returns each month's record.
    static func run(
        _ months: [Month], definition: PipelineDefinition, output: URL, scope: RunScope?
    ) -> [Month: SourceRecord] {
        var records: [Month: SourceRecord] = [:]
        for month in months {
            let run = MonthRun(
                definition: definition, month: month, outputRoot: output, fetchOptions: FetchOptions(run: scope))
            records[month] = run.fetchAndRead().sources.first?.record
        }
        return records
    }

    @Test("a 24-month run costs 24 reports + 3 listing pages + robots.txt")
    func twentyFourMonths() throws {
        let months = Self.months("2024-01", "2025-12")
        let entries = Self.entries(months)
        let pages = stride(from: 0, to: entries.count, by: 10).map { Array(entries[$0..<min($0 + 10, entries.count)]) }
        #expect(pages.count == 3)
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: Self.routes(pages, months: months)) { server throws in
            let definition = Self.definition(server)
            let records = Self.run(months, definition: definition, output: output, scope: RunScope())
            for month in months {
                let record = try #require(records[month], "\(month)")
                #expect(record.outcome == .fetched, "\(month): \(record.reason ?? "")")
                #expect(record.url == server.url("/bai/\(month)"), "\(month)")
                #expect(record.linkTitle == Self.title(month), "\(month)")
                #expect(record.listingURL == server.url("/tin/trang-1"))
            }
            let ideal = months.count + pages.count + 1
            let sent = server.requests.count
            #expect(sent == ideal)
            #expect(server.requests(for: "/robots.txt").count == 1)
            for page in 1...3 { #expect(server.requests(for: "/tin/trang-\(page)").count == 1) }

            // Without a run scope every month reads robots.txt and the listing again: the old cost.
            server.resetLog()
            _ = Self.run(months, definition: definition, output: output, scope: nil)
            let unshared = server.requests.count
            print("24-month run over 3 listing pages: \(sent) requests (ideal \(ideal)); month by month: \(unshared)")
            #expect(unshared > ideal)
        }
    }

    @Test("a later run with the same raw store sends conditional requests for the listing pages")
    func conditionalListing() throws {
        let months = Self.months("2025-01", "2025-03")
        let entries = Self.entries(months)
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: Self.routes([entries], months: months)) { server throws in
            let definition = Self.definition(server)
            _ = Self.run(months, definition: definition, output: output, scope: RunScope())
            #expect(server.requests(for: "/tin/trang-1").count == 1)
            server.resetLog()
            let again = Self.run(months, definition: definition, output: output, scope: RunScope())
            #expect(again.values.allSatisfy { $0.succeeded })
            let listing = server.requests(for: "/tin/trang-1")
            #expect(listing.count == 1)
            #expect(listing.first?.header("if-none-match") == "\"trang-1\"")
            #expect(server.requests.count == 1 + 1 + months.count)  // robots.txt, the listing (304), the reports
        }
    }

    @Test("a month linked only on a later listing page is still found")
    func lateMonth() throws {
        let months = Self.months("2024-01", "2025-12")
        var entries = Self.entries(months)
        // March 2025 was published late: it sits at the very end of the listing.
        let late = try #require(entries.firstIndex { $0.0 == "/bai/2025-03" })
        entries.append(entries.remove(at: late))
        let pages = stride(from: 0, to: entries.count, by: 10).map { Array(entries[$0..<min($0 + 10, entries.count)]) }
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: Self.routes(pages, months: months)) { server throws in
            let range = Self.months("2025-01", "2025-12")
            let records = Self.run(range, definition: Self.definition(server), output: output, scope: RunScope())
            #expect(range.allSatisfy { records[$0]?.outcome == .fetched })
            #expect(records[Month("2025-03")!]?.url == server.url("/bai/2025-03"))
            #expect(server.requests(for: "/tin/trang-3").count == 1)
            #expect(server.requests.count == range.count + 3 + 1)
        }
    }

    @Test("a month not yet published stops the reading once the listing is past it")
    func notYetPublished() throws {
        let months = Self.months("2024-01", "2025-12")
        let entries = Self.entries(months)
        let pages = stride(from: 0, to: entries.count, by: 10).map { Array(entries[$0..<min($0 + 10, entries.count)]) }
        let output = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FetchStageFixtures.withServer(routes: Self.routes(pages, months: months)) { server throws in
            let next = Month("2026-01")!
            let records = Self.run([next], definition: Self.definition(server), output: output, scope: RunScope())
            #expect(records[next]?.outcome == .notPublished)
            #expect(records[next]?.listingURL == server.url("/tin/trang-1"))
            #expect(server.requests.map(\.path) == ["/robots.txt", "/tin/trang-1"])
        }
    }

    @Test("several links fit: the best wins, the others are recorded with why")
    func bestWins() throws {
        let listing = FetchStageFixtures.listing([
            ("/a", "Tổng quan KT-XH quý I năm 2025"),
            ("/b", "Hội nghị giao ban KT-XH quý I năm 2025"),
            ("/c", "Tình hình kinh tế - xã hội tháng 3 và quý I năm 2025"),
            ("/d", "Tình hình kinh tế - xã hội tháng 3 năm 2024"),
        ])
        try FetchStageFixtures.withServer(routes: ["/tin": .init(.html(listing))]) { server throws in
            let session = FetchSession(
                configuration: .init(limits: .init(perHost: 2, minimumDelay: 0), obeyRobots: false))
            let fetcher = session.makeFetcher()
            let rule = ListingRule(
                url: server.url("/tin"), links: "//a[@class='title']",
                titleAlternatives: [["kinh tế - xã hội", "KT-XH"]])
            let report = SourceDiscovery(rule: rule, month: Month("2025-03")!, quarterly: false)
                .run(fetch: { (url) throws(FetchError) in try fetcher.fetch(url).response })
            #expect(report.chosen?.url == server.url("/c"))
            #expect(report.chosen?.score == 115)
            #expect(report.rejected.map(\.url) == [server.url("/a"), server.url("/b"), server.url("/d")])
            #expect(report.rejected[0].reason == "outranked by the chosen link (score 75 against 115)")
            #expect(report.rejected[1].reason?.hasPrefix("a conference or review article") == true)
            #expect(report.rejected[2].reason == "another year's report (2024)")
        }
    }
}
