import ArgumentParser

/// `provstat bench`: throughput figures measured in one run against a baseline.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the fetch and extract stages against their baselines.",
        subcommands: [BenchFetchCommand.self, BenchExtractCommand.self, BenchReportCommand.self])
}
