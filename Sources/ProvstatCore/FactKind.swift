/// What a figure measures relative to (see `spec/facts.md`, "Kinds").
public enum FactKind: String, Codable, Sendable, CaseIterable {
    /// An amount or a count: *đạt 925 triệu USD*.
    case level
    /// A signed change against the same period of last year.
    case growthYoY = "growth_yoy"
    /// A signed change against the previous month.
    case growthMoM = "growth_mom"
    /// A signed change with no stated base, or another base.
    case growth
    /// This period as a % of the same period last year (*bằng 105,2%*).
    case indexYoY = "index_yoy"
    /// This month as a % of last month.
    case indexMoM = "index_mom"
    /// The share of the plan reached (*đạt 100% kế hoạch*).
    case planAttainment = "plan_attainment"
    /// The margin above plan (*vượt 28,6% dự toán*).
    case planExcess = "plan_excess"
    /// A share or a rate (*chiếm 63,42%*).
    case share
    /// A multiple (*gấp 3,16 lần*).
    case ratio
    /// A contribution in percentage points.
    case contributionPP = "contribution_pp"

    /// Whether the kind is a change against a base (so its sign matters).
    public var isGrowth: Bool {
        self == .growthYoY || self == .growthMoM || self == .growth
    }
}
