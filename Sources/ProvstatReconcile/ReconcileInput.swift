import Foundation
import ProvstatCore

/// Everything the checks of one month look at.
public struct ReconcileInput: Sendable {
    /// The month being checked.
    public var month: Month
    /// The pipeline's indicators.
    public var definitions: [IndicatorDefinition]
    /// The pipeline's plan targets (all years; the month's year is used).
    public var targets: [PlanTarget]
    /// This month's indicators and the figures reported about them.
    public var mapped: MappedIndicators
    /// Every fact of the month with its page (for equivalents).
    public var facts: [SourcedFact]
    /// The previous month's published indicator values, when a snapshot exists.
    public var previousMonth: [String: IndicatorValue]?
    /// The same month of last year's published values, when a snapshot exists.
    public var lastYear: [String: IndicatorValue]?
    public var settings: ReconcileSettings

    public init(
        month: Month, definitions: [IndicatorDefinition], targets: [PlanTarget] = [], mapped: MappedIndicators,
        facts: [SourcedFact] = [], previousMonth: [String: IndicatorValue]? = nil,
        lastYear: [String: IndicatorValue]? = nil, settings: ReconcileSettings = ReconcileSettings()
    ) {
        self.month = month
        self.definitions = definitions
        self.targets = targets
        self.mapped = mapped
        self.facts = facts
        self.previousMonth = previousMonth
        self.lastYear = lastYear
        self.settings = settings
    }

    /// This month's value of an indicator.
    func value(_ id: String) -> IndicatorValue? { mapped.values[id] }

    /// The plan target of an indicator for the month's year.
    func target(_ id: String, kind: FactKind = .level) -> PlanTarget? {
        targets.first {
            $0.indicator == id && $0.year == month.year && ($0.kind == kind || (kind.isGrowth && $0.kind.isGrowth))
        }
    }
}
