import Foundation
import ProvstatCore
import ProvstatSnapshot
import TestSupport
import Testing

/// `provstat run` as a supervisor sees it: the exit code of every way a run can end.
@Suite("Exit codes, month selection, logs and metrics of provstat run")
struct ExitCodeTests {
    let provstat: ChildProvstat
    let work: URL

    init() throws {
        provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        work = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Pipelines/demo.yaml").path

    func demo(_ month: String, _ extra: [String] = []) throws -> ChildProvstat.Outcome {
        try provstat.run(["run", "--pipeline", Self.demo, "--month", month, "--output", "out"] + extra, in: work)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let file = work.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func aCompleteMonthExitsZero() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try demo("2023-10")
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("written: v1 (latest)"))
    }

    @Test func aRejectedMonthExits65AndIsNotPublished() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try demo("2023-11")
        #expect(outcome.status == 65, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("FAIL [error] breakdown:exports_ytd"))
        let store = SnapshotStore(root: work.appendingPathComponent("out"))
        #expect(store.versions(pipeline: "demo", month: Month("2023-11")!) == [1])
        #expect(try store.latestVersion(pipeline: "demo", month: Month("2023-11")!) == nil)
    }

    @Test func aMonthWithNothingToReadExits69AndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try demo("2023-12")
        #expect(outcome.status == 69, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("nothing published"))
        #expect(
            SnapshotStore(root: work.appendingPathComponent("out")).versions(pipeline: "demo", month: Month("2023-12")!)
                .isEmpty)
    }

    @Test func aPartialMonthExits3() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try write("page.html", "<html><body><p>Kim ngạch xuất khẩu đạt 925 triệu USD.</p></body></html>")
        let definition = try write(
            "partial.yaml",
            """
            pipeline: partial
            sources:
              - id: present
                url: page.html
              - id: absent
                url: missing-{year}-{month2}.html
            """)
        let outcome = try provstat.run(
            ["run", "--pipeline", definition, "--month", "2023-10", "--output", "out"], in: work)
        #expect(outcome.status == 3, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("absent: failed"))
    }

    @Test func aNetworkThatIsDownExits75() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        // Port 1 on loopback refuses connections: what a run sees when the network is down.
        let definition = try write(
            "down.yaml",
            """
            pipeline: down
            sources:
              - id: report
                url: http://127.0.0.1:1/report-{year}-{month2}.html
            fetch:
              attempts: 1
              robots: false
            """)
        let outcome = try provstat.run(
            ["run", "--pipeline", definition, "--month", "2023-10", "--output", "out"], in: work)
        #expect(outcome.status == 75, "\(outcome.stdout)\n\(outcome.stderr)")
    }

    @Test func anInvalidDefinitionExits78NamingFileAndLine() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let definition = try write("broken.yaml", "pipeline: broken\nsources:\n  - id: report\n    xpath: //div\n")
        let outcome = try provstat.run(
            ["run", "--pipeline", definition, "--month", "2023-10", "--output", "out"], in: work)
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains("broken.yaml:3: sources[0].url: required key is missing"))
        let check = try provstat.run(["pipelines", "check", definition], in: work)
        #expect(check.status == 78)
        #expect(check.stdout.contains("broken.yaml:3"))
    }

    @Test func aMalformedMonthIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try demo("2023-1")
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("YYYY-MM"))
    }

    @Test func aRangeRunsEveryMonthAndExitsWithTheWorst() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let metrics = work.appendingPathComponent("demo.prom")
        let outcome = try provstat.run(
            [
                "run", "--pipeline", Self.demo, "--from", "2023-08", "--to", "2023-11", "--output", "out",
                "--metrics-file", metrics.path,
            ], in: work)
        #expect(outcome.status == 65, "\(outcome.stdout)\n\(outcome.stderr)")
        let store = SnapshotStore(root: work.appendingPathComponent("out"))
        #expect(store.months(pipeline: "demo").map(\.description) == ["2023-08", "2023-09", "2023-10", "2023-11"])
        let text = try String(contentsOf: metrics, encoding: .utf8)
        #expect(text.contains("provstat_last_run_months{pipeline=\"demo\"} 4\n"))
        #expect(text.contains("provstat_last_run_exit_code{pipeline=\"demo\"} 65\n"))
        #expect(text.contains("provstat_last_run_checks_failed{pipeline=\"demo\",severity=\"error\"} 1\n"))
        #expect(!text.contains("last_success"))
    }

    @Test func aDryRunListsMonthsAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try demo("2023-10")
        let outcome = try provstat.run(
            [
                "run", "--pipeline", Self.demo, "--from", "2023-09", "--to", "2023-11", "--reprocess", "missing",
                "--output", "out", "--dry-run",
            ], in: work)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "2023-09  no snapshot yet\n2023-11  no snapshot yet\n")
        #expect(
            SnapshotStore(root: work.appendingPathComponent("out")).months(pipeline: "demo").map(\.description) == [
                "2023-10"
            ])
    }

    @Test func underSystemdLogLinesCarryPriorities() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try provstat.run(
            ["run", "--pipeline", Self.demo, "--month", "2023-12", "--output", "out", "--quiet"], in: work,
            environment: ["JOURNAL_STREAM": "8:1234"])
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("<3>no source could be read"))
        #expect(!outcome.stderr.contains("<6>"))
    }

    @Test func reprocessStaleFindsAMonthWhosePageChanged() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        // A copy of the demo, so that one of its pages can be revised.
        let pipelines = URL(fileURLWithPath: Self.demo).deletingLastPathComponent()
        try FileManager.default.copyItem(
            at: pipelines.appendingPathComponent("demo"), to: work.appendingPathComponent("demo"))
        try FileManager.default.copyItem(
            at: pipelines.appendingPathComponent("demo.yaml"), to: work.appendingPathComponent("demo.yaml"))
        let definition = work.appendingPathComponent("demo.yaml").path
        let arguments = ["run", "--pipeline", definition, "--from", "2023-10", "--to", "2023-10", "--output", "out"]
        #expect(try provstat.run(arguments, in: work).status == 0)

        let unchanged = try provstat.run(arguments + ["--reprocess", "stale", "--dry-run"], in: work)
        #expect(unchanged.stdout == "nothing to run\n", "\(unchanged.stderr)")

        let page = work.appendingPathComponent("demo/reports/ktxh-thang-10-2023.html")
        let revised = try String(contentsOf: page, encoding: .utf8)
            .replacingOccurrences(of: "46,5 triệu USD", with: "46,8 triệu USD")
        try revised.write(to: page, atomically: true, encoding: .utf8)
        let stale = try provstat.run(arguments + ["--reprocess", "stale", "--dry-run"], in: work)
        #expect(stale.stdout == "2023-10  source pages changed since: monthly-report\n", "\(stale.stderr)")
    }
}
