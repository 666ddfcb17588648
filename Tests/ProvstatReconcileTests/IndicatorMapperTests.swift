import Foundation
import ProvstatCore
import Testing

@testable import ProvstatReconcile

@Suite("Indicator mapping")
struct IndicatorMapperTests {
    static func fact(_ value: Decimal, _ unit: String, subject: String, kind: FactKind = .level, period: Period? = nil)
        -> SourcedFact
    {
        SourcedFact(
            fact: Fact(
                value: value, unit: unit, kind: kind, estimate: false, raw: "\(value)", subject: subject,
                sentence: subject, start: 0, end: 1, period: period),
            url: "file:///r.html", fetchedAt: "2023-11-03T08:00:00Z", sha256: "ab")
    }

    static let definitions = [
        IndicatorDefinition(id: "exports", name: "kim ngạch xuất khẩu", synonyms: ["xuất khẩu"], unit: "USD"),
        IndicatorDefinition(id: "seafood", name: "xuất khẩu thủy sản", unit: "USD"),
    ]

    @Test func theMostSpecificNameWins() {
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([
            Self.fact(1_500_000_000, "USD", subject: "Kim ngạch xuất khẩu"),
            Self.fact(925_000_000, "USD", subject: "xuất khẩu thủy sản"),
        ])
        #expect(mapped.values["exports"]?.value == 1_500_000_000)
        #expect(mapped.values["seafood"]?.value == 925_000_000)
        #expect(mapped.values["exports"]?.alternatives.isEmpty == true)
    }

