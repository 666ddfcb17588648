import Foundation
import Logging

/// Everything the fetch workers of one run share: settings, the politeness coordinator, robots
/// rules, the raw store and the statistics. Each worker makes its own `PageFetcher` from it.
///
/// Threads: immutable or internally locked; safe to share between workers.
public final class FetchSession: Sendable {
    /// How a run fetches.
    public struct Configuration: Sendable {
        /// Per-request transfer settings (timeouts, redirects, cap, User-Agent).
        public var client: CurlEasyHandle.Options
        /// Politeness limits.
        public var limits: HostCoordinator.Limits
        /// Retry rules.
        public var retry: RetryPolicy
        /// Whether robots.txt is obeyed.
        public var obeyRobots: Bool
        /// The product token looked up in robots.txt.
        public var robotsToken: String
        /// Where bodies are kept (and validators found); nil keeps nothing.
        public var store: RawStore?
        /// Serve every page from the store, never touching the network.
        public var offline: Bool
        /// Longest robots.txt `Crawl-delay` obeyed, in seconds (a longer one is capped and reported).
        public var crawlDelayCap: TimeInterval
        /// When every fetch of the run must have ended; nil: no limit beyond the timeouts.
        public var runDeadline: RunDeadline?

        public init(
            client: CurlEasyHandle.Options = .init(), limits: HostCoordinator.Limits = .init(),
            retry: RetryPolicy = .init(), obeyRobots: Bool = true, robotsToken: String = "provstat",
            store: RawStore? = nil, offline: Bool = false, crawlDelayCap: TimeInterval = 60,
            runDeadline: RunDeadline? = nil
        ) {
            self.crawlDelayCap = crawlDelayCap
            self.runDeadline = runDeadline
            self.client = client
            self.limits = limits
            self.retry = retry
            self.obeyRobots = obeyRobots
            self.robotsToken = robotsToken
            self.store = store
            self.offline = offline
        }
    }

    public let configuration: Configuration
    public let coordinator: HostCoordinator
    public let robots: RobotsRegistry
    public let statistics = StatisticsRecorder()
    /// Where retries, robots.txt refusals, Retry-After holds and capped Crawl-delays are told.
    public let logger: Logger

    public init(
        configuration: Configuration,
        logger: Logger = Logger(label: "provstat.fetch", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.logger = logger
        self.coordinator = HostCoordinator(limits: configuration.limits)
        self.robots = RobotsRegistry()
    }

    private init(configuration: Configuration, coordinator: HostCoordinator, robots: RobotsRegistry, logger: Logger) {
        self.configuration = configuration
        self.coordinator = coordinator
        self.robots = robots
        self.logger = logger
    }

    /// A session for the next part of the same run (the next month): the same politeness state
    /// and robots.txt rules, so robots.txt is fetched once per host per run, and fresh statistics.
    public func continued() -> FetchSession {
        FetchSession(configuration: configuration, coordinator: coordinator, robots: robots, logger: logger)
    }

    /// A fetcher for one worker (it owns a curl handle: keep it on that worker's thread).
    public func makeFetcher() -> PageFetcher { PageFetcher(session: self) }
}
