import Foundation

/// An indicator's value for one month, with the fact it was read from.
public struct IndicatorValue: Codable, Hashable, Sendable {
    /// The indicator's id.
    public var id: String
    /// The value in base units.
    public var value: Decimal
    /// The canonical unit.
    public var unit: String
    /// The kind of the fact it came from.
    public var kind: FactKind
    /// Whether the figure was hedged.
    public var estimate: Bool
    /// The period the figure covers, when stated.
    public var period: Period?
    /// Decimals printed in the source, for rounding tolerances.
    public var decimals: Int?
    /// The power of ten of the unit as printed (`triệu USD` 6), for rounding tolerances.
    public var scale: Int?
    /// Where the figure came from.
    public var provenance: Provenance
    /// Other facts that matched this indicator with a different value (reported, not chosen).
    public var alternatives: [Alternative]

    /// Another candidate fact for the same indicator.
    public struct Alternative: Codable, Hashable, Sendable {
        public var value: Decimal
        public var provenance: Provenance

        public init(value: Decimal, provenance: Provenance) {
            self.value = value
            self.provenance = provenance
        }
    }

    public init(
        id: String, value: Decimal, unit: String, kind: FactKind, estimate: Bool, period: Period? = nil,
        decimals: Int? = nil, scale: Int? = nil, provenance: Provenance, alternatives: [Alternative] = []
    ) {
        self.id = id
        self.value = value
        self.unit = unit
        self.kind = kind
        self.estimate = estimate
        self.period = period
        self.decimals = decimals
        self.scale = scale
        self.provenance = provenance
        self.alternatives = alternatives
    }
}
