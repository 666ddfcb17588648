import ArgumentParser
import Foundation
import ProvstatSnapshot

/// `provstat show REF`: one snapshot, readably.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one snapshot readably (or its JSON).",
        discussion: """
            REF is a snapshot file, PIPELINE/YYYY-MM@vN or PIPELINE/YYYY-MM[@latest]. Exit status: 66 unknown \
            reference, 65 unreadable or truncated snapshot, 78 snapshot from a newer provstat.
            """)

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Flag(name: .long, help: "Print the stored JSON bytes.")
    var json = false

    @Argument(help: "The snapshot to show.")
    var reference: String

    func run() throws {
        let stored: StoredSnapshot
        do {
            stored = try SnapshotStore(root: OutputRoot.resolve(output)).resolve(SnapshotReference.parse(reference))
        } catch {
            printError("provstat: \(error)")
            throw ExitStatus.forSnapshot(error)
        }
        if json {
            FileHandle.standardOutput.write(try Data(contentsOf: stored.url))
        } else {
            print("\(stored.label)  (\(stored.url.path))")
            print(stored.snapshot.text)
        }
    }
}
