import ArgumentParser
import Foundation
import ProvstatSnapshot
import ProvstatSupport

/// `provstat export`: indicator values as a long table.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write indicator values as a long CSV table (RFC 4180).",
        discussion: """
            Without REFs, exports the latest version of every pipeline and month under the output root. \
            Columns: \(CSVExport.columns.joined(separator: ", ")). Exit status: 66 unknown reference, \
            65 unreadable or truncated snapshot, 78 snapshot from a newer provstat, 73 --to not writable.
            """)

    /// The table formats `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Option(name: .long, help: "The table format.")
    var format: Format = .csv

    @Option(name: .long, help: "Write to this file (atomically) instead of standard output.")
    var to: String?

    @Argument(help: "Snapshots or output folders to export (default: every latest snapshot).")
    var references: [String] = []

    func run() throws {
        let store = SnapshotStore(root: OutputRoot.resolve(output))
        var snapshots: [StoredSnapshot] = []
        do {
            if references.isEmpty {
                snapshots = Array(try store.latestSnapshots().values)
            }
            for text in references {
                switch try SnapshotReference.parse(text) {
                case .root(let url): snapshots += try SnapshotStore(root: url).latestSnapshots().values
                case let reference: snapshots.append(try store.resolve(reference))
                }
            }
        } catch {
            printError("provstat: \(error)")
            throw ExitStatus.forSnapshot(error)
        }
        let table = Data(CSVExport.csv(snapshots).utf8)
        guard let to else { return FileHandle.standardOutput.write(table) }
        do { try AtomicFile.replace(table, at: URL(fileURLWithPath: to)) } catch {
            printError("provstat: \(error)")
            throw ExitStatus.cannotWrite
        }
    }
}
