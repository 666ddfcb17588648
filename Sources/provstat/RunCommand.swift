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

    @Option(name: .long, help: "The snapshot root (default: $PROVSTAT_OUTPUT or Output/).")
    var output: String?

    @Flag(name: .long, help: "Re-run the month from the raw store alone, without the network.")
    var offline = false

    @Flag(name: .long, help: "Fetch pages that robots.txt disallows (only with the site operator's permission).")
    var ignoreRobots = false

    @Option(name: .long, help: "The raw store of fetched pages (default: $PROVSTAT_CACHE or <output>/.raw).")
    var cache: String?

    func run() throws {
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader().load(pipeline) } catch {
            printError("provstat: \(error)")
            throw ExitStatus.configuration
        }
        let root = URL(fileURLWithPath: output ?? ProcessInfo.processInfo.environment["PROVSTAT_OUTPUT"] ?? "Output")
        let result: MonthRun.Result
        let fetchOptions = FetchOptions(
            offline: offline, ignoreRobots: ignoreRobots,
            cacheDirectory: cache.map { URL(fileURLWithPath: $0, isDirectory: true) })
        do {
            let run = MonthRun(definition: definition, month: month, outputRoot: root, fetchOptions: fetchOptions)
            result = try run.run()
        } catch {
            printError("provstat: cannot write the snapshot: \(error.localizedDescription)")
            throw ExitStatus.cannotWrite
        }
        print(RunSummary(snapshot: result.snapshot, path: result.path.path, fetch: result.fetchStatistics).text)
        switch result.snapshot.status {
        case .complete: return
        case .partial: throw ExitStatus.partial
        case .rejected: throw ExitStatus.dataRejected
        }
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
