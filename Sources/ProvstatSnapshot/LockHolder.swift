/// Who holds a pipeline lock, as written into the lock file for the next run's message.
public struct LockHolder: Codable, Hashable, Sendable {
    public var pid: Int32
    public var host: String
    /// ISO 8601, UTC.
    public var startedAt: String
    public var runID: String

    public init(pid: Int32, host: String, startedAt: String, runID: String) {
        self.pid = pid
        self.host = host
        self.startedAt = startedAt
        self.runID = runID
    }

    enum CodingKeys: String, CodingKey {
        case pid, host
        case startedAt = "started_at"
        case runID = "run_id"
    }
}
