import ProvstatCore

/// One stored version, as `provstat snapshots` lists it.
public struct CatalogEntry: Hashable, Sendable, Encodable {
    public var pipeline: String
    public var month: Month
    public var version: Int
    /// The snapshot's status; nil when the file cannot be read (see `problem`).
    public var status: Snapshot.Status?
    /// When the run that wrote it finished.
    public var finishedAt: String?
    /// Whether the month's `latest` names it.
    public var isLatest: Bool
    /// Why the file could not be read.
    public var problem: String?

    public init(
        pipeline: String, month: Month, version: Int, status: Snapshot.Status?, finishedAt: String?, isLatest: Bool,
        problem: String?
    ) {
        self.pipeline = pipeline
        self.month = month
        self.version = version
        self.status = status
        self.finishedAt = finishedAt
        self.isLatest = isLatest
        self.problem = problem
    }

    enum CodingKeys: String, CodingKey {
        case pipeline, month, version, status, problem
        case finishedAt = "finished_at"
        case isLatest = "latest"
    }
}
