import Foundation
import ProvstatCore
import Testing

@testable import ProvstatExtract

/// One labelled figure: the sentence it stands in and the fact it must give.
struct Expected: Sendable, CustomTestStringConvertible {
    let sentence: String
    let value: Decimal
    let unit: String
    let kind: FactKind
    var estimate = false

    var testDescription: String { "\(sentence) → \(value) \(unit) \(kind.rawValue)" }
}

/// Reads the facts of one paragraph.
func facts(_ text: String) -> [Fact] {
    FactExtractor().extract(from: [.paragraph(text)])
}

@Suite("Figures in sentences")
struct SentenceFactTests {
    static let cases: [Expected] = [
        // Separators and scale words.
        Expected(
            sentence: "Doanh thu bán lẻ đạt 23.429,4 tỷ đồng.", value: 23_429_400_000_000, unit: "VND", kind: .level),
        Expected(sentence: "Vốn đăng ký đạt 1.028,84 triệu USD.", value: 1_028_840_000, unit: "USD", kind: .level),
        Expected(
            sentence: "Tổng vốn khoảng 98 nghìn tỷ đồng.", value: 98_000_000_000_000, unit: "VND", kind: .level,
            estimate: true),
        Expected(
            sentence: "Đàn lợn có khoảng 215 ngàn con.", value: 215_000, unit: "con", kind: .level, estimate: true),
        Expected(
            sentence: "Hoàn thuế hơn 310 tỉ đồng cho doanh nghiệp.", value: 310_000_000_000, unit: "VND", kind: .level,
            estimate: true),
        Expected(
            sentence: "Thu nhập bình quân 5.200 nghìn đồng mỗi tháng.", value: 5_200_000, unit: "VND", kind: .level),
        Expected(sentence: "Tỉnh đón 1,2 triệu lượt khách.", value: 1_200_000, unit: "lượt khách", kind: .level),
        Expected(sentence: "Nhập khẩu đạt 1991 tỷ đồng.", value: 1_991_000_000_000, unit: "VND", kind: .level),
        Expected(sentence: "Sản lượng đạt 4,05 triệu\ntấn trong năm.", value: 4_050_000, unit: "t", kind: .level),
        Expected(sentence: "Giá trị nhập khẩu đạt 12 triệu euro.", value: 12_000_000, unit: "EUR", kind: .level),
        Expected(sentence: "Nhà máy có công suất 50 MW.", value: 50, unit: "MW", kind: .level),
        Expected(sentence: "Luân chuyển hàng hóa 95,3 triệu tấn.km.", value: 95_300_000, unit: "t.km", kind: .level),
        Expected(
            sentence: "Luân chuyển 180,2 triệu lượt khách.km.", value: 180_200_000, unit: "lượt khách.km", kind: .level),
        Expected(sentence: "Sản lượng điện đạt 1.935 triệu kWh.", value: 1_935_000_000, unit: "kWh", kind: .level),
        Expected(sentence: "Điện thương phẩm đạt 862 GWh.", value: 862, unit: "GWh", kind: .level),
        // Thousands written before the hundreds.
        Expected(
            sentence: "Tổng dư nợ đạt 98 nghìn 450 tỷ đồng.", value: 98_450_000_000_000, unit: "VND", kind: .level),
        Expected(sentence: "Sản lượng cá đạt 3 nghìn 120 tấn.", value: 3_120, unit: "t", kind: .level),
        // Incidents counted, not crop seasons; a count after a year's word is no year.
        Expected(sentence: "Xảy ra 9 vụ cháy rừng.", value: 9, unit: "vụ", kind: .level),
        Expected(sentence: "Cộng dồn từ đầu năm 1.240 ca.", value: 1_240, unit: "ca", kind: .level),
        Expected(sentence: "Điện mặt trời mái nhà phát 3.120 MWh.", value: 3_120, unit: "MWh", kind: .level),
        Expected(sentence: "Cảng Cái Mép bốc xếp 61.400 TEU.", value: 61_400, unit: "TEU", kind: .level),
        // Tonnes handled at a port are tonnes.
        Expected(
            sentence: "Hàng hóa qua cảng ước đạt 985 nghìn TTQ.", value: 985_000, unit: "t", kind: .level,
            estimate: true),
        Expected(
            sentence: "Sản lượng qua cảng đạt 2,4 triệu tấn thông qua.", value: 2_400_000, unit: "t", kind: .level),
        Expected(sentence: "Tuyến đường dài 17,8 km.", value: 17.8, unit: "km", kind: .level),
        Expected(sentence: "Xây dựng 12.500 m2 nhà xưởng.", value: 12_500, unit: "m2", kind: .level),
        Expected(sentence: "Cung cấp 3,2 triệu m³ nước sạch.", value: 3_200_000, unit: "m3", kind: .level),
        Expected(sentence: "Tiêu thụ 850 nghìn lít bia.", value: 850_000, unit: "l", kind: .level),
        Expected(sentence: "Đã gieo 9,1 nghìn ha rừng.", value: 9_100, unit: "ha", kind: .level),
        Expected(sentence: "Trồng mới 120 héc-ta cây ăn quả.", value: 120, unit: "ha", kind: .level),
        Expected(sentence: "Năng suất lúa đạt 60,5 tạ/ha.", value: 60.5, unit: "tạ/ha", kind: .level),
        Expected(sentence: "Xuất khẩu 500 kg yến sào.", value: 500, unit: "kg", kind: .level),
        // Rates.
        Expected(sentence: "Giá lúa ở mức 7.500 đồng/kg.", value: 7_500, unit: "VND/kg", kind: .level),
        Expected(sentence: "Thu nhập đạt 62 triệu đồng/người.", value: 62_000_000, unit: "VND/người", kind: .level),
        Expected(sentence: "Giá gạo xuất khẩu 650 USD/tấn.", value: 650, unit: "USD/tấn", kind: .level),
        // Counted nouns: the head noun only.
        Expected(sentence: "Cấp phép cho 21 dự án FDI mới.", value: 21, unit: "dự án", kind: .level),
        Expected(
            sentence: "Hội thảo thu hút hơn 100 đại biểu.", value: 100, unit: "đại biểu", kind: .level, estimate: true),
        Expected(sentence: "Có 23/27 ngành công nghiệp tăng.", value: 23, unit: "ngành", kind: .level),
        Expected(sentence: "Toàn tỉnh có 19 chỉ tiêu đạt kế hoạch.", value: 19, unit: "chỉ tiêu", kind: .level),
        Expected(sentence: "Giải quyết việc làm cho 2.350 lao động.", value: 2_350, unit: "lao động", kind: .level),
        Expected(sentence: "Có 06 nhóm hàng tăng giá.", value: 6, unit: "nhóm", kind: .level),
        Expected(sentence: "Hỗ trợ 320 hộ dân bị ảnh hưởng.", value: 320, unit: "hộ", kind: .level),
        Expected(sentence: "Tỉnh đã khai trương 12 chợ đêm.", value: 12, unit: "chợ", kind: .level),
        Expected(sentence: "Đợt này cấp 450 thẻ căn cước.", value: 450, unit: "thẻ", kind: .level),
        Expected(sentence: "Ngành y tế tiếp nhận 75 bệnh nhân.", value: 75, unit: "bệnh nhân", kind: .level),
        Expected(sentence: "Thành phố có 14 khách sạn mới.", value: 14, unit: "khách sạn", kind: .level),
        // Written-out numbers with a unit.
        Expected(sentence: "Tỉnh có tám dự án điện gió.", value: 8, unit: "dự án", kind: .level),
        Expected(sentence: "Năm nay thu hút hai nghìn lao động.", value: 2_000, unit: "lao động", kind: .level),
        Expected(sentence: "Có thêm ba xã đạt chuẩn.", value: 3, unit: "xã", kind: .level),
        Expected(sentence: "Đã tổ chức mười hai phiên giao dịch.", value: 12, unit: "phiên", kind: .level),
        // Kinds and signs.
        Expected(sentence: "Chỉ số tăng 12,4% so với cùng kỳ năm trước.", value: 12.4, unit: "%", kind: .growthYoY),
        Expected(sentence: "Đàn heo giảm 3,1% so với cùng kỳ.", value: -3.1, unit: "%", kind: .growthYoY),
        Expected(sentence: "CPI tháng 10 tăng 0,25% so với tháng trước.", value: 0.25, unit: "%", kind: .growthMoM),
        Expected(
            sentence: "Chỉ số tháng 10/2023 giảm 0,4% so với tháng 9/2023.", value: -0.4, unit: "%", kind: .growthMoM),
        Expected(sentence: "CPI tháng 10 tăng 2,18% so với tháng 12 năm trước.", value: 2.18, unit: "%", kind: .growth),
        Expected(sentence: "Xuất khẩu quý III tăng 11,2% so với quý II.", value: 11.2, unit: "%", kind: .growth),
        Expected(
            sentence: "CPI tháng này so với cùng kỳ năm trước tăng 3,65%.", value: 3.65, unit: "%", kind: .growthYoY),
        Expected(
            sentence: "Doanh thu tăng 4,1% so với tháng cùng kỳ năm trước.", value: 4.1, unit: "%", kind: .growthYoY),
        Expected(sentence: "Dư nợ tăng 6,8% so với cuối năm 2022.", value: 6.8, unit: "%", kind: .growth),
        Expected(
            sentence: "Doanh thu tháng 10/2023 tăng 9,5% so với tháng 10/2022.", value: 9.5, unit: "%", kind: .growthYoY
        ),
        Expected(sentence: "Giá điện tăng 3 phần trăm.", value: 3, unit: "%", kind: .growth),
        Expected(
            sentence: "Đàn lợn tăng 3,2% so với thời điểm này năm trước.", value: 3.2, unit: "%", kind: .growthYoY),
        Expected(sentence: "Tỉnh đón một triệu lượt khách.", value: 1_000_000, unit: "lượt khách", kind: .level),
        Expected(sentence: "Doanh thu tăng 14,36%.", value: 14.36, unit: "%", kind: .growth),
        Expected(sentence: "Tăng trưởng kinh tế đạt 5,77%.", value: 5.77, unit: "%", kind: .growthYoY),
        Expected(
            sentence: "Sản lượng lúa tăng 1,8% so với năm 2022 trong báo cáo năm 2023.", value: 1.8, unit: "%",
            kind: .growthYoY),
        Expected(sentence: "Kim ngạch bằng 105,2% so với cùng kỳ.", value: 105.2, unit: "%", kind: .indexYoY),
        Expected(sentence: "Diện tích gieo cấy bằng 93,9% cùng kỳ năm trước.", value: 93.9, unit: "%", kind: .indexYoY),
        Expected(sentence: "Chỉ số bằng 99,6% so với tháng trước.", value: 99.6, unit: "%", kind: .indexMoM),
        Expected(sentence: "Thu ngân sách đạt 100% kế hoạch.", value: 100, unit: "%", kind: .planAttainment),
        Expected(sentence: "Chi thường xuyên bằng 85,3% dự toán.", value: 85.3, unit: "%", kind: .planAttainment),
        Expected(sentence: "Lũy kế đạt 101,1% so dự toán tỉnh giao.", value: 101.1, unit: "%", kind: .planAttainment),
        Expected(sentence: "Thu tiền sử dụng đất vượt 28,6% dự toán.", value: 28.6, unit: "%", kind: .planExcess),
        Expected(sentence: "Thủy sản chiếm 63,42% tổng kim ngạch.", value: 63.42, unit: "%", kind: .share),
        Expected(sentence: "Nhóm này có tỷ trọng 6,33% trong tổng số.", value: 6.33, unit: "%", kind: .share),
        Expected(sentence: "Tỷ lệ hộ nghèo còn 2,1%.", value: 2.1, unit: "%", kind: .share),
        Expected(sentence: "Tỷ lệ lấp đầy 72,5%.", value: 72.5, unit: "%", kind: .share),
        Expected(sentence: "Xuất khẩu gạo gấp 3,16 lần cùng kỳ.", value: 3.16, unit: "times", kind: .ratio),
        Expected(
            sentence: "Ngành chế biến đóng góp 0,35 điểm phần trăm.", value: 0.35, unit: "pp", kind: .contributionPP),
        Expected(
            sentence: "Thu nội địa tăng 6,3 nghìn tỷ đồng so với cùng kỳ.", value: 6_300_000_000_000, unit: "VND",
            kind: .growthYoY),
        Expected(
            sentence: "Sản lượng tăng 2,3% (+32,36 tấn) so với cùng kỳ.", value: 32.36, unit: "t", kind: .growthYoY),
        Expected(sentence: "Diện tích giảm 0,9% (-603 ha) so với vụ trước.", value: -603, unit: "ha", kind: .growth),
        Expected(sentence: "Giá trị gia tăng đạt 320 tỷ đồng.", value: 320_000_000_000, unit: "VND", kind: .level),
        Expected(sentence: "Vốn đăng ký tăng thêm đạt 200 tỷ đồng.", value: 200_000_000_000, unit: "VND", kind: .level),
        // Hedges.
        Expected(
            sentence: "Kim ngạch ước đạt 745,6 triệu USD.", value: 745_600_000, unit: "USD", kind: .level,
            estimate: true),
        Expected(
            sentence: "Chi ngân sách dự ước 8.745,3 tỷ đồng.", value: 8_745_300_000_000, unit: "VND", kind: .level,
            estimate: true),
        Expected(sentence: "Cả năm dự kiến đạt 620.000 tấn.", value: 620_000, unit: "t", kind: .level, estimate: true),
        Expected(sentence: "Sản lượng gạo gần 95.000 tấn.", value: 95_000, unit: "t", kind: .level, estimate: true),
        Expected(sentence: "Công suất phòng xấp xỉ 68%.", value: 68, unit: "%", kind: .share, estimate: true),
        Expected(
            sentence: "Phấn đấu thu tối thiểu 5.800 tỷ đồng.", value: 5_800_000_000_000, unit: "VND", kind: .level,
            estimate: true),
        Expected(
            sentence: "Năm 2023 có ít nhất 800 doanh nghiệp mới.", value: 800, unit: "doanh nghiệp", kind: .level,
            estimate: true),
        Expected(sentence: "Mức tăng giá dao động trên dưới 4%.", value: 4, unit: "%", kind: .growth, estimate: true),
        Expected(
            sentence: "Chỉ số tháng 10 ước tăng 2,15% so với tháng trước.", value: 2.15, unit: "%", kind: .growthMoM,
            estimate: true),
        Expected(
            sentence: "Dự ước chỉ số sản xuất tháng này tăng 1,34% so với tháng trước.", value: 1.34, unit: "%",
            kind: .growthMoM, estimate: true),
        Expected(
            sentence: "Ước tính cả năm, sản lượng lúa đạt 4,1 triệu tấn.", value: 4_100_000, unit: "t", kind: .level,
            estimate: true),
        // Untidy text.
        Expected(sentence: "Gieo trồng 9.587ha lúa.", value: 9_587, unit: "ha", kind: .level),
        Expected(sentence: "Khai khoáng giảm13,9% so với cùng kỳ.", value: -13.9, unit: "%", kind: .growthYoY),
        Expected(
            sentence: "Công nghiệp chế biến, chế tạotăng1,36% so với tháng trước.", value: 1.36, unit: "%",
            kind: .growthMoM),
        Expected(sentence: "Tỷ lệ tiêm chủng đạt 97,0%.", value: 97, unit: "%", kind: .share),
        Expected(sentence: "Giá trị đạt 5.000 tỷ\u{00A0}đồng.", value: 5_000_000_000_000, unit: "VND", kind: .level),
    ]

