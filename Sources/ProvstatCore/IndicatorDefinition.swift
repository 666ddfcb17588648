import Foundation

/// A named indicator a pipeline reports, and how facts are recognised as it.
public struct IndicatorDefinition: Codable, Hashable, Sendable {
    /// The stable identifier used in snapshots and diffs (`exports`).
    public var id: String
    /// The Vietnamese name as reports write it (`kim ngạch xuất khẩu`).
    public var name: String
    /// Other wordings of the name (`giá trị xuất khẩu`).
    public var synonyms: [String]
    /// The canonical unit a matching fact must have (`USD`, `VND`, `%`, `dự án`).
    public var unit: String
    /// The kind a matching fact must have.
    public var kind: FactKind
    /// The period a matching fact must cover, when it states one.
    public var period: Period.Span?
    /// Ids of the indicators that are the parts of this one (a breakdown sums to it).
    public var components: [String]
    /// Whether a month without this indicator is incomplete.
    public var required: Bool
    /// Plausible range of values; a value outside it fails a sanity check.
    public var range: ClosedRange<Decimal>?
    /// For a year-to-date indicator, the id of the indicator holding the month's own figure
    /// (so that month ≈ YTD(m) − YTD(m−1) can be checked).
    public var monthly: String?

    public init(
        id: String, name: String, synonyms: [String] = [], unit: String, kind: FactKind = .level,
        period: Period.Span? = nil, components: [String] = [], required: Bool = false,
        range: ClosedRange<Decimal>? = nil, monthly: String? = nil
    ) {
        self.id = id
        self.name = name
        self.synonyms = synonyms
        self.unit = unit
        self.kind = kind
        self.period = period
        self.components = components
        self.required = required
        self.range = range
        self.monthly = monthly
    }

    /// The name and its synonyms.
    public var names: [String] { [name] + synonyms }
}
