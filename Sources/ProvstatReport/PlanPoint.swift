import Foundation
import ProvstatCore

/// A year-to-date indicator's plan at one month: the year's target and the part of it due by
/// the month's end (the phasing, or linear), as the month's `progress:` check recorded them.
public struct PlanPoint: Hashable, Sendable {
    public var month: Month
    /// The year's target, in the indicator's unit.
    public var target: Decimal
    /// The amount due by the end of the month, in the indicator's unit.
    public var due: Decimal
    /// The share of the target due, in % (`70` for 70 %).
    public var dueShare: Decimal

    public init(month: Month, target: Decimal, due: Decimal, dueShare: Decimal) {
        self.month = month
        self.target = target
        self.due = due
        self.dueShare = dueShare
    }
}
