import Foundation
import Logging
import ProvstatFetch

/// How a run fetches, beyond the pipeline's own settings: chosen on the command line.
public struct FetchOptions: Sendable {
    /// Replay every page from the raw store; never touch the network.
    public var offline: Bool
    /// Fetch pages that robots.txt disallows (with the site operator's permission).
    public var ignoreRobots: Bool
    /// The raw store's folder; nil means `$PROVSTAT_CACHE`, else `<output>/.raw`.
    public var cacheDirectory: URL?
    /// What the months of one run share (listing pages read, robots.txt, politeness); nil: each
    /// month reads its own.
    public var run: RunScope?
    /// When the whole run must stop fetching; set by `PipelineRun` from the definition's
    /// `run_deadline` (or `--deadline`).
    public var runDeadline: RunDeadline?

    public init(
        offline: Bool = false, ignoreRobots: Bool = false, cacheDirectory: URL? = nil, run: RunScope? = nil,
        runDeadline: RunDeadline? = nil
    ) {
        self.offline = offline
        self.ignoreRobots = ignoreRobots
        self.cacheDirectory = cacheDirectory
        self.run = run
        self.runDeadline = runDeadline
    }

    /// The raw store's folder for a run writing under `outputRoot`.
    public func storeRoot(outputRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let cacheDirectory { return cacheDirectory }
        if let path = environment["PROVSTAT_CACHE"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return RawStore.defaultRoot(output: outputRoot)
    }

    /// The fetch session for one run of `definition`.
    /// Within a `RunScope`, it continues the run's session: one robots.txt per host per run.
    func session(
        for definition: PipelineDefinition, outputRoot: URL, userAgent: String,
        logger: Logger = Logger(label: "provstat.fetch", factory: { _ in SwiftLogNoOpLogHandler() })
    ) -> FetchSession {
        let make = {
            var configuration = Self.configuration(
                definition.fetch, userAgent: userAgent, obeyRobots: definition.fetch.obeyRobots && !ignoreRobots,
                store: RawStore(root: storeRoot(outputRoot: outputRoot)), offline: offline)
            configuration.runDeadline = runDeadline
            return FetchSession(configuration: configuration, logger: logger)
        }
        guard let run else { return make() }
        return run.session(for: definition.name, make: make).continued()
    }

    /// The listing pages shared by the run, or a fresh index when nothing is shared.
    var listings: ListingIndex { run?.listings ?? ListingIndex() }

    /// The client, politeness and retry configuration that `settings` describe.
    static func configuration(
        _ settings: FetchSettings, userAgent: String, obeyRobots: Bool, store: RawStore?, offline: Bool
    ) -> FetchSession.Configuration {
        .init(
            client: .init(
                userAgent: userAgent, connectTimeout: settings.connectTimeout, totalTimeout: settings.totalTimeout,
                maxRedirects: 5, maxBodyBytes: settings.maxBodyBytes),
            limits: .init(
                perHost: settings.perHostConcurrency, minimumDelay: settings.perHostDelay,
                global: settings.globalConcurrency),
            retry: .init(
                attempts: settings.attempts, baseDelay: settings.backoff, maxDelay: settings.maxBackoff,
                retryAfterCap: settings.retryAfterCap),
            obeyRobots: obeyRobots, store: store, offline: offline, crawlDelayCap: settings.crawlDelayCap)
    }
}
