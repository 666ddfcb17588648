import Foundation
import ProvstatCore
import ProvstatPipeline
import Testing

/// A portal written in a style none of the other fixtures use (links that say *Xem chi tiết*
/// beside their headline, news headings, `+` bullets, the
/// older placement of tone marks, *trong tháng* and *cộng dồn từ đầu năm*, a plan for the months
/// left), read end to end with a definition written from the README.
@Suite("A portal in another style, end to end")
struct OtherStyleRunTests {
    /// The month's report page, in the portal's own words.
    static func report() -> String {
        """
        <html><head><meta charset="utf-8"><title>Kinh tế - xã hội tháng 9 năm 2024 tiếp tục khởi sắc</title></head>
        <body><div class="menu"><a href="/">Trang chủ</a></div><div class="detail">
        <h1>Kinh tế - xã hội tháng 9 năm 2024 tiếp tục khởi sắc</h1>
        <p class="sapo"><b>Tình hình kinh tế - xã hội của tỉnh trong tháng 9/2024 tiếp tục chuyển biến tích cực.</b></p>
        <h3>Về thương mại, dịch vụ</h3>
        <p>+ Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng trong tháng ước thực hiện 6.540,0 tỷ đồng; \
        luỹ kế 9 tháng đạt 57.210,3 tỷ đồng, tăng 11,2% so với cùng kỳ năm trước.</p>
        <p>+ Xuất khẩu hàng hoá: trong tháng ước đạt 152,4 triệu USD; cộng dồn từ đầu năm đạt 1.302,8 triệu USD, \
        tăng 8,1% so với cùng kỳ.</p>
        <h3>Về tài chính</h3>
        <p>+ Thu ngân sách nhà nước trên địa bàn tháng 9 ước đạt 412,6 tỷ đồng; lũy kế 9 tháng thu 4.012,6 tỷ đồng, \
        bằng 80,3% dự toán HĐND tỉnh giao.</p>
        <h3>Về lao động, việc làm</h3>
        <p>+ Trong tháng, đã giải quyết việc làm cho 2.310 lao động.</p>
        <h3>Nhiệm vụ thời gian tới</h3>
        <p>Trong 3 tháng cuối năm, tỉnh phấn đấu thu ngân sách đạt 1.300 tỷ đồng, kim ngạch xuất khẩu đạt 500 triệu USD.</p>
        </div></body></html>
        """
    }

    /// A listing whose links say only *Xem chi tiết*, each beside its item's headline.
    static let listing = """
        <html><head><meta charset="utf-8"></head><body><div class="news">
        <div class="item"><h3>Kinh tế - xã hội tháng 9 năm 2024 tiếp tục khởi sắc</h3>
        <span class="date">03/10/2024</span><a class="more" href="ktxh-9.html">Xem chi tiết</a></div>
        <div class="item"><h3>Hội nghị sơ kết công tác tháng 9/2024</h3>
        <span class="date">01/10/2024</span><a class="more" href="hoi-nghi.html">Xem chi tiết</a></div>
        </div></body></html>
        """

    /// A user's definition: names as the user would write them (*hóa*, no aspect words).
    static let definition = """
        pipeline: other-style
        sources:
          - id: report
            listing:
              url: site/listing.html
              links: "//a[@class='more']"
              title_contains: ["kinh tế - xã hội"]
        indicators:
          - {id: retail_month, name: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng, unit: VND, period: month}
          - {id: retail_ytd, name: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng, unit: VND, period: ytd}
          - {id: exports_month, name: xuất khẩu hàng hóa, unit: USD, period: month}
          - {id: exports_ytd, name: xuất khẩu hàng hóa, unit: USD, period: ytd}
          - {id: revenue_month, name: thu ngân sách nhà nước, unit: VND, period: month}
          - {id: revenue_ytd, name: thu ngân sách nhà nước, unit: VND, period: ytd}
          - {id: jobs, name: lao động được giải quyết việc làm, unit: lao động, period: month}
        """

    @Test func everyIndicatorGetsTheFigureThePageWritesForIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("site/listing.html", Self.listing)
        try directory.write("site/ktxh-9.html", Self.report())
        let file = try directory.write("other-style.yaml", Self.definition)
        let definition = try DefinitionLoader().load(file: file)
        let outcome = MonthRun(
            definition: definition, month: Month("2024-09")!, outputRoot: directory.url.appendingPathComponent("out")
        ).run()
        let snapshot = try #require(outcome.result?.snapshot, "\(outcome.errors)")
        let values = snapshot.indicators.mapValues(\.value)
        #expect(
            values == [
                "retail_month": 6_540_000_000_000, "retail_ytd": 57_210_300_000_000,
                "exports_month": 152_400_000, "exports_ytd": 1_302_800_000,
                "revenue_month": 412_600_000_000, "revenue_ytd": 4_012_600_000_000, "jobs": 2_310,
            ])
        // The plan for the months left is no alternative value of anything.
        #expect(snapshot.indicators.values.allSatisfy { $0.alternatives.isEmpty })
    }
}
