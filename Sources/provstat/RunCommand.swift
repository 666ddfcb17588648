import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatSnapshot

/// `provstat run`: one pipeline, one month, one snapshot.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Fetch, read and check one month of a pipeline, and write its snapshot.")

    @Option(name: .long, help: "A pipeline name in Pipelines/ (demo) or a path to a definition file.")
    var pipeline: String

    @Option(name: .long, help: "The month to process, YYYY-MM.", transform: MonthArgument.parse)
    var month: Month

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    func run() throws {
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader().load(pipeline) } catch {
            printError("provstat: \(error)")
            throw ExitStatus.configuration
        }
        let monthRun = MonthRun(definition: definition, month: month, outputRoot: OutputRoot.resolve(output))
        let session: SnapshotSession
        do { session = try monthRun.openSession() } catch {
            printError("provstat: \(error)")
            let status = ExitStatus.forSnapshot(error)
            if let error = error as? LockError {
                SnapshotSession.recordRefusal(
                    root: monthRun.outputRoot, pipeline: definition.name, month: month, exitCode: status.rawValue,
                    error: error)
            }
            throw status
        }
        let result: MonthRun.Result
        do { result = try monthRun.run(in: session) } catch {
            printError("provstat: \(error)")
            let status = ExitStatus.forSnapshot(error)
            try? session.finish(exitCode: status.rawValue, errors: ["\(error)"])
            throw status
        }
        print(RunSummary(snapshot: result.snapshot, path: result.path.path).text)
        print(PublicationNote(result.publication).text)
        let status: ExitCode
        switch result.snapshot.status {
        case .complete: status = ExitStatus.ok
        case .partial: status = ExitStatus.partial
        case .rejected: status = ExitStatus.dataRejected
        }
        do { try session.finish(exitCode: status.rawValue, publication: result.publication) } catch {
            printError("provstat: warning: \(error)")
        }
        if status != ExitStatus.ok { throw status }
    }
}

/// Parses `YYYY-MM` for `--month`.
enum MonthArgument {
    static func parse(_ text: String) throws -> Month {
        guard let month = Month(text) else {
            throw ValidationError("'\(text)' is not a month: use YYYY-MM, e.g. 2023-10")
        }
        return month
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
