import ArgumentParser
import Foundation
import ProvstatPipeline
import ProvstatSnapshot

/// `provstat validate REF`: a written snapshot's checks re-run with today's definition.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Re-run the checks of a written snapshot with today's pipeline definition, fetching nothing.",
        discussion: """
            REF is a snapshot file, PIPELINE/YYYY-MM@vN or PIPELINE/YYYY-MM[@latest]. The snapshot's facts are \
            mapped to today's indicators and checked against today's targets and the months published before \
            it; nothing is written. Exit status: 0 no error-level check fails, 65 one does, 66 unknown \
            reference, 78 invalid definition.
            """)

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Option(name: .long, help: "The definition to check with (default: Pipelines/<the snapshot's pipeline>.yaml).")
    var pipeline: String?

    @Flag(name: .long, help: "List every check, not only the failed ones.")
    var verbose = false

    @Argument(help: "The snapshot to validate.")
    var reference: String

    func run() throws {
        let root = OutputRoot.resolve(output)
        let stored: StoredSnapshot
        do { stored = try SnapshotStore(root: root).resolve(SnapshotReference.parse(reference)) } catch {
            printError("provstat: \(error)")
            throw ExitStatus.forSnapshot(error)
        }
        let definition: PipelineDefinition
        do {
            // A given --pipeline may be a path; the snapshot's own name is only ever a name in Pipelines/.
            let loader = DefinitionLoader()
            definition =
                try pipeline.map { (path) throws(DefinitionError) in try loader.load(path) }
                ?? loader.load(named: stored.snapshot.pipeline)
        } catch {
            printError("provstat: \(error)")
            throw ExitStatus.configuration
        }
        let validation = SnapshotValidation(snapshot: stored.snapshot, definition: definition, outputRoot: root)
        print(
            "\(stored.label): was \(stored.snapshot.status.rawValue), with today's definition \(validation.status.rawValue)"
        )
        if definition.digest != stored.snapshot.definitionDigest {
            print("  (the definition changed since the snapshot was written)")
        }
        print(CheckReport(checks: validation.checks, verbose: verbose).lines.joined(separator: "\n"))
        if validation.status == .rejected { throw ExitStatus.dataRejected }
    }
}
