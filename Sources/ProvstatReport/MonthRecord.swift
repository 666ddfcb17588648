import ProvstatCore
import ProvstatSnapshot

/// One month of a pipeline as the report shows it: the snapshot chosen for it and every version.
public struct MonthRecord: Sendable {
    public var month: Month
    /// The version shown: the one `latest` names, else (every version rejected) the newest.
    public var shown: StoredSnapshot
    /// Every version that could be read, ascending.
    public var versions: [StoredSnapshot]
    /// The version `latest` names, if any.
    public var latest: Int?
    /// Versions that could not be read, with why.
    public var problems: [String]

    public init(month: Month, shown: StoredSnapshot, versions: [StoredSnapshot], latest: Int?, problems: [String]) {
        self.month = month
        self.shown = shown
        self.versions = versions
        self.latest = latest
        self.problems = problems
    }

    /// The shown snapshot's status.
    public var status: Snapshot.Status { shown.snapshot.status }
}
