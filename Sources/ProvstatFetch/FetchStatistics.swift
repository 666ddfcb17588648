/// What a run's fetching did, per host and in total, for the run summary.
public struct FetchStatistics: Sendable, Equatable, Codable {
    /// Counts for one host.
    public struct Figures: Sendable, Equatable, Codable {
        /// Requests sent over the network (attempts, robots.txt included).
        public var requests = 0
        /// Pages whose bytes came from the network.
        public var fetched = 0
        /// Pages the server confirmed unchanged (304): bytes reused from the store.
        public var notModified = 0
        /// Pages replayed from the store with no network (`--offline`).
        public var replayed = 0
        /// Pages given up on.
        public var failed = 0
        /// Attempts that were retried.
        public var retried = 0
        /// Body bytes received over the network.
        public var bytes = 0
        /// The robots.txt `Crawl-delay` the host asked for, when it was longer than the cap.
        public var crawlDelayAsked: Double?
        /// The cap applied instead of `crawlDelayAsked`.
        public var crawlDelayCap: Double?

        public init() {}

        /// Pages served from the store: not modified plus replayed.
        public var cached: Int { notModified + replayed }

        mutating func add(_ other: Figures) {
            requests += other.requests
            fetched += other.fetched
            notModified += other.notModified
            replayed += other.replayed
            failed += other.failed
            retried += other.retried
            bytes += other.bytes
            if let asked = other.crawlDelayAsked, asked > (crawlDelayAsked ?? -1) {
                crawlDelayAsked = asked
                crawlDelayCap = other.crawlDelayCap
            }
        }
    }

    /// Figures by host.
    public var hosts: [String: Figures]

    public init(hosts: [String: Figures] = [:]) { self.hosts = hosts }

    /// Figures over every host.
    public var total: Figures {
        var sum = Figures()
        for figures in hosts.values { sum.add(figures) }
        return sum
    }
}
