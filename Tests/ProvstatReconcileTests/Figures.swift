import Foundation
import ProvstatCore
import ProvstatReconcile

/// Builders for the figures the check tests feed in.
enum Figures {
    static let october = Month("2023-10")!

    /// An indicator value as if read from `raw` (the raw text sets the rounding tolerance).
    static func value(
        _ id: String, _ value: Decimal, _ unit: String = "USD", raw: String, kind: FactKind = .level,
        estimate: Bool = false, decimals: Int? = nil, scale: Int? = nil, alternatives: [Decimal] = []
    ) -> IndicatorValue {
        let provenance = Provenance(
            url: "file:///report.html", fetchedAt: "2023-11-03T08:00:00Z", sha256: "ab", sentence: "… \(raw) …",
            raw: raw)
        return IndicatorValue(
            id: id, value: value, unit: unit, kind: kind, estimate: estimate, decimals: decimals, scale: scale,
            provenance: provenance,
            alternatives: alternatives.map { .init(value: $0, provenance: provenance) })
    }

    static func definition(
        _ id: String, unit: String = "USD", kind: FactKind = .level, period: Period.Span? = nil,
        components: [String] = [], required: Bool = false, range: ClosedRange<Decimal>? = nil, monthly: String? = nil
    ) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, name: id, unit: unit, kind: kind, period: period, components: components, required: required,
            range: range, monthly: monthly)
    }

    static func input(
        _ definitions: [IndicatorDefinition], values: [IndicatorValue],
        related: [String: [FactKind: IndicatorValue]] = [:],
        targets: [PlanTarget] = [], month: Month = october, previous: [IndicatorValue]? = nil,
        lastYear: [IndicatorValue]? = nil, facts: [SourcedFact] = []
    ) -> ReconcileInput {
        func keyed(_ list: [IndicatorValue]?) -> [String: IndicatorValue]? {
            list.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.id, $0) }) }
        }
        return ReconcileInput(
            month: month, definitions: definitions, targets: targets,
            mapped: MappedIndicators(values: keyed(values)!, related: related), facts: facts,
            previousMonth: keyed(previous), lastYear: keyed(lastYear))
    }

    /// The one check with the given id.
    static func check(_ id: String, in input: ReconcileInput) -> CheckResult? {
        Reconciler().check(input).first { $0.id == id }
    }
}
