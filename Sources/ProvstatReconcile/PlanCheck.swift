import Foundation
import ProvstatCore

/// Checks an indicator against the plan the province set for the year.
enum PlanCheck {
    /// `đạt x% kế hoạch` as reported, against value ÷ configured target. The message also gives
    /// the plan the reported attainment implies, so a stale target in the definition shows.
    static func attainment(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard let reported = input.mapped.related[definition.id]?[.planAttainment] else { return nil }
        let id = "plan:\(definition.id)"
        guard let value = input.value(definition.id) else {
            return Comparison.skipped(id, [definition.id], .warning, "the report gives an attainment but no value")
        }
        guard let target = input.target(definition.id) else {
            return Comparison.skipped(id, [definition.id], .warning, "no \(input.month.year) target in the definition")
        }
        guard target.value != 0 else { return Comparison.skipped(id, [definition.id], .warning, "the target is zero") }
        let computed = value.value / target.value * 100
        let tolerance = percentOfPlanTolerance(reported: reported, value: value, target: target)
        let implied = reported.value == 0 ? Decimal(0) : value.value / reported.value * 100
        return Comparison(
            id: id, indicators: [definition.id], severity: .warning, observed: reported.value, expected: computed,
            tolerance: tolerance, provenance: [value.provenance, reported.provenance]
        ).result(
            pass: "reported \(reported.value)% of plan agrees with \(definition.id) ÷ the \(input.month.year) target",
            fail: "the report says \(reported.value)% of plan, but \(definition.id) ÷ the configured target is "
                + "\(Comparison.format(computed))%; the report implies a plan of \(Comparison.format(implied)) "
                + "\(value.unit), the definition has \(target.value): check the target or the figure")
    }

    /// `vượt x% kế hoạch` as reported, against value ÷ target − 1.
    static func excess(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard let reported = input.mapped.related[definition.id]?[.planExcess] else { return nil }
        let id = "plan-excess:\(definition.id)"
        guard let value = input.value(definition.id), let target = input.target(definition.id), target.value != 0 else {
            return Comparison.skipped(id, [definition.id], .warning, "needs both the value and a configured target")
        }
        let computed = (value.value / target.value - 1) * 100
        let tolerance = percentOfPlanTolerance(reported: reported, value: value, target: target)
        return Comparison(
            id: id, indicators: [definition.id], severity: .warning, observed: reported.value, expected: computed,
            tolerance: tolerance, provenance: [value.provenance, reported.provenance]
        ).result(
            pass: "reported excess over plan agrees with \(definition.id) and the target",
            fail: "the report says \(reported.value)% above plan, but \(definition.id) and the target give "
                + "\(Comparison.format(computed))%")
    }

    /// A year-to-date figure against the share of the year's target due by this month.
    static func progress(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard definition.period == .yearToDate, definition.kind == .level, let target = input.target(definition.id),
            target.value != 0
        else { return nil }
        let id = "progress:\(definition.id)"
        guard let value = input.value(definition.id) else {
            return Comparison.skipped(id, [definition.id], .info, "\(definition.id) was not found this month")
        }
        let due = dueShare(target, month: input.month.month)
        let reached = value.value / target.value * 100
        let lag = due - reached
        let behind = lag > input.settings.progressSlack
        let message =
            behind
            ? "\(definition.id) has reached \(Comparison.format(reached))% of the year's target, "
                + "\(Comparison.format(lag)) points behind the \(Comparison.format(due))% due by month \(input.month.month)"
            : "\(definition.id) has reached \(Comparison.format(reached))% of the year's target "
                + "(\(Comparison.format(due))% due by month \(input.month.month))"
        return CheckResult(
            id: id, indicators: [definition.id], severity: .info, status: behind ? .fail : .pass,
            observed: Comparison.round(reached), expected: Comparison.round(due),
            tolerance: input.settings.progressSlack,
            message: message, provenance: [value.provenance])
    }

    /// A growth target (`tăng 6,5%`) against the reported year-on-year growth.
    static func growthTarget(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard let target = input.target(definition.id, kind: .growthYoY), target.kind.isGrowth else { return nil }
        let id = "growth-target:\(definition.id)"
        let reported =
            definition.kind.isGrowth ? input.value(definition.id) : input.mapped.related[definition.id]?[.growthYoY]
        guard let reported else {
            return Comparison.skipped(id, [definition.id], .info, "no year-on-year growth reported this month")
        }
        let met = reported.value >= target.value
        return CheckResult(
            id: id, indicators: [definition.id], severity: .info, status: met ? .pass : .fail,
            observed: reported.value, expected: target.value, tolerance: 0,
            message: met
                ? "growth of \(reported.value)% meets the \(target.value)% target"
                : "growth of \(reported.value)% is below the \(target.value)% target for \(input.month.year)",
            provenance: [reported.provenance])
    }

    /// How far a reported % of plan may stand from value ÷ target: the reported figure's own
    /// rounding plus the value's, carried through the division (the target is exact).
    static func percentOfPlanTolerance(reported: IndicatorValue, value: IndicatorValue, target: PlanTarget) -> Decimal {
        Tolerance.of(reported)
            + Tolerance.ofPercentage(numerator: value.value, Tolerance.of(value), denominator: target.value, 0)
    }

    /// The cumulative % of the year's target due by the end of `month`: the phasing when
    /// configured (latest phased month at or before it), else linear.
    static func dueShare(_ target: PlanTarget, month: Int) -> Decimal {
        if let phasing = target.phasing, !phasing.isEmpty {
            let known = phasing.keys.filter { $0 <= month }.max()
            return known.map { phasing[$0]! } ?? 0
        }
        return Decimal(month) / 12 * 100
    }
}
