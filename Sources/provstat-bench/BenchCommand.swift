import ArgumentParser
import ProvstatCore

/// `provstat-bench`: throughput figures measured in one run against a baseline.
///
/// A separate executable so that the shipped `provstat` links neither swift-nio (the loopback
/// server) nor the benchmark-only fetch engines; `provstat bench …` runs this binary.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provstat-bench",
        abstract: "Measure the fetch, extract and report stages against their baselines.",
        version: ProvstatVersion.current,
        subcommands: [BenchFetchCommand.self, BenchExtractCommand.self, BenchReportCommand.self])
}
