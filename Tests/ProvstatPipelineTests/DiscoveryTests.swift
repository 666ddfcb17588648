import Foundation
import LoopbackServer
import ProvstatCore
import ProvstatFetch
import TestSupport
import Testing

@testable import ProvstatPipeline

/// Recognising a month in Vietnamese report titles.
@Suite("month titles")
struct MonthTitleTests {
    static let march = Month("2023-03")!

    @Test(
        "recognises March 2023",
        arguments: [
            "Tình hình kinh tế - xã hội tháng 3 năm 2023", "Báo cáo KT-XH tháng 03/2023", "Số liệu T3/2023",
            "THÁNG 3-2023: xuất khẩu tăng", "Tháng 3.2023", "Tình hình tháng ba năm 2023", "3 tháng đầu năm 2023",
            "Báo cáo tháng 3 năm 2023 (ước tính)",
        ])
    func recognisesMarch(title: String) {
        #expect(MonthTitleMatcher(month: Self.march, quarterly: false).matches(title))
    }

    @Test(
        "rejects other months and look-alikes",
        arguments: [
            "Tình hình kinh tế tháng 2 năm 2023", "tháng 3 năm 2022", "tháng 13/2023", "tháng 30/2023",
            "Kết quả đạt 3/2023 chỉ tiêu", "tháng 3 năm 20234", "Tình hình 9 tháng năm 2023",
        ])
    func rejectsOthers(title: String) {
        #expect(!MonthTitleMatcher(month: Self.march, quarterly: false).matches(title))
    }

