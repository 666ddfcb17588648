/// Totals over a month's checks, and the verdict they add up to.
public struct CheckSummary: Codable, Hashable, Sendable {
    public var evaluated: Int
    public var passed: Int
    public var skipped: Int
    /// Failed checks by severity.
    public var failedErrors: Int
    public var failedWarnings: Int
    public var failedInfo: Int
    /// `rejected` when an error-level check failed, `pass with warnings` when only a warning did,
    /// else `pass` (failed info checks are news, not problems).
    public var verdict: String

    public init(_ checks: [CheckResult]) {
        let failed = checks.filter { $0.status == .fail }
        evaluated = checks.filter { $0.status != .skipped }.count
        passed = checks.filter { $0.status == .pass }.count
        skipped = checks.count - evaluated
        failedErrors = failed.filter { $0.severity == .error }.count
        failedWarnings = failed.filter { $0.severity == .warning }.count
        failedInfo = failed.filter { $0.severity == .info }.count
        verdict = failedErrors > 0 ? "rejected" : failedWarnings > 0 ? "pass with warnings" : "pass"
    }

    enum CodingKeys: String, CodingKey {
        case evaluated, passed, skipped, verdict
        case failedErrors = "failed_errors"
        case failedWarnings = "failed_warnings"
        case failedInfo = "failed_info"
    }
}
