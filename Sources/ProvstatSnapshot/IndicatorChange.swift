import Foundation

/// One indicator that was added, removed or changed between two snapshots.
public struct IndicatorChange: Hashable, Sendable, Encodable {
    /// What happened to the indicator.
    public enum Kind: String, Hashable, Sendable, Encodable {
        case added, removed, changed
    }

    public var id: String
    public var kind: Kind
    public var old: Decimal?
    public var new: Decimal?
    /// new − old, when both exist and share a unit.
    public var change: Decimal?
    /// (new − old) / |old|, as a fraction rounded to 10 places; nil when old is 0 or missing.
    public var relativeChange: Decimal?
    public var oldUnit: String?
    public var newUnit: String?
    /// Which recorded fields differ (`value`, `unit`, `kind`, `estimate`), for `changed`.
    public var fields: [String]
    /// Why the value differs.
    public var cause: ChangeCause

    public init(
        id: String, kind: Kind, old: Decimal?, new: Decimal?, oldUnit: String?, newUnit: String?,
        fields: [String] = [], cause: ChangeCause
    ) {
        self.id = id
        self.kind = kind
        self.old = old
        self.new = new
        self.oldUnit = oldUnit
        self.newUnit = newUnit
        self.fields = fields
        self.cause = cause
        if let old, let new, oldUnit == newUnit {
            change = new - old
            if old != 0 {
                var ratio = (new - old) / Swift.abs(old)
                var rounded = Decimal()
                NSDecimalRound(&rounded, &ratio, 10, .plain)
                relativeChange = rounded
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, old, new, change, fields, cause
        case relativeChange = "relative_change"
        case oldUnit = "old_unit"
        case newUnit = "new_unit"
    }
}
