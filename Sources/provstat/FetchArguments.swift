import ArgumentParser
import Foundation
import ProvstatPipeline

/// Where a command that fetches keeps its output and raw pages, and how it may fetch: the options
/// `run` and `discover` share.
struct FetchArguments: ParsableArguments {
    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Flag(name: .long, help: "Read pages from the raw store alone, without the network.")
    var offline = false

    @Flag(name: .long, help: "Fetch pages that robots.txt disallows (only with the site operator's permission).")
    var ignoreRobots = false

    @Option(name: .long, help: "The raw store of fetched pages (default: $PROVSTAT_CACHE or <output>/.raw).")
    var cache: String?

    /// The snapshot root these options name.
    var outputRoot: URL { OutputRoot.resolve(output) }

    /// The fetch options, sharing `scope` across the months of one run.
    func options(scope: RunScope) -> FetchOptions {
        FetchOptions(
            offline: offline, ignoreRobots: ignoreRobots,
            cacheDirectory: cache.map { URL(fileURLWithPath: $0, isDirectory: true) }, run: scope)
    }
}
