import ProvstatCore

/// Totals over a month's checks, and the verdict they add up to.
public struct CheckSummary: Codable, Hashable, Sendable {
    public var evaluated: Int
    public var passed: Int
    public var skipped: Int
    /// Failed checks by severity.
    public var failedErrors: Int
    public var failedWarnings: Int
    public var failedInfo: Int

    public init(_ checks: [CheckResult]) {
        let failed = checks.filter { $0.status == .fail }
        evaluated = checks.filter { $0.status != .skipped }.count
        passed = checks.filter { $0.status == .pass }.count
        skipped = checks.count - evaluated
        failedErrors = failed.filter { $0.severity == .error }.count
        failedWarnings = failed.filter { $0.severity == .warning }.count
        failedInfo = failed.filter { $0.severity == .info }.count
    }

    /// `rejected` when an error-level check failed, `warnings` when only lesser ones did, else `pass`.
    public var verdict: String {
        if failedErrors > 0 { return "rejected" }
        if failedWarnings > 0 { return "pass with warnings" }
        return "pass"
    }

    enum CodingKeys: String, CodingKey {
        case evaluated, passed, skipped
        case failedErrors = "failed_errors"
        case failedWarnings = "failed_warnings"
        case failedInfo = "failed_info"
    }
}
