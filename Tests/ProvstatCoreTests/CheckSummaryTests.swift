import ProvstatCore
import Testing

@Suite("Check totals and verdict")
struct CheckSummaryTests {
    static func check(_ status: CheckResult.Status, _ severity: CheckResult.Severity) -> CheckResult {
        CheckResult(id: "c", indicators: [], severity: severity, status: status, message: "")
    }

    @Test func countsByStatusAndSeverity() {
        let summary = CheckSummary([
            Self.check(.pass, .error), Self.check(.fail, .warning), Self.check(.fail, .info),
            Self.check(.skipped, .error), Self.check(.pass, .warning),
        ])
        #expect(summary.evaluated == 4)
        #expect(summary.passed == 2)
        #expect(summary.skipped == 1)
        #expect(summary.failedErrors == 0)
        #expect(summary.failedWarnings == 1)
        #expect(summary.failedInfo == 1)
        #expect(summary.verdict == "pass with warnings")
    }

    @Test(arguments: [
        ([check(.fail, .error), check(.fail, .warning)], "rejected"),
        ([check(.fail, .info)], "pass"),
        ([], "pass"),
    ])
    func verdicts(checks: [CheckResult], verdict: String) {
        #expect(CheckSummary(checks).verdict == verdict)
    }
}
