import Foundation
import ProvstatCore

/// Runs every reconciliation check of one month and sums them up.
public struct Reconciler: Sendable {
    public init() {}

    /// Every applicable check, in a stable order: per indicator in definition order, then equivalents.
    public func check(_ input: ReconcileInput) -> [CheckResult] {
        let perIndicator: [(IndicatorDefinition, ReconcileInput) -> CheckResult?] = [
            SanityCheck.required, SanityCheck.singleValue, SanityCheck.range, SanityCheck.scaleSlip,
            { $0.components.isEmpty ? nil : BreakdownCheck.run($0, $1) },
            PlanCheck.attainment, PlanCheck.excess, PlanCheck.progress, PlanCheck.growthTarget,
            TimeCheck.ytdMonotonic, TimeCheck.monthlyDifference, TimeCheck.yearOnYear,
        ]
        var results: [CheckResult] = []
        for definition in input.definitions {
            for check in perIndicator {
                if let result = check(definition, input) { results.append(result) }
            }
        }
        return results + EquivalenceCheck.run(input)
    }
}
