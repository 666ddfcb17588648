import Foundation
import ProvstatCore
import ProvstatReconcile
import Testing

@Suite("Months before: year to date, month vs YTD, year on year")
struct TimeCheckTests {
    static let ytd = Figures.definition("exports", period: .yearToDate, monthly: "exports_month")
    static let month = Figures.definition("exports_month", period: .month)

    @Test(arguments: [
        (Decimal(1_245_600_000), CheckResult.Status.pass),
        // 1.113,1 printed to 0,1 triệu on both sides: a fall of 0,1 triệu is still rounding.
        (Decimal(1_113_000_000), .pass),
        (Decimal(1_112_900_000), .fail),
    ])
    func yearToDateNeverFalls(current: Decimal, expected: CheckResult.Status) throws {
        let input = Figures.input(
            [Self.ytd], values: [Figures.value("exports", current, raw: "1.245,6 triệu USD")],
            previous: [Figures.value("exports", 1_113_100_000, raw: "1.113,1 triệu USD")])
        let check = try #require(Figures.check("ytd-monotonic:exports", in: input))
        #expect(check.status == expected)
        #expect(check.severity == .error)
    }

    @Test func withoutLastMonthsSnapshotItSaysSo() throws {
        let input = Figures.input([Self.ytd], values: [Figures.value("exports", 1, raw: "1 USD")])
        let check = try #require(Figures.check("ytd-monotonic:exports", in: input))
        #expect(check.status == .skipped)
        #expect(check.message.contains("2023-09"))
    }

    @Test(arguments: [
        (Decimal(132_500_000), CheckResult.Status.pass),
        // Three figures printed to 0,1 triệu: 3 × 0,05 triệu of rounding, and no more.
        (Decimal(132_650_000), .pass),
        (Decimal(132_650_001), .fail),
        (Decimal(135_000_000), .fail),
    ])
    func theMonthIsTheChangeInYearToDate(monthly: Decimal, expected: CheckResult.Status) throws {
        let input = Figures.input(
            [Self.ytd, Self.month],
            values: [
                Figures.value("exports", 1_245_600_000, raw: "1.245,6 triệu USD"),
                Figures.value("exports_month", monthly, raw: "132,5 triệu USD"),
            ],
            previous: [Figures.value("exports", 1_113_100_000, raw: "1.113,1 triệu USD")])
        let check = try #require(Figures.check("monthly-vs-ytd:exports_month", in: input))
        #expect(check.status == expected)
    }

    @Test(arguments: [(Decimal(string: "8.2")!, CheckResult.Status.pass), (Decimal(string: "12.5")!, .fail)])
    func reportedGrowthAgainstLastYearsSnapshot(reported: Decimal, expected: CheckResult.Status) throws {
        // 1.245,6 against 1.151,2 a year earlier is +8,2%.
        let input = Figures.input(
            [Self.ytd], values: [Figures.value("exports", 1_245_600_000, raw: "1.245,6 triệu USD")],
            related: ["exports": [.growthYoY: Figures.value("exports", reported, "%", raw: "8,2%", kind: .growthYoY)]],
            lastYear: [Figures.value("exports", 1_151_200_000, raw: "1.151,2 triệu USD")])
        let check = try #require(Figures.check("yoy:exports", in: input))
        #expect(check.status == expected)
    }
}
