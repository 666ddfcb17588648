import Foundation
import ProvstatPipeline
import Testing

@Suite("Prometheus textfile")
struct RunMetricsTests {
    static let start = Date(timeIntervalSince1970: 1_699_243_200)

    static func metrics(succeeded: Bool, exitCode: Int32) -> RunMetrics {
        var metrics = RunMetrics(
            pipeline: "demo", startedAt: start, finishedAt: start.addingTimeInterval(12.5), exitCode: exitCode,
            succeeded: succeeded)
        metrics.pagesFetched = 2
        metrics.facts = 31
        metrics.checksFailed["warning"] = 2
        return metrics
    }

    @Test func writesGaugesPerPipeline() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("provstat-demo.prom")
        try Self.metrics(succeeded: true, exitCode: 0).write(to: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("# TYPE provstat_last_run_duration_seconds gauge"))
        #expect(text.contains("provstat_last_run_duration_seconds{pipeline=\"demo\"} 12.5\n"))
        #expect(text.contains("provstat_last_success_timestamp_seconds{pipeline=\"demo\"} 1699243212.5\n"))
        #expect(text.contains("provstat_last_run_pages_fetched{pipeline=\"demo\"} 2\n"))
        #expect(text.contains("provstat_last_run_facts{pipeline=\"demo\"} 31\n"))
        #expect(text.contains("provstat_last_run_checks_failed{pipeline=\"demo\",severity=\"warning\"} 2\n"))
        #expect(text.contains("provstat_last_run_checks_failed{pipeline=\"demo\",severity=\"error\"} 0\n"))
        // No temporary file is left next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["provstat-demo.prom"])
    }

    @Test func aFailedRunKeepsTheLastSuccessTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("provstat-demo.prom")
        try Self.metrics(succeeded: true, exitCode: 0).write(to: file)
        var failed = Self.metrics(succeeded: false, exitCode: 69)
        failed.finishedAt = Self.start.addingTimeInterval(86_400)
        try failed.write(to: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("provstat_last_success_timestamp_seconds{pipeline=\"demo\"} 1699243212.5\n"))
        #expect(text.contains("provstat_last_run_exit_code{pipeline=\"demo\"} 69\n"))
        #expect(text.contains("provstat_last_run_timestamp_seconds{pipeline=\"demo\"} 1699329600\n"))
    }

    @Test func aPipelineThatNeverSucceededHasNoSuccessTime() {
        let text = Self.metrics(succeeded: false, exitCode: 75).text(previousSuccess: nil)
        #expect(!text.contains("last_success"))
    }
}
