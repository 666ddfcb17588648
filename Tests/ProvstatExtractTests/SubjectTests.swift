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

    @Test func theVerbOfTheFigureAfterAnAuxiliaryIsLeftOut() throws {
        let text = "Đến nay, chỉ số giá vàng đã tăng 3,4% so với tháng trước."
        #expect(try fact("đã tăng 3,4%", in: text).subject == "chỉ số giá vàng")
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
        ("Chín tháng đầu năm 2023, số thu đạt 512,3 tỷ đồng.", .yearToDate, 9),
        ("9 tháng đầu năm 2023, số thu đạt 512,3 tỷ đồng.", .yearToDate, 9),
        ("Mười một tháng, số thu đạt 512,3 tỷ đồng.", .yearToDate, 11),
        // The months left are no year to date.
        ("Trong 3 tháng cuối năm, phấn đấu số thu đạt 512,3 tỷ đồng.", .restOfYear, 3),
        ("Sáu tháng cuối năm 2023, phấn đấu số thu đạt 512,3 tỷ đồng.", .restOfYear, 6),
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

    // MARK: - Who did what

    @Test func anAcronymThePageDefinesStandsForTheNameBeforeIt() throws {
        let text = "Tổng sản phẩm trên địa bàn (GRDP) quý III ước tăng 6,2% so với cùng kỳ năm trước."
        #expect(try fact("ước tăng 6,2%", in: text).subject == "GRDP quý III")
        // A Roman numeral in brackets is not an acronym.
        let numbered = "Sản lượng điện (II) đạt 120 triệu kWh."
        #expect(try fact("đạt 120 triệu kWh", in: numbered).subject == "Sản lượng điện")
    }

    @Test func aTopicCompletesTheActionsNamedAfterIt() throws {
        let text =
            "Vụ lúa Hè Thu năm 2024, nông dân đã gieo sạ 52.300 ha, đạt 101,5% kế hoạch; đến nay đã thu hoạch 12.400 ha."
        #expect(try fact("52.300 ha", in: text).subject == "diện tích Vụ lúa Hè Thu đã gieo sạ")
        #expect(try fact("đạt 101,5%", in: text).subject == "diện tích Vụ lúa Hè Thu đã gieo sạ")
        #expect(try fact("12.400 ha", in: text).subject == "diện tích Vụ lúa Hè Thu đã thu hoạch")
    }

    @Test func aParticularAgentStaysWithItsVerbAndTheProvinceGoesWithoutSaying() throws {
        let particular = "Năm nay, các hợp tác xã kiểu mới đã cung ứng 3.200 tấn phân bón cho thành viên."
        #expect(try fact("3.200 tấn", in: particular).subject == "lượng hợp tác xã kiểu mới đã cung ứng phân bón")
        let general = "Các doanh nghiệp trên địa bàn tỉnh nhập khẩu 12.500 tấn phân bón."
        #expect(try fact("12.500 tấn", in: general).subject == "lượng nhập khẩu phân bón")
        let whole = "Tổng đàn trâu toàn tỉnh khoảng 18.400 con."
        #expect(try fact("khoảng 18.400 con", in: whole).subject == "Tổng đàn trâu")
        // *giá trị gia tăng* ends in *tăng* without being a change.
        let tax = "Trong 6 tháng, các doanh nghiệp được hoàn thuế giá trị gia tăng 96 tỷ đồng."
        let refund = try fact("96 tỷ đồng", in: tax)
        #expect(refund.subject == "hoàn thuế giá trị gia tăng 6 tháng")
        #expect(refund.kind == .level)
    }

    @Test func thoseAnActionWasForAreCountedWithTheAction() throws {
        let text = "Trong quý, tỉnh đã cấp giấy chứng nhận đầu tư cho 37 dự án với tổng vốn đăng ký 2.150 tỷ đồng."
        #expect(try fact("cho 37 dự án", in: text).subject == "dự án được cấp giấy chứng nhận đầu tư")
        #expect(try fact("2.150 tỷ đồng", in: text).subject == "tổng vốn đăng ký dự án")
        // Who acted goes after *được*; how surely, or that something helped, goes.
        #expect(
            try fact("cho 1.250 hộ nghèo", in: "Sở Y tế đã hỗ trợ cho 1.250 hộ nghèo.").subject
                == "hộ nghèo được Sở Y tế hỗ trợ")
        #expect(
            try fact("cho khoảng 900 lao động", in: "Các nhà máy mới dự kiến tạo việc làm cho khoảng 900 lao động.")
                .subject == "lao động được nhà máy mới tạo việc làm")
        #expect(
            try fact(
                "cho hơn 600 lao động",
                in: "Quỹ hỗ trợ nông dân cho vay 42 tỷ đồng, giúp tạo việc làm cho hơn 600 lao động."
            ).subject == "lao động được tạo việc làm")
        // An action that opens the sentence is no name; *UBND* keeps its capitals.
        #expect(
            try fact("cho 2.310 người", in: "Chi trả trợ cấp thất nghiệp cho 2.310 người.").subject
                == "người được chi trả trợ cấp thất nghiệp")
        #expect(
            try fact("cho 9 dự án", in: "UBND tỉnh trao quyết định chủ trương đầu tư cho 9 dự án.").subject
                == "dự án được UBND tỉnh trao quyết định chủ trương đầu tư")
    }

    @Test func aSumPaidToThoseAnActionWasForIsTheActions() throws {
        // The projects' capital above is theirs; a sum paid out is the paying's, for them.
        let help = "Trong tháng, Sở Y tế đã hỗ trợ cho 1.250 hộ nghèo với số tiền 2,5 tỷ đồng."
        #expect(try fact("2,5 tỷ đồng", in: help).subject == "số tiền hỗ trợ cho hộ nghèo")
        let benefit = "Trong tháng, tỉnh đã chi trả trợ cấp thất nghiệp cho 4.120 người với tổng số tiền 98,6 tỷ đồng."
        #expect(
            try fact("98,6 tỷ đồng", in: benefit).subject == "tổng số tiền chi trả trợ cấp thất nghiệp cho người")
        #expect(try fact("cho 4.120 người", in: benefit).subject == "người được chi trả trợ cấp thất nghiệp")
        // A bank acts like an office: the noun before *đã* is who paid, not what was counted.
        let bank =
            "Trong tháng, Ngân hàng Chính sách xã hội đã chi trả trợ cấp thất nghiệp cho 4.120 người với số tiền 98,6 tỷ đồng."
        #expect(
            try fact("cho 4.120 người", in: bank).subject
                == "người được Ngân hàng Chính sách xã hội chi trả trợ cấp thất nghiệp")
        #expect(try fact("98,6 tỷ đồng", in: bank).subject == "số tiền chi trả trợ cấp thất nghiệp cho người")
    }

    @Test func theCropSeasonASentenceIsAboutIsThePeriodOfItsFigures() throws {
        let purpose =
            "Để chuẩn bị cho vụ Hè Thu 2025, ngành nông nghiệp dự kiến nhu cầu phân bón khoảng 62.000 tấn."
        #expect(try fact("khoảng 62.000 tấn", in: purpose).subject == "nhu cầu phân bón vụ Hè Thu")
        let within = "Trong vụ lúa Mùa năm nay, toàn tỉnh đã gieo cấy 38.400 ha, đạt 98,7% kế hoạch."
        #expect(try fact("38.400 ha", in: within).subject == "diện tích gieo cấy vụ lúa Mùa")
        #expect(try fact("đạt 98,7%", in: within).subject == "diện tích gieo cấy vụ lúa Mùa")
        // A season named in the subject is not named twice; one compared against is no period.
        let named = "Diện tích lúa vụ Chiêm Xuân đạt 21.300 ha, giảm 450 ha so với vụ Chiêm Xuân năm trước."
        #expect(try fact("đạt 21.300 ha", in: named).subject == "Diện tích lúa vụ Chiêm Xuân")
        let compared = "Năng suất lúa đạt 6,1 tấn/ha, cao hơn so với vụ Đông Xuân năm trước."
        #expect(try fact("đạt 6,1 tấn/ha", in: compared).subject == "Năng suất lúa")
    }

    @Test func anotherMeasureOfAThingIsOfThatThing() throws {
        let rice = "Năng suất lúa Thu Đông đạt 5,4 tấn/ha, sản lượng đạt 162.000 tấn."
        #expect(try fact("đạt 162.000 tấn", in: rice).subject == "sản lượng lúa Thu Đông")
        let exports = "Kim ngạch xuất khẩu hạt điều đạt 86,5 triệu USD, sản lượng 14.200 tấn."
        #expect(try fact("14.200 tấn", in: exports).subject == "sản lượng xuất khẩu hạt điều")
        #expect(ItemNaming.measured(by: "Tổng diện tích Rừng trồng mới") == "Rừng trồng mới")
        #expect(ItemNaming.measured(by: "dự án nhà máy nước") == "dự án nhà máy nước")
    }

    @Test func aRunningTotalWithNoNumberOfMonthsIsNamedSo() throws {
        let text = "Doanh thu lưu trú tháng 5 ước 412 tỷ đồng, lũy kế ước 1.960 tỷ đồng (đạt 41,2% kế hoạch)."
        #expect(try fact("ước 412 tỷ đồng", in: text).subject == "Doanh thu lưu trú tháng 5")
        #expect(try fact("ước 1.960 tỷ đồng", in: text).subject == "Doanh thu lưu trú lũy kế")
        #expect(try fact("đạt 41,2%", in: text).subject == "Doanh thu lưu trú lũy kế")
        let fronted = "Cộng dồn từ đầu năm, kim ngạch nhập khẩu đạt 512,4 triệu USD."
        #expect(try fact("đạt 512,4 triệu USD", in: fronted).subject == "kim ngạch nhập khẩu cộng dồn từ đầu năm")
    }

    @Test func aBareSoOpensABase() throws {
        let text =
            "Thu ngân sách 5 tháng đạt 1.204,5 tỷ đồng (đạt 46,1% so dự toán tỉnh giao, bằng 42,3% dự toán huyện xây dựng)."
        #expect(try fact("bằng 42,3%", in: text).subject == "Thu ngân sách 5 tháng")
    }

    @Test func aMeasureOfWhatWasDoneKeepsTheDoing() throws {
        #expect(
            try fact("ước đạt 28.400 ha", in: "Diện tích lúa đã thu hoạch ước đạt 28.400 ha.").subject
                == "Diện tích lúa đã thu hoạch")
        #expect(
            try fact("đạt 960 tỷ đồng", in: "Vốn đầu tư công đã giải ngân đạt 960 tỷ đồng.").subject
                == "Vốn đầu tư công đã giải ngân")
        // What follows the auxiliary of any other name is the verb.
        #expect(
            try fact("đã đạt 96,2 triệu USD", in: "Kim ngạch xuất khẩu đã đạt 96,2 triệu USD.").subject
                == "Kim ngạch xuất khẩu")
        // A count already named is not named twice.
        #expect(
            try fact("là 84 hợp tác xã", in: "Số hợp tác xã thành lập mới là 84 hợp tác xã.").subject
                == "Số hợp tác xã thành lập mới")
    }

    @Test func completingOrReachingARateOfThePlanIsItsAttainment() throws {
        let done = "Thu ngân sách 6 tháng đạt 2.140 tỷ đồng, hoàn thành 58,1% dự toán năm."
        let completed = try fact("58,1%", in: done)
        #expect(completed.kind == .planAttainment && completed.subject == "Thu ngân sách 6 tháng")
        let rate = try fact("78%", in: "Doanh thu lưu trú đạt 540 tỷ đồng, đạt tỷ lệ 78% kế hoạch.")
        #expect(rate.kind == .planAttainment && rate.subject == "Doanh thu lưu trú")
        // A rate that is no plan's stays a share with its own name.
        let poor = try fact("còn 2,1%", in: "Tỷ lệ hộ nghèo còn 2,1%.")
        #expect(poor.kind == .share && poor.subject == "Tỷ lệ hộ nghèo")
    }

    @Test func aChangeRestatedInPercentInBracketsIsTheSameChange() throws {
        let text =
            "Nguồn vốn huy động đạt 48.600 tỷ đồng, tăng 1.950 tỷ đồng (bằng 4,2%) so với đầu năm và giảm 310 tỷ đồng (giảm 0,6%) so với cùng kỳ."
        #expect(try fact("tăng 1.950 tỷ đồng", in: text).kind == .growth)
        #expect(try fact("bằng 4,2%", in: text).kind == .growth)
        let yearOnYear = try fact("giảm 310 tỷ đồng", in: text)
        #expect(yearOnYear.kind == .growthYoY && yearOnYear.value == -310_000_000_000)
        let percent = try fact("giảm 0,6%", in: text)
        #expect(percent.kind == .growthYoY && percent.value == -0.6)
    }

    @Test func aBaseOpeningTheNextClauseIsThatClauses() throws {
        let text = "So với tháng 12/2023, CPI tháng 5 tăng 1,62% và so với cùng kỳ năm trước tăng 3,05%."
        #expect(try fact("tăng 1,62%", in: text).kind == .growth)
        #expect(try fact("tăng 3,05%", in: text).kind == .growthYoY)
    }

    @Test func aFigureInsideBracketsIsNamedInsideThem() throws {
        let text =
            "Chỉ số giá tiêu dùng tháng 5 giảm 0,06% so với tháng trước (khu vực thành thị giảm 0,03%; khu vực nông thôn giảm 0,08%)."
        #expect(try fact("giảm 0,06%", in: text).subject == "Chỉ số giá tiêu dùng tháng 5")
        #expect(try fact("giảm 0,03%", in: text).subject == "khu vực thành thị")
        #expect(try fact("giảm 0,08%", in: text).subject == "khu vực nông thôn")
    }

    @Test func aBaseWrittenBeforeTheFigureInItsClauseIsItsOwn() throws {
        let text = "Trong tháng 6, doanh thu bốc xếp tăng so với tháng trước khoảng 4,1% và tăng 9,3% so với cùng kỳ."
        let month = try fact("khoảng 4,1%", in: text)
        #expect(month.kind == .growthMoM)
        #expect(month.subject == "doanh thu bốc xếp tháng 6")
        #expect(try fact("tăng 9,3%", in: text).kind == .growthYoY)
    }

    @Test func aValueOfSomethingNamedByItsValueRestatesIt() throws {
        let text =
            "Kim ngạch xuất nhập khẩu tháng 5 đạt 140,2 triệu USD; lũy kế 5 tháng giá trị đạt 655,1 triệu USD, trong đó xuất khẩu đạt 402,3 triệu USD, nhập khẩu đạt 252,8 triệu USD."
        #expect(try fact("đạt 655,1 triệu USD", in: text).subject == "Kim ngạch xuất nhập khẩu 5 tháng")
        // One side of the trade is named by its own measure.
        #expect(try fact("đạt 402,3 triệu USD", in: text).subject == "kim ngạch xuất khẩu")
        #expect(try fact("đạt 252,8 triệu USD", in: text).subject == "kim ngạch nhập khẩu")
    }

    @Test func transportIsMovedAndCarriedOverADistance() throws {
        let text =
            "Vận tải hàng hóa ước đạt 1,4 triệu tấn, luân chuyển 205,7 triệu tấn.km; vận tải hành khách đạt 920 nghìn lượt khách, luân chuyển 61,3 triệu lượt khách.km."
        #expect(try fact("ước đạt 1,4 triệu tấn", in: text).subject == "lượng Vận tải hàng hóa")
        #expect(try fact("205,7 triệu tấn.km", in: text).subject == "luân chuyển Vận tải hàng hóa")
        #expect(try fact("61,3 triệu lượt khách.km", in: text).subject == "luân chuyển vận tải hành khách")
    }

    @Test func aCauseWrittenBeforeAFigureIsNotWhatItMeasures() throws {
        let text =
            "Thu ngân sách 6 tháng ước đạt 2.950,4 tỷ đồng, giảm 4,1% so với cùng kỳ, chủ yếu do thu từ đất giảm, bằng 47,2% dự toán."
        #expect(try fact("bằng 47,2%", in: text).subject == "Thu ngân sách 6 tháng")
        // A figure inside the cause is measured there.
        let inside = "Chỉ số giá tiêu dùng tăng 0,3%, chủ yếu do giá thịt lợn tăng 4,5%."
        #expect(try fact("tăng 4,5%", in: inside).subject == "giá thịt lợn")
    }

    @Test func takingPartWithNothingNamedIsTakingPartInWhatWasJustCounted() throws {
        let text = "Sở Công Thương tổ chức 4 hội chợ hàng Việt, thu hút 310 doanh nghiệp tham gia."
        #expect(try fact("310 doanh nghiệp", in: text).subject == "doanh nghiệp tham gia hội chợ hàng Việt")
        // What the clause names itself stays.
        let own = "Hội nghị có 250 đại biểu tham dự."
        #expect(try fact("có 250 đại biểu", in: own).subject == "Hội nghị có đại biểu tham dự")
    }

    @Test func aPlaceWelcomingVisitorsCountsThoseWhoCameToIt() throws {
        let text = "Riêng huyện Côn Đảo đã đón 210.000 lượt khách, chiếm 18,2% tổng lượng khách đến tỉnh."
        #expect(try fact("210.000 lượt khách", in: text).subject == "lượt khách đến huyện Côn Đảo")
        #expect(try fact("chiếm 18,2%", in: text).subject == "lượt khách đến huyện Côn Đảo")
        // A sector welcomes no one to itself.
        #expect(
            try fact("1,2 triệu lượt khách", in: "Ngành du lịch đón 1,2 triệu lượt khách.").subject
                == "Ngành du lịch đón lượt khách")
    }

    @Test func anActionWrittenBareAgainIsTheOneWrittenWithItsObject() throws {
        let text =
            "Các sở, ngành cần đẩy nhanh tiến độ giải ngân vốn sự nghiệp, phấn đấu đến ngày 31/12 giải ngân đạt 95% kế hoạch."
        #expect(try fact("đạt 95%", in: text).subject == "giải ngân vốn sự nghiệp")
        // A later stretch of the sentence is named by its own words.
        let later = "Kim ngạch xuất khẩu hàng điện tử đạt 210 triệu USD; nhập khẩu đạt 150 triệu USD."
        #expect(try fact("đạt 150 triệu USD", in: later).subject == "nhập khẩu")
    }

    @Test func aShareItsClauseNamesThePartOfIsAShareOfTheMeasureAfterIt() throws {
        let text = "Các giống lúa thơm như ST24, ST25 chiếm khoảng 35% diện tích xuống giống."
        #expect(try fact("chiếm khoảng 35%", in: text).subject == "diện tích xuống giống giống lúa thơm")
        let total = "Nhóm hàng thủy sản chiếm 61,4% tổng kim ngạch xuất khẩu."
        #expect(try fact("chiếm 61,4%", in: total).subject == "kim ngạch xuất khẩu Nhóm hàng thủy sản")
        // After the part's amount, the share is about that amount.
        let after = "Hàng dệt may đạt 85,2 triệu USD, chiếm 12,5% tổng kim ngạch."
        #expect(try fact("chiếm 12,5%", in: after).subject == "Hàng dệt may")
    }

    @Test func whatAnActionCountedIsReadWithTheAction() throws {
        #expect(
            try fact("52.000 lượt khách", in: "Sân bay Cà Mau đã phục vụ 52.000 lượt khách.").subject
                == "Sân bay Cà Mau đã phục vụ lượt khách")
        // *cần* is a modal before the verb, as *đã* is an aspect.
        #expect(
            try fact("khoảng 2.000 lao động", in: "Các doanh nghiệp cần tuyển dụng khoảng 2.000 lao động.").subject
                == "tuyển dụng lao động")
    }

    @Test func aLaterActionIsByTheAgentNamedBefore() throws {
        let text = "Các hợp tác xã kiểu mới đã nộp thuế 12 tỷ đồng, đồng thời tạo việc làm cho 640 lao động."
        #expect(try fact("12 tỷ đồng", in: text).subject == "hợp tác xã kiểu mới đã nộp thuế")
        #expect(try fact("cho 640 lao động", in: text).subject == "lao động được hợp tác xã kiểu mới tạo việc làm")
    }

    @Test func aChangeSaysWhichAspectItIsIn() throws {
        let text =
            "Có 315 doanh nghiệp thành lập mới với tổng vốn đăng ký 1.920 tỷ đồng, tăng 4,2% về số doanh nghiệp và giảm 8,6% về vốn đăng ký so với cùng kỳ."
        #expect(try fact("tăng 4,2%", in: text).subject == "số doanh nghiệp thành lập mới")
        #expect(try fact("giảm 8,6%", in: text).subject == "vốn đăng ký doanh nghiệp thành lập mới")
    }

    @Test func aBreakdownItemIsNamedByItsTotalsMeasure() throws {
        let text =
            "Sản lượng lúa cả năm ước đạt 1,42 triệu tấn; trong đó lúa chất lượng cao 910.000 tấn, lúa nếp 64.000 tấn."
        let all = facts(text)
        let item = try fact("910.000 tấn", in: text)
        #expect(item.subject == "sản lượng lúa chất lượng cao")
        #expect(item.componentOf.map { all[$0].raw } == "ước đạt 1,42 triệu tấn")
        #expect(try fact("64.000 tấn", in: text).subject == "sản lượng lúa nếp")
        // An item that names its own measure keeps its name.
        let shared = "Kim ngạch xuất khẩu đạt 300 triệu USD; trong đó xuất khẩu gạo 120 triệu USD."
        #expect(try fact("120 triệu USD", in: shared).subject == "kim ngạch xuất khẩu gạo")
        let own = "Kim ngạch xuất khẩu đạt 300 triệu USD; trong đó giá trị xuất khẩu gạo 120 triệu USD."
        #expect(try fact("120 triệu USD", in: own).subject == "giá trị xuất khẩu gạo")
    }

    @Test func whatNarrowsARateIsReadWithIt() throws {
        let text = "Tỷ lệ hộ dùng nước sạch đạt 92,4%, trong đó có nước máy đạt 61,8%."
        #expect(try fact("đạt 61,8%", in: text).subject == "Tỷ lệ hộ dùng nước sạch có nước máy")
    }

    @Test func countedItemsJoinedByVàKeepTheirOwnWords() throws {
        let text = "Có 120 doanh nghiệp giải thể và 45 doanh nghiệp quay lại hoạt động."
        #expect(try fact("Có 120 doanh nghiệp", in: text).subject == "doanh nghiệp giải thể")
        #expect(try fact("45 doanh nghiệp", in: text).subject == "doanh nghiệp quay lại hoạt động")
        // *đạt* with no figure after it qualifies the noun.
        let reached = "Có 11/14 khoản thu đạt tiến độ dự toán."
        #expect(try fact("Có 11/14 khoản thu", in: reached).subject == "khoản thu đạt tiến độ dự toán")
    }

    @Test func aCountedNounKeepsItsQualifiersAndOwnsTheAttributesAfterIt() throws {
        // *và* inside the noun phrase is not the start of another item.
        let groups = "Trong tháng có 9 nhóm hàng hóa và dịch vụ có chỉ số giá tăng."
        #expect(try fact("có 9 nhóm", in: groups).subject == "nhóm hàng hóa và dịch vụ có chỉ số giá")
        // The attribute belongs to the noun, not to what is said of it.
        let projects = "Có 4 dự án FDI được cấp giấy chứng nhận đăng ký đầu tư với tổng vốn đăng ký 63,5 triệu USD."
        #expect(try fact("Có 4 dự án", in: projects).subject == "dự án FDI được cấp giấy chứng nhận đăng ký đầu tư")
        #expect(try fact("63,5 triệu USD", in: projects).subject == "tổng vốn đăng ký dự án FDI")
        // The province issuing licences is the agent, not what is counted.
        let licensed = "Trong tháng, tỉnh cấp mới 16 dự án với tổng vốn đăng ký 822,2 tỷ đồng."
        #expect(try fact("822,2 tỷ đồng", in: licensed).subject == "tổng vốn đăng ký dự án")
    }

    @Test func whatDidNotHappenStillNamesTheThing() throws {
        let text =
            "Tháng 5 không phát sinh dự án FDI mới; lũy kế 5 tháng vẫn là 3 dự án với tổng vốn đăng ký 58,2 triệu USD."
        #expect(try fact("vẫn là 3 dự án", in: text).subject == "dự án FDI mới 5 tháng")
        #expect(try fact("58,2 triệu USD", in: text).subject == "tổng vốn đăng ký dự án FDI mới")
    }

    @Test func aGroupOfGoodsIsNamedByTheIndexItsSectionMeasures() throws {
        let blocks: [TextBlock] = [
            .paragraph("Chỉ số giá tiêu dùng (CPI) tháng 5 tăng 0,21% so với tháng trước."),
            .paragraph(
                "Nhóm nhà ở và vật liệu xây dựng có mức tăng cao nhất, tăng 0,9%; nhóm may mặc, mũ nón, giày dép giảm 0,1%, trong đó giày dép giảm 0,3%."
            ),
            .paragraph("Xuất khẩu"),
            .paragraph("Nhóm hàng nông sản tăng 4,2% so với cùng kỳ."),
        ]
        let found = FactExtractor().extract(from: blocks)
        #expect(
            found.map(\.subject) == [
                "CPI tháng 5", "chỉ số giá nhóm nhà ở và vật liệu xây dựng",
                "chỉ số giá nhóm may mặc, mũ nón, giày dép",
                "chỉ số giá giày dép",
                // A new section measures something else.
                "Nhóm hàng nông sản",
            ])
    }

    @Test func aSecondAttributeBelongsToTheSameThing() throws {
        let text = "Cà phê là mặt hàng chủ lực với sản lượng 12.300 tấn, giá trị 41,5 triệu USD."
        #expect(try fact("12.300 tấn", in: text).subject == "sản lượng Cà phê")
        #expect(try fact("41,5 triệu USD", in: text).subject == "giá trị Cà phê")
    }

    @Test func withNothingNamedBeforeItTheWordsAfterAFigureSayWhatItIs() throws {
        let text = "Toàn tỉnh có 4.200 ha trồng theo tiêu chuẩn VietGAP."
        #expect(try fact("có 4.200 ha", in: text).subject == "diện tích trồng theo tiêu chuẩn VietGAP")
        // A hedge opening the clause goes whole.
        #expect(
            try fact("cho 1.200 lao động", in: "Dự kiến tạo việc làm cho 1.200 lao động.").subject
                == "lao động được tạo việc làm")
    }

    @Test func aLeadNamesWhatTheProvinceDidAndAMonthOfItNamesNothingNew() throws {
        let text =
            "Vốn đầu tư công: từ đầu năm đến nay, toàn tỉnh giải ngân được 412,5 tỷ đồng, đạt 9,1% kế hoạch vốn giao, tăng 6,2% so với cùng kỳ; trong đó tháng Ba ước giải ngân 180,4 tỷ đồng."
        #expect(try fact("được 412,5 tỷ đồng", in: text).subject == "Vốn đầu tư công giải ngân")
        // The plan's own words (*kế hoạch vốn giao*) name nothing for the change after them.
        #expect(try fact("tăng 6,2%", in: text).subject == "Vốn đầu tư công giải ngân")
        #expect(try fact("180,4 tỷ đồng", in: text).subject == "Vốn đầu tư công giải ngân tháng Ba")
    }

    @Test func aMonthWrittenInWordsAndAWholeYearArePeriodsNotNames() throws {
        let text = "Kim ngạch nhập khẩu tháng Mười ước đạt 215,3 triệu USD; lũy kế 10 tháng đạt 2.004,8 triệu USD."
        #expect(try fact("đạt 2.004,8 triệu USD", in: text).subject == "Kim ngạch nhập khẩu 10 tháng")
        #expect(
            try fact("tăng 3,4%", in: "Bình quân cả năm 2024, CPI tăng 3,4% so với cùng kỳ.").subject == "CPI cả năm")
    }

    @Test func aPlaceSetAgainstAnotherKeepsTheRestOfTheName() throws {
        let text =
            "Trong quý, lao động làm việc trong tỉnh 8.420 người, ngoài tỉnh 3.150 người và đi làm việc ở nước ngoài 640 người."
        #expect(try fact("8.420 người", in: text).subject == "lao động làm việc trong tỉnh")
        #expect(try fact("3.150 người", in: text).subject == "lao động làm việc ngoài tỉnh")
        // *và* right after a counted noun starts the next item, not words about the noun.
        #expect(try fact("640 người", in: text).subject == "đi làm việc ở nước ngoài")
    }

    @Test func aCountedNounAfterCuaSaysWhoseItIs() throws {
        let text = "Vùng nguyên liệu 12.000 ha, gắn với bao tiêu sản phẩm của 14 hợp tác xã."
        #expect(try fact("14 hợp tác xã", in: text).subject == "bao tiêu sản phẩm của hợp tác xã")
    }

    @Test func aPartSingledOutByRiengTakesItsTotalsMeasure() throws {
        let text =
            "Kim ngạch xuất khẩu 6 tháng đạt 842,5 triệu USD, riêng tháng 6 đạt 150,2 triệu USD. Riêng hàng dệt may đạt 210,3 triệu USD."
        #expect(try fact("đạt 210,3 triệu USD", in: text).subject == "kim ngạch xuất khẩu hàng dệt may")
        // A part that is a month is the total's month, and not a breakdown item.
        let month = try fact("đạt 150,2 triệu USD", in: text)
        #expect(month.subject == "Kim ngạch xuất khẩu tháng 6")
        #expect(month.componentOf == nil)
    }

    @Test func anEnumerationEndingInVaKeepsEveryItem() throws {
        let text = "Nhóm đồ gỗ, mây tre đan và các mặt hàng khác đạt 61,7 triệu USD."
        #expect(try fact("đạt 61,7 triệu USD", in: text).subject == "Nhóm đồ gỗ, mây tre đan và các mặt hàng khác")
    }

    @Test func aSectorThatCountsOwnsTheBareMeasureAfterIt() throws {
        let text = "Ngành du lịch đón 640.000 lượt khách, doanh thu đạt 820 tỷ đồng."
        #expect(try fact("640.000 lượt khách", in: text).subject == "Ngành du lịch đón lượt khách")
        #expect(try fact("đạt 820 tỷ đồng", in: text).subject == "doanh thu Ngành du lịch")
    }

    @Test func whoEstimatesIsNotWhatIsEstimated() throws {
        let text = "Ngành nông nghiệp dự kiến nhu cầu phân bón khoảng 120.000 tấn."
        #expect(try fact("khoảng 120.000 tấn", in: text).subject == "nhu cầu phân bón")
    }

    @Test func whatAThingHasIsItsOwn() throws {
        let text =
            "Khu dân cư Bắc Sơn có diện tích 35 ha, tổng vốn 640 tỷ đồng. Công trình có 212 hộ phải di dời; dự kiến tạo việc làm cho 300 lao động khi hoàn thành."
        #expect(try fact("35 ha", in: text).subject == "diện tích Khu dân cư Bắc Sơn")
        #expect(try fact("640 tỷ đồng", in: text).subject == "tổng vốn Khu dân cư Bắc Sơn")
        #expect(try fact("có 212 hộ", in: text).subject == "Công trình có hộ phải di dời")
        // *khi …* says when, not which.
        #expect(try fact("cho 300 lao động", in: text).subject == "lao động được tạo việc làm")
        // A compound noun after *và* is part of what is counted.
        #expect(
            try fact("48 quốc gia", in: "Hàng hóa đã xuất sang 48 quốc gia và vùng lãnh thổ.").subject
                == "quốc gia và vùng lãnh thổ")
    }

    @Test func anAttributeWithNoOwnerInItsSegmentTakesTheOneBefore() throws {
        let text =
            "Công trình được khởi công theo Quyết định số 1120/QĐ-UBND của UBND tỉnh, với tổng mức đầu tư 860 tỷ đồng; tuyến đường dài 12,4 km."
        #expect(try fact("860 tỷ đồng", in: text).subject == "tổng mức đầu tư Công trình")
        // A length names its measure in place of the adjective.
        #expect(try fact("12,4 km", in: text).subject == "chiều dài tuyến đường")
    }

    @Test func aYearWrittenAloneIsTheFiguresPeriod() throws {
        let target = "Theo nghị quyết, năm 2025 tỉnh phấn đấu kim ngạch xuất khẩu đạt 2.300 triệu USD."
        #expect(try fact("đạt 2.300 triệu USD", in: target).subject == "kim ngạch xuất khẩu năm 2025")
        // A year inside a name or a plan is not.
        let plan =
            "Giải ngân vốn đầu tư công đạt 812 tỷ đồng, bằng 30,2% kế hoạch vốn năm 2025, tăng 4,4% so với cùng kỳ."
        #expect(try fact("tăng 4,4%", in: plan).subject == "Giải ngân vốn đầu tư công")
        // What a thing has is its own only when it is named right before *có*.
        let lead =
            "Thực hiện kế hoạch phát triển doanh nghiệp, năm 2025 tỉnh phấn đấu có thêm 500 doanh nghiệp thành lập mới."
        #expect(try fact("có thêm 500 doanh nghiệp", in: lead).subject == "doanh nghiệp thành lập mới năm 2025")
    }

    @Test func aLinkingPhraseOpensTheFirstItemOfAList() throws {
        let text = "Chỉ số sản xuất công nghiệp tăng 6,1%, chủ yếu nhờ ngành chế biến, chế tạo tăng 7,3%."
        #expect(try fact("tăng 7,3%", in: text).subject == "ngành chế biến, chế tạo")
    }

    @Test func examplesAfterNhuStandForTheirClass() throws {
        let text = "Các mặt hàng chủ lực như cà phê, hạt điều, Tiêu đen chiếm 64,2% kim ngạch xuất khẩu."
        #expect(try fact("chiếm 64,2%", in: text).subject == "kim ngạch xuất khẩu mặt hàng chủ lực")
        // *cũng như* links, it lists no examples.
        let linked = "Giá trị sản xuất nông nghiệp cũng như lâm nghiệp tăng 3,1%."
        #expect(try fact("tăng 3,1%", in: linked).subject == "Giá trị sản xuất nông nghiệp cũng như lâm nghiệp")
        // An example with a figure of its own is what that figure measures.
        let own = "Một số mặt hàng tăng giá như gạo tăng 2,1%, thịt lợn tăng 1,5%."
        #expect(try fact("tăng 2,1%", in: own).subject == "gạo")
    }

    @Test func theLegalBasisOfAnActionIsNotItsName() throws {
        let text = "Quỹ hỗ trợ nông dân cho vay theo Quyết định số 12/2024/QĐ-UBND với doanh số 48,6 tỷ đồng."
        #expect(try fact("48,6 tỷ đồng", in: text).subject == "doanh số Quỹ hỗ trợ nông dân cho vay")
    }

    @Test func whatIsCountedMaySayWhereItIsListed() throws {
        let text = "Tỉnh kêu gọi 32 dự án trong danh mục ưu tiên đầu tư; trong tháng có 4 dự án được cấp phép."
        #expect(try fact("32 dự án", in: text).subject == "dự án trong danh mục ưu tiên đầu tư")
        #expect(try fact("có 4 dự án", in: text).subject == "dự án được cấp phép")
        // A verb left hanging before the next figure is not part of what was counted.
        let groups = "Trong 11 nhóm hàng chính có 7 nhóm tăng giá."
        #expect(try fact("11 nhóm", in: groups).subject == "nhóm hàng chính")
        #expect(try fact("có 7 nhóm", in: groups).subject == "nhóm tăng giá")
    }

    @Test func framingWordsAroundANameAreNotPartOfIt() throws {
        let text =
            "Kim ngạch nhập khẩu trong tháng 5 ước đạt 96,4 triệu USD. Công tác giải ngân vốn đầu tư công được đẩy mạnh, đạt 1.020 tỷ đồng."
        #expect(try fact("ước đạt 96,4 triệu USD", in: text).subject == "Kim ngạch nhập khẩu tháng 5")
        #expect(try fact("đạt 1.020 tỷ đồng", in: text).subject == "giải ngân vốn đầu tư công")
        // A period before the verb that ends a name is the name's period, and a month carried
        // after it replaces it.
        let balance = "Cán cân thương mại 9 tháng xuất siêu 412,6 triệu USD; riêng tháng 9 xuất siêu 51,2 triệu USD."
        #expect(try fact("412,6 triệu USD", in: balance).subject == "Cán cân thương mại xuất siêu 9 tháng")
        #expect(try fact("51,2 triệu USD", in: balance).subject == "Cán cân thương mại xuất siêu tháng 9")
        // An attribute of a count belongs to the things counted.
        let firms = "Số doanh nghiệp thành lập mới trong tháng là 74 doanh nghiệp với số vốn đăng ký 605,2 tỷ đồng."
        #expect(
            try fact("605,2 tỷ đồng", in: firms).subject == "số vốn đăng ký doanh nghiệp thành lập mới trong tháng")
    }

    @Test func monthsCountedInWordsAndABareSoOpenABase() throws {
        let text =
            "Kim ngạch nhập khẩu tháng 10 ước đạt 98,2 triệu USD; Mười tháng đầu năm 2024 ước đạt 930,4 triệu USD, so cùng kỳ tăng 4,2%."
        let total = try fact("ước đạt 930,4 triệu USD", in: text)
        #expect(total.subject == "Kim ngạch nhập khẩu Mười tháng đầu năm")
        #expect(total.period?.span == .yearToDate)
        #expect(total.period?.number == 10)
        #expect(try fact("tăng 4,2%", in: text).kind == .growthYoY)
    }

    @Test func theProvinceBetweenATopicAndItsVerbAndStuffNamedAfterTheUnit() throws {
        let crop = "Vụ lúa mùa năm 2024 toàn tỉnh gieo cấy được 41.300 ha."
        #expect(try fact("được 41.300 ha", in: crop).subject == "diện tích Vụ lúa mùa năm 2024 gieo cấy")
        let forest =
            "Toàn tỉnh đã trồng được 2,6 triệu cây phân tán; 6,1 nghìn ha rừng trồng tập trung, chăm sóc rừng 25 nghìn ha."
        #expect(try fact("6,1 nghìn ha", in: forest).subject == "diện tích rừng trồng tập trung")
        #expect(try fact("25 nghìn ha", in: forest).subject == "diện tích chăm sóc rừng")
    }

    @Test func aPartsPercentagesWithNoBaseOfTheirOwnAreMeasuredAsItsTotalsWere() throws {
        let text =
            "Tổng chi ngân sách địa phương là 6.210,4 tỷ đồng, đạt 70,2% dự toán, tăng 15,1% so với cùng kỳ. Trong đó: chi đầu tư phát triển là 1.302,6 tỷ đồng, đạt 98,4%, giảm 8,2%; chi thường xuyên là 3.115,0 tỷ đồng, đạt 61,3%, tăng 7,7%."
        #expect(try fact("đạt 98,4%", in: text).kind == .planAttainment)
        #expect(try fact("giảm 8,2%", in: text).kind == .growthYoY)
        #expect(try fact("tăng 7,7%", in: text).kind == .growthYoY)
        // A total measured against two bases leaves its parts' changes as they were read.
        let both =
            "Doanh thu đạt 1.240 tỷ đồng, tăng 2,1% so với tháng trước và tăng 9,8% so với cùng kỳ; trong đó doanh thu lưu trú đạt 210 tỷ đồng, tăng 4,4%."
        #expect(try fact("tăng 4,4%", in: both).kind == .growth)
    }

    @Test func anEstimateBeforeTheDateAFigureStandsAtAndAShareVerbAreNotTheName() throws {
        let text =
            "Nguồn vốn huy động ước thực hiện đến 30/6/2025 là 31.480 tỷ đồng. Xét theo ngành hàng, lương thực, thực phẩm chiếm tỷ trọng cao nhất với 43,8%."
        #expect(try fact("là 31.480 tỷ đồng", in: text).subject == "Nguồn vốn huy động đến 30/6")
        #expect(facts(text).last?.subject == "lương thực, thực phẩm")
    }

    @Test func aListsLeadStatesItsBaseOnceAndACountedNounNamesItselfWhenNothingElseDoes() throws {
        let list = "Một số sản phẩm chủ yếu tăng so với cùng kỳ: bia tăng 6,2%; gạch nung tăng 3,5%."
        #expect(try fact("tăng 6,2%", in: list).kind == .growthYoY)
        #expect(try fact("tăng 3,5%", in: list).kind == .growthYoY)
        let poor = "Toàn tỉnh còn 2.140 hộ nghèo, chiếm tỷ lệ 0,81%."
        #expect(try fact("còn 2.140 hộ nghèo", in: poor).subject == "hộ nghèo")
        #expect(try fact("0,81%", in: poor).subject == "hộ nghèo")
    }

    @Test func aChangeThatStatesNoBaseIsMeasuredAsTheLastOneThatDidForTheSamePeriod() throws {
        let text = "Chỉ số giá vàng tháng 9 tăng 2,8% so với tháng trước; chỉ số giá đô la Mỹ giảm 0,4%."
        #expect(try fact("giảm 0,4%", in: text).kind == .growthMoM)
        // A base written once after a list serves the items before it.
        let herds = "Đàn trâu 38.100 con, giảm 1,4%; đàn bò 57.200 con, tăng 2,6% so với cùng kỳ năm trước."
        #expect(try fact("giảm 1,4%", in: herds).kind == .growthYoY)
        // Changes before it decide first: a month's change explained by its groups stays the month's.
        let explained =
            "CPI tháng 2 tăng 0,6% so với tháng trước, chủ yếu do nhóm hàng ăn tăng 1,1%; so với cùng kỳ, CPI tăng 3,9%."
        #expect(try fact("tăng 1,1%", in: explained).kind == .growthMoM)
        // Another period, or a base of its own, keeps its kind.
        let average = "CPI tháng 9 tăng 0,25% so với tháng trước; bình quân 9 tháng tăng 3,1%."
        #expect(try fact("tăng 3,1%", in: average).kind == .growth)
        let december = "CPI tháng 3 giảm 0,1% so với tháng trước; so với tháng 12 năm trước, CPI tăng 0,7%."
        #expect(try fact("tăng 0,7%", in: december).kind == .growth)
        // The verb of the largest change is no part of its name.
        let groups = "Có 7 nhóm tăng giá so với tháng trước, trong đó nhóm giáo dục tăng cao nhất 3,4%."
        #expect(facts(groups).last?.subject == "nhóm giáo dục")
    }

    // MARK: - What the words around a figure leave unsaid

    @Test func anAmountNamingNoMeasureTakesTheOneItsUnitImplies() throws {
        let text =
            "Sản phẩm chủ yếu: xi măng đạt 2,15 triệu tấn, tăng 4,1%; đến nay đã trồng mới 1.250 ha rừng tập trung."
        #expect(try fact("đạt 2,15 triệu tấn", in: text).subject == "sản lượng xi măng")
        #expect(try fact("tăng 4,1%", in: text).subject == "sản lượng xi măng")
        #expect(try fact("1.250 ha", in: text).subject == "diện tích trồng mới rừng tập trung")
        // A subject that names its measure keeps it; a unit that implies none adds nothing.
        #expect(
            try fact("đạt 2.480 ha", in: "Diện tích nuôi tôm đạt 2.480 ha.").subject == "Diện tích nuôi tôm")
        #expect(try fact("đạt 410 tỷ đồng", in: "Thu nội địa đạt 410 tỷ đồng.").subject == "Thu nội địa")
    }

    @Test func aTopicGoesOnIntoTheNextSentenceOnlyWhileItsActionsNeedIt() throws {
        let text =
            "Vụ lúa Hè Thu năm 2024, toàn tỉnh đã xuống giống 92.300 ha. Hiện nay, nông dân đã thu hoạch 15.600 ha. Sản lượng cá nuôi đạt 8.400 tấn. Đến nay đã thả nuôi 3.100 ha."
        #expect(try fact("92.300 ha", in: text).subject == "diện tích Vụ lúa Hè Thu đã xuống giống")
        #expect(try fact("15.600 ha", in: text).subject == "diện tích Vụ lúa Hè Thu đã thu hoạch")
        // A sentence that names a thing of its own closes the topic.
        #expect(try fact("đạt 8.400 tấn", in: text).subject == "Sản lượng cá nuôi")
        #expect(try fact("3.100 ha", in: text).subject == "diện tích thả nuôi")
    }

    @Test func aSectorThatCountsKeepsItsNameAndTheProvinceGoesWithoutSaying() throws {
        #expect(
            try fact("950.000 lượt khách", in: "Ngành du lịch đón 950.000 lượt khách, tăng 12%.").subject
                == "Ngành du lịch đón lượt khách")
        #expect(
            try fact("950.000 lượt khách", in: "Đồng Tháp đón 950.000 lượt khách, tăng 12%.").subject == "lượt khách")
    }

    @Test func whatIsStrivenForIsNamedWithoutTheResolveAndWithItsOwnPeriod() throws {
        let text =
            "Trong 3 tháng cuối năm, tỉnh tổ chức nhiều hội chợ, phấn đấu cả năm thu hút trên 2 triệu lượt khách."
        #expect(try fact("trên 2 triệu lượt khách", in: text).subject == "thu hút lượt khách cả năm")
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
