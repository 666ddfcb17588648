import ArgumentParser
import Foundation
import ProvstatReport
import ProvstatSnapshot

/// `provstat report`: the static site of charts, checks and changes, built from the snapshots.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the static report site (charts, checks, changes) from the snapshots alone.",
        discussion: """
            Without --to, each pipeline's site goes to <output>/<pipeline>/report/ and the page listing \
            the pipelines to <output>/index.html; with --to DIR, the whole site goes to DIR (DIR/index.html, \
            DIR/<pipeline>/). Pages need no script and load nothing from the network. Nothing is fetched. \
            Exit status: 66 unknown pipeline, 73 the site cannot be written.
            """)

    @Option(name: .long, help: "A pipeline to report (repeatable; default: every pipeline under the output root).")
    var pipeline: [String] = []

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Option(name: .long, help: "Write the whole site to this folder instead of under the output root.")
    var to: String?

    @Option(name: .long, help: "How many of the newest months the index's charts show.")
    var months = 36

    func validate() throws {
        if months < 1 || months > 1200 { throw ValidationError("--months must be between 1 and 1200") }
    }

    func run() throws {
        let root = OutputRoot.resolve(output)
        let layout = to.map { ReportLayout.site(URL(fileURLWithPath: $0, isDirectory: true)) } ?? .inOutput(root)
        let builder = ReportBuilder(store: SnapshotStore(root: root), layout: layout, recentMonths: months)
        let started = Date()
        let result: ReportBuilder.Result
        do { result = try builder.build(pipelines: pipeline) } catch {
            printError("provstat: \(error)")
            throw ExitStatus.forSnapshot(error)
        }
        let seconds = Date().timeIntervalSince(started)
        for (name, index) in result.indexes.sorted(by: { $0.key < $1.key }) { print("\(name): \(index.path)") }
        print(
            "report: \(result.top.path) (\(result.files.count) pages, \(result.written.count) written, "
                + String(format: "%.3f s)", seconds))
    }

    /// Refreshes one pipeline's report after `run --report`; a failure is told, not fatal to the run.
    static func refresh(root: URL, pipeline: String, quiet: Bool) {
        do {
            let result = try ReportBuilder(store: SnapshotStore(root: root), layout: .inOutput(root))
                .build(pipelines: [pipeline])
            if !quiet, let index = result.indexes[pipeline] { print("report: \(index.path)") }
        } catch {
            printError("provstat: the report could not be built: \(error)")
        }
    }
}
