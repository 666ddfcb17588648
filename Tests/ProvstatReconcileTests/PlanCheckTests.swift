import Foundation
import ProvstatCore
import ProvstatReconcile
import Testing

@Suite("Plan: attainment, excess, progress, growth targets")
struct PlanCheckTests {
    static let exports = Figures.definition("exports", period: .yearToDate)
    static let target = PlanTarget(indicator: "exports", year: 2023, value: 1_500_000_000, unit: "USD")

    static func input(
        value: Decimal, raw: String = "1.500 triệu USD", attainment: Decimal? = nil, excess: Decimal? = nil,
        month: Month = Figures.october, target: PlanTarget = target
    ) -> ReconcileInput {
        var related: [FactKind: IndicatorValue] = [:]
        if let attainment {
            related[.planAttainment] = Figures.value(
                "exports", attainment, "%", raw: "\(attainment)%", kind: .planAttainment)
        }
        if let excess {
            related[.planExcess] = Figures.value("exports", excess, "%", raw: "\(excess)%", kind: .planExcess)
        }
        return Figures.input(
            [exports], values: [Figures.value("exports", value, raw: raw)], related: ["exports": related],
            targets: [target], month: month)
    }

    @Test func theSeedPagesHundredPercentOfPlanPasses() throws {
        let check = try #require(Figures.check("plan:exports", in: Self.input(value: 1_500_000_000, attainment: 100)))
        #expect(check.status == .pass)
        #expect(check.expected == 100)
    }

    @Test func aWrongAttainmentFailsAndNamesTheImpliedPlan() throws {
        let check = try #require(
            Figures.check(
                "plan:exports", in: Self.input(value: 1_370_200_000, raw: "1.370,2 triệu USD", attainment: 95)))
        #expect(check.status == .fail)
        #expect(check.message.contains("implies a plan of"))
    }

    /// 1.245,6 triệu ÷ 1.500 triệu = 83,04%: printed as 83,0% it is within half a unit of the
    /// last digit (0,05) plus the value's own rounding; 83,2% is not.
    @Test(arguments: [(Decimal(string: "83.0")!, CheckResult.Status.pass), (Decimal(string: "83.2")!, .fail)])
    func attainmentToleranceFollowsThePrintedDigits(reported: Decimal, expected: CheckResult.Status) throws {
        var input = Self.input(value: 1_245_600_000, raw: "1.245,6 triệu USD")
        input.mapped.related["exports"] = [
            .planAttainment: Figures.value("exports", reported, "%", raw: "83,0%", kind: .planAttainment, decimals: 1)
        ]
        #expect(Figures.check("plan:exports", in: input)?.status == expected)
    }

    @Test func noTargetForTheYearSkips() throws {
        let other = PlanTarget(indicator: "exports", year: 2022, value: 1, unit: "USD")
        let check = try #require(
            Figures.check("plan:exports", in: Self.input(value: 1, attainment: 100, target: other)))
        #expect(check.status == .skipped)
    }

    @Test(arguments: [(Decimal(string: "28.6")!, CheckResult.Status.pass), (Decimal(20), .fail)])
    func excessOverPlan(reported: Decimal, expected: CheckResult.Status) throws {
        // 1.929 triệu is 28,6% above a 1.500 triệu plan.
        let check = try #require(
            Figures.check(
                "plan-excess:exports", in: Self.input(value: 1_929_000_000, raw: "1.929 triệu USD", excess: reported)))
        #expect(check.status == expected)
    }

    @Test func progressIsLinearWithoutPhasing() throws {
        // October: 10/12 of the year is due; 1.245,6 of 1.500 is 83,04%: on track.
        let onTrack = try #require(Figures.check("progress:exports", in: Self.input(value: 1_245_600_000)))
        #expect(onTrack.status == .pass)
        let behind = try #require(Figures.check("progress:exports", in: Self.input(value: 900_000_000)))
        #expect(behind.status == .fail)
        #expect(behind.severity == .info)
    }

    @Test func progressFollowsThePhasing() throws {
        let phased = PlanTarget(
            indicator: "exports", year: 2023, value: 1_500_000_000, unit: "USD", phasing: [9: 60, 12: 100])
        // 900 of 1.500 is 60%: exactly what the phasing asks by September (and October).
        let check = try #require(Figures.check("progress:exports", in: Self.input(value: 900_000_000, target: phased)))
        #expect(check.status == .pass)
        #expect(check.expected == 60)
    }

    @Test func growthTargets() throws {
        let gdp = Figures.definition("grdp", unit: "%", kind: .growthYoY)
        let target = PlanTarget(
            indicator: "grdp", year: 2023, value: Decimal(string: "6.5")!, unit: "%", kind: .growthYoY)
        for (reported, status) in [
            (Decimal(string: "6.8")!, CheckResult.Status.pass), (Decimal(string: "5.77")!, .fail),
        ] {
            let input = Figures.input(
                [gdp], values: [Figures.value("grdp", reported, "%", raw: "\(reported)%", kind: .growthYoY)],
                targets: [target])
            #expect(Figures.check("growth-target:grdp", in: input)?.status == status)
        }
    }
}
