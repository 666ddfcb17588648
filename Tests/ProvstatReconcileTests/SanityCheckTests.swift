import Foundation
import ProvstatCore
import ProvstatReconcile
import Testing

@Suite("Sanity: one value, scale slips, ranges, required indicators, equivalents")
struct SanityCheckTests {
    @Test func twoValuesForOneIndicatorAreReported() throws {
        let definition = Figures.definition("exports")
        let single = Figures.input([definition], values: [Figures.value("exports", 5, raw: "5 USD")])
        #expect(Figures.check("single-value:exports", in: single)?.status == .pass)
        let double = Figures.input([definition], values: [Figures.value("exports", 5, raw: "5 USD", alternatives: [7])])
        let check = try #require(Figures.check("single-value:exports", in: double))
        #expect(check.status == .fail)
        #expect(check.provenance.count == 2)
    }

    @Test(arguments: [
        (Decimal(130_000_000), CheckResult.Status.pass),
        (Decimal(130_000_000_000), .fail),  // triệu read as tỷ
        (Decimal(130_000), .fail),  // triệu read as nghìn
    ])
    func aSlippedScaleWordIsCaught(value: Decimal, expected: CheckResult.Status) throws {
        let input = Figures.input(
            [Figures.definition("exports")], values: [Figures.value("exports", value, raw: "130 triệu USD")],
            previous: [Figures.value("exports", 128_100_000, raw: "128,1 triệu USD")])
        #expect(Figures.check("scale:exports", in: input)?.status == expected)
    }

    @Test(arguments: [(Decimal(0), CheckResult.Status.pass), (Decimal(200), .pass), (Decimal(201), .fail)])
    func plausibleRanges(value: Decimal, expected: CheckResult.Status) {
        let input = Figures.input(
            [Figures.definition("projects", unit: "dự án", range: 0...200)],
            values: [Figures.value("projects", value, "dự án", raw: "\(value) dự án")])
        #expect(Figures.check("range:projects", in: input)?.status == expected)
    }

    @Test func requiredIndicators() {
        let definition = Figures.definition("exports", required: true)
        #expect(Figures.check("required:exports", in: Figures.input([definition], values: []))?.status == .fail)
        let found = Figures.input([definition], values: [Figures.value("exports", 1, raw: "1 USD")])
        #expect(Figures.check("required:exports", in: found)?.status == .pass)
    }

    /// 23.429,4 tỷ đồng ≈ 1.028,84 triệu USD (the seed page) is 22.773 VND/USD.
    @Test(arguments: [
        (Decimal(1_028_840_000), CheckResult.Status.pass),
        (Decimal(1_028_840), .fail),
        (Decimal(23_429_400_000_000) / 22_000, .pass),  // exactly on the band's edge
    ])
    func equivalentsImplyAPlausibleRate(usd: Decimal, expected: CheckResult.Status) throws {
        func sourced(_ value: Decimal, _ unit: String, _ raw: String, equivalentOf: Int? = nil) -> SourcedFact {
            SourcedFact(
                fact: Fact(
                    value: value, unit: unit, kind: .level, estimate: false, raw: raw, subject: "tổng mức đầu tư",
                    sentence: "…", start: 0, end: 1, equivalentOf: equivalentOf),
                url: "file:///seed.html", fetchedAt: "2023-11-03T08:00:00Z", sha256: "ab")
        }
        var input = Figures.input(
            [], values: [],
            facts: [
                sourced(21, "dự án", "21 dự án"),
                sourced(23_429_400_000_000, "VND", "23.429,4 tỷ đồng"),
                sourced(usd, "USD", "1.028,84 triệu USD", equivalentOf: 1),
            ])
        input.settings.vndPerUSD = 22_000...26_000
        let check = try #require(Figures.check("equivalent:1", in: input))
        #expect(check.status == expected)
    }
}
