import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatReport
import ProvstatSnapshot

/// `provstat bench report`: the report's build time on a generated history, against reading the
/// same snapshots alone.
struct BenchReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Time the report site for a generated history (default 10 years × 30 indicators).",
        discussion: """
            Writes a made-up pipeline's snapshots into a temporary folder (YTD indicators with plan \
            progress checks, some months rejected or partial, some values missing, one month with two \
            versions), then times: (a) reading every snapshot, the floor; (b) building the site from \
            scratch, every page written atomically; (c) building it again, nothing changed.
            """)

    @Option(name: .long, help: "Years of monthly snapshots.")
    var years = 10

    @Option(name: .long, help: "Indicators per snapshot.")
    var indicators = 30

    @Option(name: .long, help: "Keep the generated snapshots and site in this folder instead of a temporary one.")
    var keep: String?

    func validate() throws {
        if years < 1 || years > 50 { throw ValidationError("--years must be between 1 and 50") }
        if indicators < 1 || indicators > 500 { throw ValidationError("--indicators must be between 1 and 500") }
    }

    func run() throws {
        let root =
            keep.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "provstat-bench-report-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
        let store = SnapshotStore(root: root)
        let history = SyntheticHistory(years: years, indicators: indicators)
        for snapshot in history.snapshots() { _ = try store.publish(snapshot) }

        let months = store.months(pipeline: SyntheticHistory.pipeline)
        let read = try time {
            for month in months {
                for version in store.versions(pipeline: SyntheticHistory.pipeline, month: month) {
                    _ = try store.read(pipeline: SyntheticHistory.pipeline, month: month, version: version)
                }
            }
        }
        let builder = ReportBuilder(store: store, layout: .inOutput(root))
        var first: ReportBuilder.Result?
        let cold = try time { first = try builder.build() }
        var second: ReportBuilder.Result?
        let warm = try time { second = try builder.build() }
        print("history: \(months.count) months × \(indicators) indicators, \(first?.files.count ?? 0) pages")
        print(String(format: "(a) read the snapshots alone:       %.3f s", read))
        print(String(format: "(b) build the site, %4d written:    %.3f s", first?.written.count ?? 0, cold))
        print(String(format: "(c) build again, %4d written:       %.3f s", second?.written.count ?? 0, warm))
        if let keep { print("site: \(keep)/\(SyntheticHistory.pipeline)/report/index.html") }
    }

    /// Seconds taken by `body`, on a monotonic clock.
    private func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
