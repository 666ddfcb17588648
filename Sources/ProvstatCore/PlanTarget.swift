import Foundation

/// A target the province set for one indicator and one year.
public struct PlanTarget: Codable, Hashable, Sendable {
    /// The indicator the target is for.
    public var indicator: String
    /// The plan year.
    public var year: Int
    /// The target amount in base units (or the growth target in %).
    public var value: Decimal
    /// The canonical unit of `value`.
    public var unit: String
    /// Whether the target is an amount or a growth rate.
    public var kind: FactKind
    /// Cumulative % of the year's target due by the end of each month (1...12), when phased.
    public var phasing: [Int: Decimal]?

    public init(
        indicator: String, year: Int, value: Decimal, unit: String, kind: FactKind = .level,
        phasing: [Int: Decimal]? = nil
    ) {
        self.indicator = indicator
        self.year = year
        self.value = value
        self.unit = unit
        self.kind = kind
        self.phasing = phasing
    }
}
