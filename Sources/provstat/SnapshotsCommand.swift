import ArgumentParser
import Foundation
import ProvstatSnapshot

/// `provstat snapshots`: the pipelines, months and versions under the output root.
struct SnapshotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots", abstract: "List stored snapshots: pipeline, month, version, status, latest.",
        discussion: "Exits 65 if a snapshot file cannot be read (it is listed with the problem), 0 otherwise.")

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Option(name: .long, help: "Only this pipeline.")
    var pipeline: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = SnapshotStore(root: OutputRoot.resolve(output))
        let entries = store.catalog(pipeline: pipeline)
        if json {
            FileHandle.standardOutput.write(try SnapshotCoding.encode(entries))
        } else if entries.isEmpty {
            print("no snapshots under \(store.root.path)" + (pipeline.map { " for \($0)" } ?? ""))
        } else {
            let rows = entries.map { entry in
                [
                    entry.pipeline, entry.month.description, "v\(entry.version)",
                    entry.status?.rawValue ?? "unreadable",
                    entry.isLatest ? "*" : "", entry.finishedAt ?? "",
                ]
            }
            print(TextTable(header: ["PIPELINE", "MONTH", "VERSION", "STATUS", "LATEST", "FINISHED"], rows: rows).text)
        }
        let problems = entries.compactMap(\.problem)
        for problem in Set(problems).sorted() { printError("provstat: \(problem)") }
        if !problems.isEmpty { throw ExitStatus.dataRejected }
    }
}
