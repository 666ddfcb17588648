import Foundation
import ProvstatCore
import Testing

@testable import ProvstatExtract

/// Wordings met on pages outside the dev corpus.
@Suite("Wordings beyond the dev corpus")
struct GeneralizationTests {
    static let cases: [Expected] = [
        // Thousands grouped by spaces.
        Expected(
            sentence: "Dân số trung bình ước đạt 1 250 300 người.", value: 1_250_300, unit: "người", kind: .level,
            estimate: true),
        Expected(
            sentence: "Kim ngạch 10 tháng đạt 2 145,6 triệu USD.", value: 2_145_600_000, unit: "USD", kind: .level),
        Expected(sentence: "Sản lượng cá đạt 1\u{00A0}200 tấn.", value: 1_200, unit: "t", kind: .level),
        // An amount restating a change is that change.
        Expected(
            sentence: "Doanh thu du lịch tăng 10%, tương đương 3 tỷ đồng so với cùng kỳ.", value: 3_000_000_000,
            unit: "VND", kind: .growthYoY),
        Expected(
            sentence: "Thu ngân sách giảm 4,2% so với cùng kỳ, tương đương 120 tỷ đồng.", value: -120_000_000_000,
            unit: "VND", kind: .growthYoY),
        Expected(
            sentence: "Số thuê bao tăng 2,1% so với tháng trước, tương ứng tăng 3.500 thuê bao.", value: 3_500,
            unit: "thuê bao", kind: .growthMoM),
        // Written-out numbers past ninety-nine.
        Expected(
            sentence: "Toàn tỉnh có một trăm hai mươi lăm doanh nghiệp giải thể.", value: 125, unit: "doanh nghiệp",
            kind: .level),
        Expected(sentence: "Có ba trăm năm mươi hộ thoát nghèo.", value: 350, unit: "hộ", kind: .level),
        Expected(sentence: "Huyện hỗ trợ ba trăm lẻ năm hộ.", value: 305, unit: "hộ", kind: .level),
        Expected(sentence: "Đã có hai mươi mốt xã đạt chuẩn.", value: 21, unit: "xã", kind: .level),
        Expected(sentence: "Tuyển dụng năm trăm lao động.", value: 500, unit: "lao động", kind: .level),
        Expected(
            sentence: "Tổng đàn gia cầm khoảng hai trăm nghìn con.", value: 200_000, unit: "con", kind: .level,
            estimate: true),
        // A base fronted before its clause.
        Expected(
            sentence: "So với cùng kỳ năm trước, doanh thu dịch vụ lưu trú tăng 8,6%.", value: 8.6, unit: "%",
            kind: .growthYoY),
        Expected(
            sentence: "So với tháng trước, chỉ số giá nhóm thực phẩm giảm 0,42%.", value: -0.42, unit: "%",
            kind: .growthMoM),
        // *lần* counting occasions, next to *lần* as a multiple.
        Expected(sentence: "Tổ chức 12 lần kiểm tra liên ngành.", value: 12, unit: "lần", kind: .level),
        Expected(
            sentence: "Vốn đầu tư tăng hơn 2 lần so với cùng kỳ.", value: 2, unit: "times", kind: .ratio, estimate: true
        ),
        Expected(sentence: "Khách quốc tế bằng 3 lần cùng kỳ.", value: 3, unit: "times", kind: .ratio),
        Expected(sentence: "Lượng khách cao gấp 4 lần năm trước.", value: 4, unit: "times", kind: .ratio),
        // A rate whose denominator is a capitalised unit.
        Expected(sentence: "Tỷ giá ở mức 24.200 VND/USD.", value: 24_200, unit: "VND/USD", kind: .level),
    ]

    @Test("reads the labelled figure", arguments: cases)
    func readsFigure(_ expected: Expected) throws {
        let found = facts(expected.sentence)
        let fact = try #require(found.first { $0.value == expected.value && $0.unit == expected.unit }, "\(found)")
        #expect(fact.kind == expected.kind)
        #expect(fact.estimate == expected.estimate)
        let scalars = Array(fact.sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[fact.start..<fact.end])) == fact.raw)
    }

    @Test("table cells may group thousands with spaces")
    func spacedTableCells() throws {
        let grid = TableGrid(
            rows: [
                ["Chỉ tiêu", "ĐVT", "Cộng dồn 10 tháng"],
                ["Kim ngạch xuất khẩu", "Triệu USD", "2 145,3"],
                ["Khách du lịch", "Lượt khách", "1\u{00A0}234\u{00A0}500"],
                ["Ghi chú", "Lượt", "1 2"],
            ], headerRowCount: 1)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.map(\.value) == [2_145_300_000, 1_234_500])
    }

    @Test("a level restated in another unit stays a level")
    func restatedLevel() throws {
        let found = facts("Tổng vốn đạt 8.265 tỷ đồng, tăng 5% so với cùng kỳ; tương đương 340 triệu USD.")
        let usd = try #require(found.first { $0.unit == "USD" })
        #expect(usd.kind == .level)
    }

    @Test(
        "gives no fact",
        arguments: [
            "Đường dây nóng 1900 1234 luôn hoạt động.",
            "Gọi số 091 234 5678 để được hỗ trợ.",
            "Ba mươi năm qua, tỉnh đổi mới mạnh mẽ.",
            "Một doanh nghiệp và một hợp tác xã được khen thưởng.",
        ])
    func noFact(_ sentence: String) {
        #expect(facts(sentence).isEmpty, "\(facts(sentence).map(\.raw))")
    }
}
