import Foundation
import ProvstatCore
import ProvstatParse
import Testing

@testable import ProvstatExtract

/// Subjects, the kinds of listed figures, periods and links between figures, on sentences written
/// for these tests in the genre of provincial reports.
@Suite("What each figure measures")
struct SubjectTests {
    /// The fact with `raw` among a paragraph's facts.
    private func fact(_ raw: String, in text: String) throws -> Fact {
        try #require(facts(text).first { $0.raw == raw }, "no fact \(raw) in \(facts(text).map(\.raw))")
    }

    // MARK: - Subjects

    @Test func aLongNounPhraseIsKeptWhole() throws {
        let text =
            "Doanh thu dịch vụ lưu trú và ăn uống của các cơ sở kinh doanh trên địa bàn tháng 4 ước đạt 812,6 tỷ đồng."
        let subject = try fact("ước đạt 812,6 tỷ đồng", in: text).subject
        #expect(subject == "Doanh thu dịch vụ lưu trú và ăn uống của các cơ sở kinh doanh trên địa bàn tháng 4")
    }

    @Test func aClauseNamingOnlyAPeriodCarriesTheSubjectWithItsPeriod() throws {
        let text =
            "Giá trị hàng hóa nhập khẩu tháng 4 đạt 95,2 triệu USD; cộng dồn 4 tháng đạt 371,8 triệu USD, tăng 4,4% so với cùng kỳ."
        #expect(try fact("đạt 95,2 triệu USD", in: text).subject == "Giá trị hàng hóa nhập khẩu tháng 4")
        #expect(try fact("đạt 371,8 triệu USD", in: text).subject == "Giá trị hàng hóa nhập khẩu 4 tháng")
        let growth = try fact("tăng 4,4%", in: text)
        #expect(growth.subject == "Giá trị hàng hóa nhập khẩu 4 tháng")
        #expect(growth.kind == .growthYoY)
    }

    @Test func aPercentageOfPlanTakesTheSubjectOfItsAmount() throws {
        let text =
            "Lũy kế 5 tháng, số thu nội địa đạt 2.140,7 tỷ đồng, tăng 3,2% so với cùng kỳ và đạt 41,9% dự toán năm."
        let amount = try fact("đạt 2.140,7 tỷ đồng", in: text)
        #expect(amount.subject == "số thu nội địa 5 tháng")
        let plan = try fact("đạt 41,9%", in: text)
        #expect(plan.subject == "số thu nội địa 5 tháng")
        #expect(plan.kind == .planAttainment)
        let all = facts(text)
        #expect(plan.about.map { all[$0].raw } == "đạt 2.140,7 tỷ đồng")
    }

    @Test func aBreakdownItemKeepsItsWholeName() throws {
        let text =
            "Trong đó, nhóm hàng rau, củ, quả đạt 45,1 triệu USD, nhóm sắt thép và sản phẩm từ sắt thép đạt 30,2 triệu USD."
        #expect(try fact("đạt 45,1 triệu USD", in: text).subject == "nhóm hàng rau, củ, quả")
        #expect(try fact("đạt 30,2 triệu USD", in: text).subject == "nhóm sắt thép và sản phẩm từ sắt thép")
    }

    @Test func aFrontedPeriodOrConnectiveIsNotTheSubject() throws {
        let text = "Bên cạnh đó, trong tháng 8, lượng khách lưu trú ước đạt 41.300 lượt khách."
        #expect(try fact("ước đạt 41.300 lượt khách", in: text).subject == "lượng khách lưu trú tháng 8")
    }

    @Test func aComparisonBaseIsNotTheSubject() throws {
        let text = "So với cùng kỳ năm trước, sản lượng điện thương phẩm tăng 6,1%."
        #expect(try fact("tăng 6,1%", in: text).subject == "sản lượng điện thương phẩm")
    }

    @Test func aSubjectBeforeAColonOpensTheNextClause() throws {
        let text = "Chi ngân sách địa phương: ước thực hiện 5 tháng đạt 3.020,4 tỷ đồng."
        #expect(try fact("đạt 3.020,4 tỷ đồng", in: text).subject == "Chi ngân sách địa phương 5 tháng")
    }

    @Test func theVerbAfterAnAuxiliaryIsLeftOut() throws {
        let text = "Đến nay, vốn đầu tư công đã giải ngân 812,4 tỷ đồng."
        #expect(try fact("812,4 tỷ đồng", in: text).subject == "vốn đầu tư công")
    }

    @Test func theSectionHeadingNamesAFigureWhenTheSentenceNamesNothing() {
        let found = FactExtractor().extract(from: [
            .paragraph("4. Vận tải hành khách"), .paragraph("Ước đạt 1,9 triệu lượt khách, tăng 7,2% so với cùng kỳ."),
        ])
        #expect(found.map(\.subject) == ["Vận tải hành khách", "Vận tải hành khách"])
    }

    // MARK: - Lists

