import ProvstatCore

/// A reconciliation check whose outcome differs between two snapshots.
public struct CheckChange: Hashable, Sendable, Encodable {
    public var id: String
    public var severity: CheckResult.Severity
    /// The old status, nil when the check did not run.
    public var old: CheckResult.Status?
    /// The new status, nil when the check no longer runs.
    public var new: CheckResult.Status?
    /// The new (else old) check's message.
    public var message: String

    public init(
        id: String, severity: CheckResult.Severity, old: CheckResult.Status?, new: CheckResult.Status?, message: String
    ) {
        self.id = id
        self.severity = severity
        self.old = old
        self.new = new
        self.message = message
    }
}
