import Foundation
import ProvstatCore

/// The components of a breakdown (*trong đó …*) sum to their total, within rounding.
enum BreakdownCheck {
    static func run(total definition: IndicatorDefinition, values: [String: IndicatorValue]) -> CheckResult {
        let id = "breakdown:\(definition.id)"
        let indicators = [definition.id] + definition.components
        guard let total = values[definition.id] else {
            return CheckResult(
                id: id, indicators: indicators, severity: .error, status: .skipped,
                message: "skipped: the total \(definition.id) was not found this month")
        }
        let missing = definition.components.filter { values[$0] == nil }
        guard missing.isEmpty else {
            return CheckResult(
                id: id, indicators: indicators, severity: .error, status: .skipped,
                message: "skipped: components not found this month: \(missing.joined(separator: ", "))")
        }
        let parts = definition.components.compactMap { values[$0] }
        let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
        let tolerance = parts.reduce(Tolerance.of(total)) { $0 + Tolerance.of($1) }
        let difference = abs(sum - total.value)
        let passed = difference <= tolerance
        let message =
            passed
            ? "the \(parts.count) components of \(definition.id) sum to its total"
            : "the components of \(definition.id) sum to \(sum) but the total is \(total.value) "
                + "(off by \(difference), tolerance \(tolerance)); check the page for a missing or misread component"
        return CheckResult(
            id: id, indicators: indicators, severity: .error, status: passed ? .pass : .fail, observed: sum,
            expected: total.value, tolerance: tolerance, message: message,
            provenance: [total.provenance] + parts.map(\.provenance))
    }
}