    @Test func respectivelyPairsEachChangeWithItsAmount() throws {
        let text =
            "Doanh thu vận tải tháng 9 đạt 210,5 tỷ đồng; tính chung 9 tháng đạt 1.870,2 tỷ đồng, so với cùng kỳ lần lượt tăng 5,3% và 8,1%."
        let monthly = try fact("tăng 5,3%", in: text)
        let ytd = try fact("8,1%", in: text)
        #expect(monthly.kind == .growthYoY)
        #expect(ytd.kind == .growthYoY)
        #expect(ytd.value == 8.1)
        #expect(monthly.subject == "Doanh thu vận tải tháng 9")
        #expect(ytd.subject == "Doanh thu vận tải 9 tháng")
        #expect(monthly.period?.span == .month)
        #expect(ytd.period?.span == .yearToDate)
    }

    @Test func aBaseWrittenAfterAListServesEveryItem() throws {
        let found = facts("Xuất khẩu gạo, cà phê và hạt tiêu lần lượt tăng 6,5%, 5,8% và 18,2% so với cùng kỳ.")
        #expect(found.map(\.value) == [6.5, 5.8, 18.2])
        #expect(found.map(\.kind) == [.growthYoY, .growthYoY, .growthYoY])
        #expect(found.map(\.subject) == ["Xuất khẩu gạo", "cà phê", "hạt tiêu"])
    }

    // MARK: - Kinds

    @Test(arguments: [
        ("Vốn giải ngân đạt 62% tổng vốn kế hoạch.", FactKind.planAttainment),
        ("Vốn giải ngân đạt 62% so với tổng vốn kế hoạch năm.", .planAttainment),
        ("Vốn giải ngân đạt 62% KH.", .planAttainment),
        ("Tỷ lệ che phủ rừng đạt 62%.", .share),
    ])
    func percentagesOfPlan(sentence: String, kind: FactKind) throws {
        let fact = try #require(facts(sentence).first)
        #expect(fact.kind == kind)
    }

    // MARK: - Periods

    @Test(arguments: [
        ("Lũy kế đến hết tháng 9, số thu đạt 512,3 tỷ đồng.", Period.Span.yearToDate, 9),
        ("Tính đến hết tháng 9, số thu đạt 512,3 tỷ đồng.", .yearToDate, 9),
        ("Tính đến ngày 30/9/2023, số thu đạt 512,3 tỷ đồng.", .yearToDate, 9),
        ("Tính chung 9 tháng, số thu đạt 512,3 tỷ đồng.", .yearToDate, 9),
        ("Riêng tháng 9, số thu đạt 512,3 tỷ đồng.", .month, 9),
        ("Số thu đạt 512,3 tỷ đồng trong tháng 9.", .month, 9),
        ("Trong đó tháng 9, số thu đạt 512,3 tỷ đồng.", .month, 9),
    ])
    func periodsAsReportsWriteThem(sentence: String, span: Period.Span, number: Int) throws {
        let fact = try #require(facts(sentence).first)
        #expect(fact.period?.span == span)
        #expect(fact.period?.number == number)
    }

    @Test func aBaseIsNotThePeriod() throws {
        let fact = try #require(
            facts("Chỉ số giá tiêu dùng tháng 9 so với tháng 12 năm trước tăng 2,1%.").first)
        #expect(fact.period?.number == 9)
    }

    @Test func thisMonthAndNextMonthInWords() {
        let text =
            "Trong tháng, số thu đạt 61,2 tỷ đồng. Tháng tới phấn đấu đạt 70 tỷ đồng."
        let found = FactExtractor().extract(from: [.paragraph("Báo cáo tháng 9 năm 2023."), .paragraph(text)])
        #expect(found.map { $0.period?.number } == [9, 10])
        #expect(found.map { $0.period?.span } == [.month, .month])
    }

    // MARK: - Precision

    @Test func theScaleOfTheUnitAsPrintedIsKept() throws {
        #expect(try fact("đạt 1,5 triệu USD", in: "Xuất khẩu đạt 1,5 triệu USD.").scale == 6)
        #expect(try fact("đạt 12 tỷ đồng", in: "Thu đạt 12 tỷ đồng.").scale == 9)
    }

    // MARK: - Tables

    @Test func indexColumnsAgainstThePreviousMonthAndCellsInTheUnitOfTheColumn() throws {
        let html = """
            <html><body><div class="c"><table>
            <tr><th>Chỉ tiêu</th><th>ĐVT</th><th>Tháng 9</th><th>Tháng 9 so với tháng 8 (%)</th></tr>
            <tr><td>Doanh thu lữ hành</td><td>Triệu USD</td><td>0,1</td><td>97,5</td></tr>
            </table></div></body></html>
            """
        let page = try PageParser().parse(data: Data(html.utf8), source: "table.html", xpath: "//div[@class='c']")
        let found = FactExtractor().extract(from: page.blocks)
        #expect(found.map(\.kind) == [.level, .indexMoM])
        #expect(found.map(\.subject) == ["Doanh thu lữ hành", "Doanh thu lữ hành"])
        #expect(found.first?.value == 100_000)
        #expect(found.first?.scale == 6)
        #expect(found.first?.decimals == 1)
    }
}
