import Foundation
import ProvstatCore

/// Runs the reconciliation checks over one month's indicator values.
public struct Reconciler: Sendable {
    public let definitions: [IndicatorDefinition]

    public init(definitions: [IndicatorDefinition]) {
        self.definitions = definitions
    }

    /// Every check, in a stable order (by definition, then by check id).
    public func check(_ values: [String: IndicatorValue]) -> [CheckResult] {
        definitions.flatMap { definition -> [CheckResult] in
            var results: [CheckResult] = []
            if !definition.components.isEmpty {
                results.append(BreakdownCheck.run(total: definition, values: values))
            }
            return results
        }
    }
}
