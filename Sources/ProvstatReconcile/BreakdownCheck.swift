import Foundation
import ProvstatCore

/// The components of a breakdown (*trong đó …*) sum to their total, within rounding.
enum BreakdownCheck {
    static func run(_ definition: IndicatorDefinition, _ input: ReconcileInput) -> CheckResult {
        let id = "breakdown:\(definition.id)"
        let indicators = [definition.id] + definition.components
        guard let total = input.value(definition.id) else {
            return Comparison.skipped(id, indicators, .error, "the total \(definition.id) was not found this month")
        }
        let missing = definition.components.filter { input.value($0) == nil }
        guard missing.isEmpty else {
            return Comparison.skipped(
                id, indicators, .error, "components not found this month: \(missing.joined(separator: ", "))")
        }
        let parts = definition.components.compactMap { input.value($0) }
        let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
        let tolerance = parts.reduce(Tolerance.of(total)) { $0 + Tolerance.of($1) }
        return Comparison(
            id: id, indicators: indicators, severity: .error, observed: sum, expected: total.value,
            tolerance: tolerance,
            provenance: [total.provenance] + parts.map(\.provenance)
        ).result(
            pass: "the \(parts.count) components of \(definition.id) sum to its total",
            fail: "the components of \(definition.id) do not sum to its total; look for a misread or missing component")
    }
}
