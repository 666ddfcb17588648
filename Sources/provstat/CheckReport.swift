import ProvstatCore
import ProvstatReconcile

/// The checks of a month as `run` and `validate` print them: failures (or every check), then
/// totals and the verdict.
struct CheckReport {
    let checks: [CheckResult]
    /// Whether passed and skipped checks are listed too.
    let verbose: Bool

    var lines: [String] {
        var lines: [String] = []
        let summary = CheckSummary(checks)
        let failedTotal = summary.failedErrors + summary.failedWarnings + summary.failedInfo
        lines.append(
            "  checks: \(checks.count) — \(summary.passed) passed, \(failedTotal) failed "
                + "(\(summary.failedErrors) error, \(summary.failedWarnings) warning, \(summary.failedInfo) info), "
                + "\(summary.skipped) skipped: \(summary.verdict)")
        for check in checks where verbose || check.status == .fail {
            let mark = check.status == .fail ? "FAIL" : check.status == .pass ? "pass" : "skip"
            lines.append("    \(mark) [\(check.severity.rawValue)] \(check.id): \(check.message)")
        }
        return lines
    }
}
