import Foundation
import ProvstatCore
import ProvstatReconcile
import Testing

@Suite("Breakdown: components sum to their total")
struct BreakdownCheckTests {
    /// The seed page: 925 + 450 + 120 + 1 + 4 = khoảng 1.500 triệu USD.
    static let parts = ["seafood", "rice", "garment", "farm", "other"]
    static let definitions =
        [Figures.definition("exports", components: parts)] + parts.map { Figures.definition($0) }

    static func seed(rice: Decimal = 450_000_000) -> [IndicatorValue] {
        [
            Figures.value("exports", 1_500_000_000, raw: "khoảng 1.500 triệu USD", estimate: true),
            Figures.value("seafood", 925_000_000, raw: "925 triệu USD"),
            Figures.value("rice", rice, raw: "450 triệu USD"),
            Figures.value("garment", 120_000_000, raw: "120 triệu USD"),
            Figures.value("farm", 1_000_000, raw: "1 triệu USD"),
            Figures.value("other", 4_000_000, raw: "4 triệu USD"),
        ]
    }

    @Test func theSeedPagesExportsAddUp() throws {
        let check = try #require(
            Figures.check("breakdown:exports", in: Figures.input(Self.definitions, values: Self.seed())))
        #expect(check.status == .pass)
        #expect(check.observed == 1_500_000_000)
        #expect(check.severity == .error)
        #expect(check.provenance.count == 6)
    }

    @Test func aChangedComponentFails() throws {
        let input = Figures.input(Self.definitions, values: Self.seed(rice: 460_000_000))
        let check = try #require(Figures.check("breakdown:exports", in: input))
        #expect(check.status == .fail)
        #expect(check.observed == 1_510_000_000)
        #expect(check.message.contains("do not sum"))
    }

    /// `1,2 tỷ` stands for 1,15…1,25 tỷ: with two parts of one decimal each, the sum may be off by
    /// 0,05 × 3 tỷ and no more.
    @Test(arguments: [(Decimal(1_350_000_000), CheckResult.Status.pass), (Decimal(1_350_000_001), .fail)])
    func toleranceComesFromPrintedPrecision(sum: Decimal, expected: CheckResult.Status) throws {
        let definitions =
            [Figures.definition("total", unit: "VND", components: ["a", "b"])]
            + ["a", "b"].map { Figures.definition($0, unit: "VND") }
        let values = [
            Figures.value("total", 1_200_000_000, "VND", raw: "1,2 tỷ đồng"),
            Figures.value("a", 600_000_000, "VND", raw: "0,6 tỷ đồng"),
            Figures.value("b", sum - 600_000_000, "VND", raw: "0,8 tỷ đồng"),
        ]
        let check = try #require(Figures.check("breakdown:total", in: Figures.input(definitions, values: values)))
        #expect(check.tolerance == 150_000_000)
        #expect(check.status == expected)
    }

    /// Table cells carry no scale word: `0,1` in a *Triệu USD* column stands for 0,05…0,15 triệu USD,
    /// so a total row rounded on its own still adds up.
    @Test func aTableCellsToleranceIsInTheUnitItIsPrintedIn() throws {
        let definitions =
            [Figures.definition("total", components: ["a", "b"])] + ["a", "b"].map { Figures.definition($0) }
        let values = [
            Figures.value("total", 12_400_000, raw: "12,4", decimals: 1, scale: 6),
            Figures.value("a", 12_200_000, raw: "12,2", decimals: 1, scale: 6),
            Figures.value("b", 100_000, raw: "0,1", decimals: 1, scale: 6),
        ]
        let check = try #require(Figures.check("breakdown:total", in: Figures.input(definitions, values: values)))
        #expect(check.tolerance == 150_000)
        #expect(check.status == .pass)
    }

    @Test func hedgedTotalsGetMoreRoom() throws {
        let definitions = [Figures.definition("total", components: ["a"]), Figures.definition("a")]
        let exact = [
            Figures.value("total", 100_000_000, raw: "100 triệu USD"),
            Figures.value("a", 102_000_000, raw: "102 triệu USD"),
        ]
        var hedged = exact
        hedged[0] = Figures.value("total", 100_000_000, raw: "khoảng 100 triệu USD", estimate: true)
        #expect(Figures.check("breakdown:total", in: Figures.input(definitions, values: exact))?.status == .fail)
        #expect(Figures.check("breakdown:total", in: Figures.input(definitions, values: hedged))?.status == .pass)
    }

    @Test func aMissingComponentSkipsWithTheReason() throws {
        let values = Array(Self.seed().dropLast())
        let check = try #require(
            Figures.check("breakdown:exports", in: Figures.input(Self.definitions, values: values)))
        #expect(check.status == .skipped)
        #expect(check.message.contains("other"))
    }
}
