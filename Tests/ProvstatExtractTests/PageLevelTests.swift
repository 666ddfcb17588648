import Foundation
import ProvstatCore
import Testing

@testable import ProvstatExtract

@Suite("Page-level reading")
struct PageLevelTests {
    @Test("an English-style page reads 1,500 as fifteen hundred")
    func englishStyle() {
        let found = FactExtractor().extract(from: [
            .paragraph("Tổng vốn đăng ký 8,746.5 tỷ đồng, tăng 4.78% so với cùng kỳ."),
            .paragraph("Các dự án tạo việc làm cho khoảng 1,500 lao động và xuất khẩu 72,070 tấn."),
        ])
        #expect(found.map(\.value) == [8_746_500_000_000, Decimal(string: "4.78")!, 1_500, 72_070])
    }

    @Test("a sentence or line naming only a period is about what the section named last, up to the next heading")
    func namedBeforeCarriesOn() {
        let found = FactExtractor().extract(from: [
            .paragraph("Doanh thu vận tải tháng 5 ước đạt 812,4 tỷ đồng. Tính chung 5 tháng, đạt 3.950,2 tỷ đồng."),
            .paragraph("Lũy kế 5 tháng tăng 9,4% so với cùng kỳ."),
            .paragraph("3. Du lịch"),
            .paragraph("Tính chung 5 tháng đạt 1,2 triệu lượt khách."),
        ])
        #expect(
            found.map(\.subject) == [
                "Doanh thu vận tải tháng 5", "Doanh thu vận tải 5 tháng", "Doanh thu vận tải 5 tháng",
                "Du lịch 5 tháng",
            ])
        // An amount in another unit is of something else.
        let other = FactExtractor().extract(from: [
            .paragraph("Trong tháng ghi nhận 152 ca sốt xuất huyết."), .paragraph("Năm 2023 đạt 12 tỷ đồng."),
        ])
        #expect(other.map(\.subject) == ["ca sốt xuất huyết", "Năm 2023"])
    }

    @Test("a trade balance after the trade's parts is no part of the trade")
    func tradeBalanceIsNoPart() {
        let found = FactExtractor().extract(from: [
            .paragraph(
                "Kim ngạch xuất nhập khẩu đạt 1.850 triệu USD, trong đó xuất khẩu 1.100 triệu USD, nhập khẩu 750 triệu USD; cán cân thương mại xuất siêu 350 triệu USD."
            )
        ])
        #expect(found.map(\.componentOf) == [nil, 0, 0, nil])
        #expect(found.last?.subject == "cán cân thương mại xuất siêu")
    }

    @Test("a Vietnamese page (the default) reads 1.500 as fifteen hundred")
    func vietnameseStyle() {
        let found = FactExtractor().extract(from: [.paragraph("Có 1.500 lao động và 23.429,4 tỷ đồng.")])
        #expect(found.map(\.value) == [1_500, 23_429_400_000_000])
    }

    @Test("an ambiguous count is read as a whole number whatever the page style")
    func wholeCounts() {
        let found = FactExtractor().extract(from: [.paragraph("Có 1,500 lao động và 2,5 tỷ đồng vốn.")])
        #expect(found.map(\.value) == [1_500, 2_500_000_000])
    }

    @Test("NFD text gives the same facts as NFC text")
    func decomposed() {
        let text = "Sản lượng thủy sản ước đạt 268.400 tấn, tăng 5,6% so với cùng kỳ và đạt 86,2% kế hoạch năm."
        let nfc = FactExtractor().extract(from: [.paragraph(text)])
        let nfd = FactExtractor().extract(from: [.paragraph(text.decomposedStringWithCanonicalMapping)])
        #expect(nfc.count == 3)
        #expect(nfc == nfd)
    }

    @Test(
        "reads one amount as written in a plan",
        arguments: [
            ("1.500 triệu USD", Decimal(1_500_000_000), "USD"), ("6,5%", Decimal(6.5), "%"),
            ("khoảng 2 nghìn tỷ đồng", Decimal(2_000_000_000_000), "VND"),
        ])
    func amount(_ text: String, _ value: Decimal, _ unit: String) throws {
        let fact = try #require(FactExtractor().amount(in: text))
        #expect(fact.value == value)
        #expect(fact.unit == unit)
    }

    @Test("table facts take unit, kind and estimate from the unit column and headers")
    func table() throws {
        let grid = TableGrid(
            rows: [
                [
                    "STT", "Chỉ tiêu", "ĐVT", "Ước tính tháng 10", "Kế hoạch năm", "So với cùng kỳ (%)", "% KH",
                    "Tăng/giảm so với cùng kỳ (%)",
                ],
                ["1", "Kim ngạch xuất khẩu", "Triệu USD", "45,3", "600", "93,6", "73,2", "-6,4"],
                ["", "Trong đó: Gạo", "Triệu USD", "10,1", "-", "104,0", "-", "4,0"],
                ["2", "Điện sản xuất", "Triệu kWh", "1.240,5", "-", "102,3", "-", "2,3"],
                ["3", "Khách du lịch", "Lượt khách", "98.500", "-", "-", "-", "-"],
            ], headerRowCount: 1)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.count == 12)
        let first = try #require(found.first)
        #expect(first.value == 45_300_000 && first.unit == "USD" && first.kind == .level && first.estimate)
        #expect(first.subject == "Kim ngạch xuất khẩu")
        #expect(first.table == Fact.TableCell(table: 0, row: 1, column: 3, header: "Ước tính tháng 10"))
        #expect(found[1].kind == .level && !found[1].estimate)
        #expect(found[2].kind == .indexYoY && found[2].unit == "%")
        #expect(found[3].kind == .planAttainment)
        #expect(found[4].kind == .growthYoY && found[4].value == -6.4)
        #expect(found[5].subject == "Gạo" && found[5].componentOf == 0)
        #expect(found.last?.unit == "lượt khách")
        let power = try #require(found.first { $0.subject == "Điện sản xuất" })
        #expect(power.value == 1_240_500_000 && power.unit == "kWh")
        #expect(
            found.allSatisfy {
                String(String.UnicodeScalarView(Array($0.sentence.unicodeScalars)[$0.start..<$0.end])) == $0.raw
            })
    }

    @Test("a column of last year's values is a level, not an index")
    func lastYearColumn() {
        let grid = TableGrid(
            rows: [
                ["Chỉ tiêu", "ĐVT", "Thực hiện cùng kỳ năm 2022", "Thực hiện năm 2023"],
                ["Lúa", "Tấn", "1.240", "1.310"],
            ],
            headerRowCount: 1)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.map(\.kind) == [.level, .level])
        #expect(found.map(\.value) == [1_240, 1_310])
    }

    @Test("stacked headers: the lower row's month or year to date is the column's period, with the upper row's year")
    func stackedHeaderPeriods() throws {
        let grid = TableGrid(
            rows: [
                ["Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2023"],
                ["Chỉ tiêu", "Đơn vị tính", "Thực hiện tháng 10", "Lũy kế 10 tháng"],
                ["Khách du lịch", "Lượt khách", "85.400", "812.300"],
            ], headerRowCount: 2)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.map(\.value) == [85_400, 812_300])
        #expect(
            found.map(\.period) == [
                Period(span: .month, year: 2023, number: 10), Period(span: .yearToDate, year: 2023, number: 10),
            ])
    }

    @Test("units come from a note before the table or from the row label; serial numbers are no facts")
    func unitNotes() {
        let grid = TableGrid(
            rows: [
                ["", "Chỉ tiêu", "Năm 2023"], ["1", "Thu nội địa", "3.940,5"],
                ["2", "Sản lượng lúa (nghìn tấn)", "412,3"],
            ],
            headerRowCount: 1)
        let found = FactExtractor().extract(from: [.paragraph("Đơn vị tính: Tỷ đồng"), .table(grid)])
        #expect(found.map(\.value) == [3_940_500_000_000, 412_300])
        #expect(found.map(\.unit) == ["VND", "t"])
    }

    @Test("a first row of years is a header even without <th>")
    func yearHeader() {
        let grid = TableGrid(
            rows: [["Chỉ tiêu", "ĐVT", "2022", "2023"], ["Sản lượng lúa", "Tấn", "410.200", "415.800"]],
            headerRowCount: 0)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.map(\.value) == [410_200, 415_800])
        #expect(found.allSatisfy { $0.unit == "t" && $0.kind == .level })
        #expect(found.map(\.period?.year) == [2022, 2023])
    }

    @Test("a spanning unit note inside the table gives the unit; captions do not head columns")
    func captionRows() {
        let grid = TableGrid(
            rows: [
                ["Đơn vị tính: Tấn", "Đơn vị tính: Tấn", "Đơn vị tính: Tấn"],
                ["Cây trồng", "Quý III/2024", "So sánh (%)"],
                ["Lúa", "69.470", "102,0"],
            ], headerRowCount: 0)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.map(\.value) == [69_470, 102])
        #expect(found.map(\.unit) == ["t", "%"])
        #expect(found.map(\.kind) == [.level, .indexYoY])
        #expect(found.first?.period?.span == .quarter)
    }

    @Test("index columns holding changes are read as growth")
    func changeColumn() {
        let grid = TableGrid(
            rows: [["Chỉ tiêu", "So với tháng trước"], ["CPI", "0,42%"], ["Lương thực", "-0,12%"]], headerRowCount: 1)
        let found = FactExtractor().extract(from: [.table(grid)])
        #expect(found.map(\.kind) == [.growthMoM, .growthMoM])
        #expect(found.map(\.value) == [0.42, -0.12])
    }
}
