import ProvstatCore
import ProvstatSnapshot

/// Two consecutive versions of one month and what `provstat diff` says about them.
public struct VersionChange: Sendable {
    public var month: Month
    public var oldVersion: Int
    public var newVersion: Int
    public var diff: MonthDiff

    public init(month: Month, oldVersion: Int, newVersion: Int, diff: MonthDiff) {
        self.month = month
        self.oldVersion = oldVersion
        self.newVersion = newVersion
        self.diff = diff
    }

    /// The page's file name: `2023-10-v1-v2.html`.
    public var fileName: String { "\(month)-v\(oldVersion)-v\(newVersion).html" }
}
