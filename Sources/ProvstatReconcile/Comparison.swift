import Foundation
import ProvstatCore

/// Builds the result of a check that compares an observed figure with an expected one.
struct Comparison {
    var id: String
    var indicators: [String]
    var severity: CheckResult.Severity
    var observed: Decimal
    var expected: Decimal
    var tolerance: Decimal
    var provenance: [Provenance]

    /// Passes when |observed − expected| ≤ tolerance; the messages say what was compared.
    func result(pass: String, fail: String) -> CheckResult {
        let difference = abs(observed - expected)
        let passed = difference <= tolerance
        let message =
            passed
            ? pass
            : "\(fail) (observed \(Self.format(observed)), expected \(Self.format(expected)), "
                + "off by \(Self.format(difference)), tolerance \(Self.format(tolerance)))"
        return CheckResult(
            id: id, indicators: indicators, severity: severity, status: passed ? .pass : .fail,
            observed: Self.round(observed),
            expected: Self.round(expected), tolerance: Self.round(tolerance), message: message, provenance: provenance)
    }

    /// A check that could not be evaluated, and why.
    static func skipped(_ id: String, _ indicators: [String], _ severity: CheckResult.Severity, _ why: String)
        -> CheckResult
    {
        CheckResult(id: id, indicators: indicators, severity: severity, status: .skipped, message: "skipped: \(why)")
    }

    /// Rounds a derived figure to 6 decimals so snapshots carry no division noise.
    static func round(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 6, .plain)
        return output
    }

    /// A figure for messages: whole units from 1000 up (no one reads the cents of a plan in
    /// dollars), else at most 4 decimals.
    static func format(_ value: Decimal) -> String {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, abs(value) >= 1000 ? 0 : 4, .plain)
        return "\(output)"
    }
}
