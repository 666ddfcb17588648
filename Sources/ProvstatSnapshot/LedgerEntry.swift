/// One line of a pipeline's run ledger (`runs.jsonl`).
///
/// A run appends a `start` line when it has the lock and an `end` line when it exits; a `start`
/// without an `end` is a run that was killed. A run turned away by the lock appends `refused`.
public struct LedgerEntry: Codable, Hashable, Sendable {
    /// Which moment of the run the line records.
    public enum Event: String, Codable, Sendable {
        case start, end, refused
    }

    public var event: Event
    public var runID: String
    public var pipeline: String
    public var month: String
    public var pid: Int32
    public var host: String
    public var provstatVersion: String
    /// ISO 8601, UTC.
    public var startedAt: String
    /// ISO 8601, UTC; on `end` lines.
    public var finishedAt: String?
    /// The snapshot's status; on `end` lines of runs that got that far.
    public var status: Snapshot.Status?
    /// The process exit code; on `end` lines.
    public var exitCode: Int32?
    /// Version files written (`v3.json`), empty when unchanged.
    public var written: [String]?
    /// The stored version the content equals, when nothing was written.
    public var unchanged: String?
    /// What went wrong, in the words printed to the operator.
    public var errors: [String]?

    public init(
        event: Event, runID: String, pipeline: String, month: String, pid: Int32, host: String,
        provstatVersion: String, startedAt: String, finishedAt: String? = nil, status: Snapshot.Status? = nil,
        exitCode: Int32? = nil, written: [String]? = nil, unchanged: String? = nil, errors: [String]? = nil
    ) {
        self.event = event
        self.runID = runID
        self.pipeline = pipeline
        self.month = month
        self.pid = pid
        self.host = host
        self.provstatVersion = provstatVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.exitCode = exitCode
        self.written = written
        self.unchanged = unchanged
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case event, pipeline, month, pid, host, status, written, unchanged, errors
        case runID = "run_id"
        case provstatVersion = "provstat_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case exitCode = "exit_code"
    }
}
