import ProvstatCore

/// A month's facts read as indicators: each indicator's value, and the figures reported about it.
public struct MappedIndicators: Sendable {
    /// The value of every indicator some fact matched, by id.
    public var values: [String: IndicatorValue]
    /// Figures of other kinds stated about an indicator (its reported plan attainment, plan
    /// excess, year-on-year growth …), by indicator id and kind.
    public var related: [String: [FactKind: IndicatorValue]]

    public init(values: [String: IndicatorValue], related: [String: [FactKind: IndicatorValue]] = [:]) {
        self.values = values
        self.related = related
    }
}
