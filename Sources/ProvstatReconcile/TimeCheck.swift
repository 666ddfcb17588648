import Foundation
import ProvstatCore

/// Checks that tie a month to the months before it.
enum TimeCheck {
    /// A year-to-date figure never falls below the previous month's in the same year.
    static func ytdMonotonic(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard definition.period == .yearToDate, definition.kind == .level, input.month.month > 1 else { return nil }
        let id = "ytd-monotonic:\(definition.id)"
        guard let value = input.value(definition.id) else { return nil }
        guard let previous = input.previousMonth?[definition.id] else {
            return Comparison.skipped(id, [definition.id], .error, "no published value for \(input.month.previous)")
        }
        let tolerance = Tolerance.of(value) + Tolerance.of(previous)
        let ok = value.value + tolerance >= previous.value
        return CheckResult(
            id: id, indicators: [definition.id], severity: .error, status: ok ? .pass : .fail, observed: value.value,
            expected: previous.value, tolerance: tolerance,
            message: ok
                ? "year-to-date \(definition.id) did not fall since \(input.month.previous)"
                : "year-to-date \(definition.id) fell from \(previous.value) in \(input.month.previous) to "
                    + "\(value.value); a year-to-date total cannot shrink: one of the two months is misread or revised",
            provenance: [previous.provenance, value.provenance])
    }

    /// The month's own figure ≈ YTD(m) − YTD(m−1).
    static func monthlyDifference(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard definition.period == .yearToDate, let monthlyID = definition.monthly else { return nil }
        let id = "monthly-vs-ytd:\(monthlyID)"
        guard let ytd = input.value(definition.id), let monthly = input.value(monthlyID) else { return nil }
        if input.month.month == 1 {
            return Comparison(
                id: id, indicators: [monthlyID, definition.id], severity: .warning, observed: monthly.value,
                expected: ytd.value, tolerance: Tolerance.of(ytd) + Tolerance.of(monthly),
                provenance: [monthly.provenance, ytd.provenance]
            ).result(
                pass: "in January the month equals the year to date",
                fail: "in January \(monthlyID) should equal year-to-date \(definition.id)")
        }
        guard let previous = input.previousMonth?[definition.id] else {
            return Comparison.skipped(
                id, [monthlyID, definition.id], .warning, "no published value for \(input.month.previous)")
        }
        let expected = ytd.value - previous.value
        return Comparison(
            id: id, indicators: [monthlyID, definition.id], severity: .warning, observed: monthly.value,
            expected: expected, tolerance: Tolerance.of(ytd) + Tolerance.of(previous) + Tolerance.of(monthly),
            provenance: [monthly.provenance, ytd.provenance, previous.provenance]
        ).result(
            pass: "\(monthlyID) agrees with the change in year-to-date \(definition.id)",
            fail: "\(monthlyID) differs from year-to-date \(definition.id) minus last month's; "
                + "one of them was revised or misread")
    }

    /// A reported year-on-year growth against this month and the same month of last year.
    static func yearOnYear(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult? {
        guard definition.kind == .level, let reported = input.mapped.related[definition.id]?[.growthYoY] else {
            return nil
        }
        let id = "yoy:\(definition.id)"
        guard let value = input.value(definition.id) else { return nil }
        guard let base = input.lastYear?[definition.id], base.value != 0 else {
            return Comparison.skipped(
                id, [definition.id], .warning, "no published value for \(input.month.sameMonthLastYear)")
        }
        let computed = (value.value / base.value - 1) * 100
        let tolerance =
            Tolerance.of(reported)
            + Tolerance.ofPercentage(
                numerator: value.value, Tolerance.of(value), denominator: base.value, Tolerance.of(base))
        return Comparison(
            id: id, indicators: [definition.id], severity: .warning, observed: reported.value, expected: computed,
            tolerance: tolerance, provenance: [value.provenance, base.provenance, reported.provenance]
        ).result(
            pass: "reported growth agrees with \(input.month.sameMonthLastYear)'s snapshot",
            fail: "the report says \(reported.value)% year on year, but against \(input.month.sameMonthLastYear)'s "
                + "published \(base.value) the change is \(Comparison.format(computed))%; last year's figure may have been revised"
        )
    }
}