    @Test func unitKindAndPeriodMustAgree() {
        let definitions = [IndicatorDefinition(id: "exports", name: "xuất khẩu", unit: "USD", period: .yearToDate)]
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(5, "VND", subject: "xuất khẩu"),
            Self.fact(6, "USD", subject: "xuất khẩu", period: Period(span: .month, number: 10)),
            Self.fact(7, "USD", subject: "xuất khẩu", period: Period(span: .yearToDate, number: 10)),
        ])
        #expect(mapped.values["exports"]?.value == 7)
    }

    @Test func namesMatchWhicheverTonePlacementAndAspectWordsThePageWrites() {
        let definitions = [
            IndicatorDefinition(id: "seafood", name: "sản lượng thủy sản", unit: "t"),
            IndicatorDefinition(id: "harvested", name: "diện tích lúa thu hoạch", unit: "ha"),
            IndicatorDefinition(id: "jobs", name: "lao động được giải quyết việc làm", unit: "lao động"),
        ]
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(41_200, "t", subject: "Sản lượng thuỷ sản tháng 5"),
            Self.fact(28_400, "ha", subject: "Diện tích lúa đã thu hoạch"),
            Self.fact(2_310, "lao động", subject: "giải quyết việc làm cho lao động"),
        ])
        #expect(mapped.values["seafood"]?.value == 41_200)
        #expect(mapped.values["harvested"]?.value == 28_400)
        // Aspect words aside, other words still have to be there, in order.
        #expect(mapped.values["jobs"] == nil)
    }

    @Test func aTableRowUnderATotalIsNamedAfterIt() {
        let definitions = [
            IndicatorDefinition(id: "exports", name: "kim ngạch xuất khẩu", unit: "USD"),
            IndicatorDefinition(id: "seafood", name: "xuất khẩu thủy sản", unit: "USD"),
        ]
        var part = Self.fact(80_100_000, "USD", subject: "Thủy sản")
        part.fact.componentOf = 0
        var rice = Self.fact(40_200_000, "USD", subject: "Gạo")
        rice.fact.componentOf = 0
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(145_300_000, "USD", subject: "Kim ngạch xuất khẩu"), part, rice,
        ])
        #expect(mapped.values["seafood"]?.value == 80_100_000)
        // A part no indicator names is no alternative of its total.
        #expect(mapped.values["exports"]?.value == 145_300_000)
        #expect(mapped.values["exports"]?.alternatives.isEmpty == true)
    }

    @Test func aPlanColumnIsNoValue() {
        let definitions = [
            IndicatorDefinition(id: "exports_year", name: "kim ngạch xuất khẩu", unit: "USD", period: .year)
        ]
        var plan = Self.fact(1_700_000_000, "USD", subject: "Kim ngạch xuất khẩu", period: Period(span: .year))
        plan.fact.table = Fact.TableCell(table: 0, row: 1, column: 2, header: "Kế hoạch năm 2024")
        #expect(IndicatorMapper(definitions: definitions).mapAll([plan]).values["exports_year"] == nil)
        var done = plan
        done.fact.value = 1_650_000_000
        done.fact.table = Fact.TableCell(table: 0, row: 1, column: 3, header: "Thực hiện năm 2024")
        #expect(
            IndicatorMapper(definitions: definitions).mapAll([plan, done]).values["exports_year"]?.value
                == 1_650_000_000)
        #expect(IndicatorMapper.isPlanColumn("KH năm 2024"))
        #expect(IndicatorMapper.isPlanColumn("Dự toán năm"))
        #expect(!IndicatorMapper.isPlanColumn("% so KH"))
        #expect(!IndicatorMapper.isPlanColumn("So với kế hoạch (%)"))
        #expect(!IndicatorMapper.isPlanColumn("Ước thực hiện tháng 9"))
    }

    @Test func aFigureStrivenForOrForTheMonthsLeftIsNoValue() {
        let definitions = [
            IndicatorDefinition(id: "revenue", name: "thu ngân sách", unit: "VND", period: .yearToDate),
            IndicatorDefinition(id: "projects", name: "dự án", unit: "dự án"),
        ]
        let striven = SourcedFact(
            fact: Fact(
                value: 5_800_000_000_000, unit: "VND", kind: .level, estimate: false, raw: "5.800 tỷ đồng",
                subject: "thu ngân sách", sentence: "Tỉnh phấn đấu thu ngân sách cả năm đạt 5.800 tỷ đồng.",
                start: 40, end: 53, period: Period(span: .yearToDate, number: 6)),
            url: "file:///r.html", fetchedAt: "2023-11-03T08:00:00Z", sha256: "ab")
        let left = Self.fact(20, "dự án", subject: "thu hút dự án", period: Period(span: .restOfYear, number: 6))
        let measured = Self.fact(
            4_100_000_000_000, "VND", subject: "thu ngân sách", period: Period(span: .yearToDate, number: 6))
        let mapped = IndicatorMapper(definitions: definitions).mapAll([striven, left, measured])
        #expect(mapped.values["revenue"]?.value == 4_100_000_000_000)
        #expect(mapped.values["revenue"]?.alternatives.isEmpty == true)
        #expect(mapped.values["projects"] == nil)
    }

    @Test func aPartOfATotalIsNeverTheTotal() {
        // The part is named with its total's measure (*kim ngạch xuất khẩu thủy sản*), and the
        // total's name is the longer one found in it.
        let definitions = [
            IndicatorDefinition(id: "exports", name: "kim ngạch xuất khẩu", unit: "USD"),
            IndicatorDefinition(id: "seafood", name: "thủy sản", unit: "USD"),
        ]
        var part = Self.fact(80_000_000, "USD", subject: "kim ngạch xuất khẩu thủy sản")
        part.fact.componentOf = 0
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(120_000_000, "USD", subject: "Kim ngạch xuất khẩu tháng 6"), part,
        ])
        #expect(mapped.values["exports"]?.value == 120_000_000)
        #expect(mapped.values["exports"]?.alternatives.isEmpty == true)
        #expect(mapped.values["seafood"]?.value == 80_000_000)
    }

    @Test func anAcronymMapsToTheNameThePageDefinesItFor() {
        let definitions = [
            IndicatorDefinition(id: "cpi", name: "chỉ số giá tiêu dùng", unit: "%", kind: .growthMoM)
        ]
        var fact = Self.fact(0.4, "%", subject: "CPI tháng 10", kind: .growthMoM)
        fact.fact.sentence = "Chỉ số giá tiêu dùng (CPI) tháng 10 tăng 0,4% so với tháng trước."
        #expect(IndicatorMapper(definitions: definitions).map([fact])["cpi"]?.value == 0.4)
        // Without the page's definition, the acronym names nothing the pipeline knows.
        #expect(
            IndicatorMapper(definitions: definitions).map([Self.fact(0.4, "%", subject: "CPI", kind: .growthMoM)])
                .isEmpty)
    }

    @Test func aSecondValueIsKeptAsAnAlternative() {
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([
            Self.fact(1, "USD", subject: "kim ngạch xuất khẩu"),
            Self.fact(1, "USD", subject: "kim ngạch xuất khẩu"),
            Self.fact(2, "USD", subject: "kim ngạch xuất khẩu"),
        ])
        #expect(mapped.values["exports"]?.value == 1)
        #expect(mapped.values["exports"]?.alternatives.map(\.value) == [2])
    }

    @Test func percentagesAboutAnIndicatorAreRelatedFigures() {
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([
            Self.fact(1_500_000_000, "USD", subject: "kim ngạch xuất khẩu"),
            Self.fact(100, "%", subject: "kim ngạch xuất khẩu", kind: .planAttainment),
            Self.fact(12, "%", subject: "xuất khẩu thủy sản", kind: .growthYoY),
        ])
        #expect(mapped.related["exports"]?[.planAttainment]?.value == 100)
        #expect(mapped.related["seafood"]?[.growthYoY]?.value == 12)
        #expect(mapped.values.count == 1)
    }

    @Test func namesMatchWhateverTheUnicodeForm() {
        let decomposed = "kim ngạch xuất khẩu".decomposedStringWithCanonicalMapping
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([Self.fact(3, "USD", subject: decomposed)])
        #expect(mapped.values["exports"]?.value == 3)
    }

    @Test func theSameNameGoesToTheIndicatorOfTheFactsPeriod() {
        let definitions = [
            IndicatorDefinition(id: "exports_ytd", name: "kim ngạch xuất khẩu", unit: "USD", period: .yearToDate),
            IndicatorDefinition(id: "exports_month", name: "kim ngạch xuất khẩu", unit: "USD", period: .month),
        ]
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(
                132_500_000, "USD", subject: "Kim ngạch xuất khẩu tháng 10", period: Period(span: .month, number: 10)),
            Self.fact(
                1_245_600_000, "USD", subject: "kim ngạch xuất khẩu", period: Period(span: .yearToDate, number: 10)),
            Self.fact(
                8, "%", subject: "Kim ngạch xuất khẩu tháng 10", kind: .growthYoY,
                period: Period(span: .month, number: 10)),
        ])
        #expect(mapped.values["exports_month"]?.value == 132_500_000)
        #expect(mapped.values["exports_ytd"]?.value == 1_245_600_000)
        #expect(mapped.related["exports_month"]?[.growthYoY]?.value == 8)
        #expect(mapped.related["exports_ytd"] == nil)
    }

    @Test func aCountedNounIsNamedByTheWordsAfterIt() {
        let sentence = "Trong tháng, tỉnh cấp mới 3 dự án FDI với tổng vốn đăng ký 46,5 triệu USD."
        let start =
            sentence.unicodeScalars.count - "3 dự án FDI với tổng vốn đăng ký 46,5 triệu USD.".unicodeScalars.count
        let fact = SourcedFact(
            fact: Fact(
                value: 3, unit: "dự án", kind: .level, estimate: false, raw: "3 dự án", subject: "tỉnh cấp mới",
                sentence: sentence, start: start, end: start + 7),
            url: "file:///r.html", fetchedAt: "2023-11-03T08:00:00Z", sha256: "ab")
        let definitions = [IndicatorDefinition(id: "fdi_projects", name: "dự án FDI", unit: "dự án")]
        #expect(IndicatorMapper(definitions: definitions).mapAll([fact]).values["fdi_projects"]?.value == 3)
    }

    @Test func aPercentageGoesWithTheIndicatorOfTheAmountItIsAbout() {
        let definitions = [
            IndicatorDefinition(id: "retail_ytd", name: "tổng mức bán lẻ", unit: "VND", period: .yearToDate),
            IndicatorDefinition(id: "retail_month", name: "tổng mức bán lẻ", unit: "VND", period: .month),
        ]
        var growth = Self.fact(9.6, "%", subject: "doanh thu", kind: .growthYoY)
        growth.fact.about = 0
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(34_870, "VND", subject: "tổng mức bán lẻ 7 tháng", period: Period(span: .yearToDate, number: 7)),
            growth,
        ])
        #expect(mapped.values["retail_ytd"]?.value == 34_870)
        #expect(mapped.related["retail_ytd"]?[.growthYoY]?.value == 9.6)
        #expect(mapped.related["retail_month"] == nil)
    }

    @Test func aLevelAndAGrowthIndicatorOfOneNameEachGetTheirOwnFigure() {
        let definitions = [
            IndicatorDefinition(id: "iip_level", name: "chỉ số sản xuất công nghiệp", unit: "%", kind: .indexYoY),
            IndicatorDefinition(id: "iip_growth", name: "chỉ số sản xuất công nghiệp", unit: "%", kind: .growthYoY),
        ]
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(105.2, "%", subject: "chỉ số sản xuất công nghiệp", kind: .indexYoY),
            Self.fact(5.2, "%", subject: "chỉ số sản xuất công nghiệp", kind: .growthYoY),
        ])
        #expect(mapped.values["iip_level"]?.value == 105.2)
        #expect(mapped.values["iip_growth"]?.value == 5.2)
    }

    @Test func anotherMonthsFigureIsNotThisMonthsValue() throws {
        let definitions = [IndicatorDefinition(id: "revenue", name: "số thu", unit: "VND", period: .month)]
        let september = try #require(Month("2023-09"))
        let mapped = IndicatorMapper(definitions: definitions, month: september).mapAll([
            Self.fact(70, "VND", subject: "số thu", period: Period(span: .month, year: 2023, number: 10)),
            Self.fact(61, "VND", subject: "số thu", period: Period(span: .month, year: 2023, number: 9)),
        ])
        #expect(mapped.values["revenue"]?.value == 61)
        #expect(mapped.values["revenue"]?.alternatives.isEmpty == true)
    }

    @Test func aValueRestatedWithinItsPrintedPrecisionIsOneValue() {
        func printed(_ value: Decimal, _ raw: String, decimals: Int) -> SourcedFact {
            var sourced = Self.fact(value, "VND", subject: "thu ngân sách")
            sourced.fact.raw = raw
            sourced.fact.decimals = decimals
            sourced.fact.scale = 9
            return sourced
        }
        let definitions = [IndicatorDefinition(id: "budget", name: "thu ngân sách", unit: "VND")]
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            printed(6_736_500_000_000, "6.736,5 tỷ đồng", decimals: 1),
            printed(6_736_000_000_000, "6.736 tỷ đồng", decimals: 0),
            printed(6_376_500_000_000, "6.376,5 tỷ đồng", decimals: 1),
        ])
        #expect(mapped.values["budget"]?.value == 6_736_500_000_000)
        #expect(mapped.values["budget"]?.alternatives.map(\.value) == [6_376_500_000_000])
    }
}