    @Test("tells October from January and November")
    func twoDigitMonths() throws {
        let october = MonthTitleMatcher(month: try #require(Month("2023-10")), quarterly: false)
        let january = MonthTitleMatcher(month: try #require(Month("2023-01")), quarterly: false)
        #expect(october.matches("Báo cáo tháng 10/2023"))
        #expect(october.matches("tháng mười năm 2023"))
        #expect(!october.matches("tháng mười một năm 2023"))
        #expect(!january.matches("Báo cáo tháng 10/2023"))
        #expect(!january.matches("Báo cáo tháng 11 năm 2023"))
        #expect(january.matches("tháng giêng năm 2023"))
    }

    @Test("recognises quarters for quarterly sources")
    func quarters() throws {
        let q1 = MonthTitleMatcher(month: Self.march, quarterly: true)
        #expect(q1.matches("Tình hình kinh tế quý I năm 2023"))
        #expect(q1.matches("Báo cáo Quý 1/2023"))
        #expect(!q1.matches("Báo cáo quý II năm 2023"))
        #expect(!q1.matches("Báo cáo quý III năm 2023"))
        #expect(!q1.matches("quý I năm 2022"))
        let q3 = MonthTitleMatcher(month: try #require(Month("2023-08")), quarterly: true)
        #expect(q3.matches("Quý III - 2023"))
        #expect(!q3.matches("quý II năm 2023"))
    }
}

/// Discovery on listing pages served by a real server.
@Suite("discovery")
struct DiscoveryTests {
    static let march = Month("2023-03")!

    private func discover(_ rule: ListingRule, month: Month = march, quarterly: Bool = false) -> DiscoveryReport {
        let session = FetchSession(configuration: .init(limits: .init(perHost: 2, minimumDelay: 0), obeyRobots: false))
        let fetcher = session.makeFetcher()
        return SourceDiscovery(rule: rule, month: month, quarterly: quarterly)
            .run(fetch: { (url) throws(FetchError) in try fetcher.fetch(url).response })
    }

    @Test("follows pagination to the month's link and resolves it against the page")
    func followsPagination() throws {
        try FetchStageFixtures.withServer(routes: [
            "/tin-tuc?page=1": .init(
                .html(FetchStageFixtures.listing([("/bc/4", "Báo cáo tháng 4 năm 2023")], next: "?page=2"))),
            "/tin-tuc?page=2": .init(
                .html(
                    FetchStageFixtures.listing(
                        [
                            ("../bc/3-gdp", "Tình hình kinh tế GDP tháng 3/2023"),
                            ("bc/3", "Tình hình kinh tế - xã hội tháng 3 năm 2023"),
                        ],
                        next: "?page=3"))),
        ]) { server throws in
            let rule = ListingRule(
                url: server.url("/tin-tuc?page=1"), links: "//a[@class='title']", titleContains: ["xã hội"],
                next: "//a[@class='next']", maxPages: 3)
            let report = discover(rule)
            #expect(report.status == .found)
            #expect(report.chosen?.url == server.url("/bc/3"))
            #expect(report.chosen?.page == server.url("/tin-tuc?page=2"))
            #expect(report.listing == server.url("/tin-tuc?page=1"))
            // The GDP article lacks the words asked for: turned down, with why.
            #expect(report.rejected.map(\.url) == [server.url("/bc/3-gdp")])
            #expect(report.rejected.first?.reason?.contains("xã hội") == true)
            #expect(server.requests(for: "/tin-tuc?page=3").isEmpty, "stops once the month is named")
        }
    }

    @Test("stops at the page limit and on a pagination loop, recording not published")
    func notPublished() throws {
        try FetchStageFixtures.withServer(routes: [
            "/list?p=1": .init(.html(FetchStageFixtures.listing([("/a", "tháng 1 năm 2023")], next: "/list?p=2"))),
            "/list?p=2": .init(.html(FetchStageFixtures.listing([("/b", "tháng 2 năm 2023")], next: "/list?p=1"))),
        ]) { server throws in
            let limited = ListingRule(
                url: server.url("/list?p=1"), links: "//a[@class='title']", next: "//a[@class='next']", maxPages: 1)
            let limitedReport = discover(limited)
            #expect(limitedReport.status == .notPublished)
            #expect(limitedReport.listing == server.url("/list?p=1"))
            let reason = limitedReport.reason ?? ""
            #expect(reason.contains("3/2023") && reason.contains("1 listing page"))
            #expect(server.requests(for: "/list?p=2").isEmpty)

            let looping = ListingRule(
                url: server.url("/list?p=1"), links: "//a[@class='title']", next: "//a[@class='next']", maxPages: 10)
            let loopReport = discover(looping)
            #expect(loopReport.status == .notPublished)
            #expect(loopReport.reason?.contains("2 listing pages") == true)
            #expect(server.requests(for: "/list?p=1").count == 2)  // once per walk
            #expect(server.requests(for: "/list?p=2").count == 1)
        }
    }

    @Test("a title cut short on the page is read whole from the link's title attribute")
    func titleAttribute() throws {
        let page = """
            <html><body><ul>
            <li><a class="title" href="/bc/q1" title="Tình hình kinh tế - xã hội tháng 3 và quý I năm 2023">Tình hình kinh tế - xã hội tháng 3 và quý I...</a></li>
            <li><a class="title" href="/bc/q1">Xem tiếp</a></li>
            </ul></body></html>
            """
        try FetchStageFixtures.withServer(routes: ["/tin": .init(.html(page))]) { server throws in
            let rule = ListingRule(url: server.url("/tin"), links: "//a[@class='title']", titleContains: ["tình hình"])
            let report = discover(rule)
            #expect(report.chosen?.url == server.url("/bc/q1"))
            #expect(report.chosen?.title == "Tình hình kinh tế - xã hội tháng 3 và quý I năm 2023")
            #expect(report.rejected.isEmpty)
        }
    }

    @Test("a listing page that cannot be fetched is a failure naming it")
    func listingFails() throws {
        try FetchStageFixtures.withServer(routes: ["/gone": .init(.status(404))]) { server throws in
            let rule = ListingRule(url: server.url("/gone"), links: "//a")
            let report = discover(rule)
            #expect(report.status == .failed)
            #expect(report.listing == server.url("/gone"))
            #expect(report.reason?.contains("HTTP 404") == true)
            #expect(!report.transient)
        }
    }

    @Test("finds the month on a windows-1258 listing, declared in the header or in <meta>")
    func windows1258Listing() throws {
        let page = FetchStageFixtures.listing([("/bc/thang-3", "Tình hình kinh tế - xã hội tháng ba năm 2023")])
        let metaPage = FetchStageFixtures.listing(
            [("/bc/thang-3", "Tình hình kinh tế - xã hội tháng ba năm 2023")],
            meta: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">")
        try FetchStageFixtures.withServer(routes: [
            "/header": .init(
                .init(
                    headers: [("Content-Type", "text/html; charset=windows-1258")],
                    bytes: LegacyEncoding.windows1258(page))),
            "/meta": .init(
                .init(headers: [("Content-Type", "text/html")], bytes: LegacyEncoding.windows1258(metaPage))),
        ]) { server throws in
            for path in ["/header", "/meta"] {
                let rule = ListingRule(
                    url: server.url(path), links: "//a[@class='title']", titleContains: ["kinh tế - xã hội"])
                let report = discover(rule)
                #expect(report.chosen?.url == server.url("/bc/thang-3"), "\(path)")
                #expect(report.chosen?.page == server.url(path), "\(path)")
            }
        }
    }
}
