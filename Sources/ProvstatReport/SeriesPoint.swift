import Foundation
import ProvstatCore
import ProvstatSnapshot

/// One month's value of an indicator, from the snapshot shown for that month.
public struct SeriesPoint: Hashable, Sendable {
    public var month: Month
    public var value: Decimal
    /// The status of the snapshot the value comes from: rejected and partial months are marked.
    public var status: Snapshot.Status
    /// Whether the report hedged the figure (*ước*).
    public var estimate: Bool

    public init(month: Month, value: Decimal, status: Snapshot.Status, estimate: Bool = false) {
        self.month = month
        self.value = value
        self.status = status
        self.estimate = estimate
    }
}