    @Test("reads the labelled figure", arguments: cases)
    func readsFigure(_ expected: Expected) throws {
        let found = facts(expected.sentence)
        let fact = try #require(found.first { $0.value == expected.value && $0.unit == expected.unit }, "\(found)")
        #expect(fact.kind == expected.kind)
        #expect(fact.estimate == expected.estimate)
        #expect(fact.sentence == expected.sentence)
        let scalars = Array(fact.sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[fact.start..<fact.end])) == fact.raw)
    }

    @Test("counts decimals as printed", arguments: [("đạt 97,0%", 1), ("đạt 1.500 tỷ đồng", 0), ("đạt 5,77%", 2)])
    func decimals(_ text: String, _ decimals: Int) throws {
        let fact = try #require(facts(text).first)
        #expect(fact.decimals == decimals)
    }

    @Test("a range gives its low and high end with the range's unit, kind and hedge")
    func ranges() {
        let found = facts(
            "Giá tôm giảm từ 10 - 15% so với cùng kỳ, nhu cầu khoảng 45.000 - 50.000 tấn, vốn từ 50 đến 60 nghìn tỷ đồng."
        )
        #expect(found.map(\.value) == [-10, -15, 45_000, 50_000, 50_000_000_000_000, 60_000_000_000_000])
        #expect(found.prefix(2).allSatisfy { $0.kind == .growthYoY && $0.unit == "%" })
        #expect(found[2].estimate && found[3].estimate)
        #expect(found[4].unit == "VND" && found[5].unit == "VND")
    }

    @Test("a move from one level to another gives two levels")
    func fromTo() {
        let found = facts("Tỷ lệ lao động qua đào tạo tăng từ 53,12% (năm 2015) lên 70,23% (năm 2020).")
        #expect(found.map(\.kind) == [.share, .share])
        #expect(found.map(\.value) == [Decimal(string: "53.12")!, Decimal(string: "70.23")!])
    }

    @Test("shares the base named after coordinated changes")
    func coordinatedBase() {
        let found = facts("Số doanh nghiệp tăng 7,5% và vốn đăng ký giảm 12,3% so với cùng kỳ năm 2022.")
        #expect(found.map(\.kind) == [.growthYoY, .growthYoY])
        #expect(found.map(\.value) == [7.5, -12.3])
    }

    @Test("links an equivalent to the figure it restates and parts to their total")
    func links() {
        let found = facts(
            "Tổng vốn 8.265 tỷ đồng (tương đương khoảng 340 triệu USD). Thu ngân sách đạt 4.215 tỷ đồng; trong đó thu nội địa 3.940,5 tỷ đồng, thu khác 274,5 tỷ đồng."
        )
        #expect(found.count == 5)
        #expect(found[1].equivalentOf == 0 && found[1].estimate)
        #expect(found[3].componentOf == 2)
        #expect(found[4].componentOf == 2)
        #expect(found[2].componentOf == nil)
    }

    @Test("reads the period of a figure")
    func periods() throws {
        let found = facts(
            "Kim ngạch tháng 10 đạt 118,6 triệu USD; lũy kế 10 tháng năm 2023 đạt 1.185,4 triệu USD; quý III đạt 300 triệu USD."
        )
        #expect(found.map(\.period?.span) == [.month, .yearToDate, .quarter])
        #expect(found[0].period?.number == 10)
        #expect(found[1].period?.year == 2023)
        #expect(found[2].period?.number == 3)
    }

    @Test("gives a short subject from the sentence")
    func subject() throws {
        let fact = try #require(facts("Tổng mức bán lẻ hàng hóa tháng 10 ước đạt 5.842,3 tỷ đồng.").first)
        #expect(fact.subject == "Tổng mức bán lẻ hàng hóa tháng 10")
    }
}
