/// Politeness and robustness settings for fetching one pipeline's sources.
public struct FetchSettings: Sendable {
    /// Requests in flight to one host at once.
    public var perHostConcurrency = 2
    /// Minimum seconds between the starts of two requests to one host.
    public var perHostDelay: Double = 1.0
    /// Requests in flight overall.
    public var globalConcurrency = 8
    /// Attempts per URL, the first included.
    public var attempts = 4
    /// Seconds to connect.
    public var connectTimeout: Double = 10
    /// Seconds for a whole transfer.
    public var totalTimeout: Double = 60
    /// Largest body accepted, in bytes.
    public var maxBodyBytes = 20 << 20
    /// Whether robots.txt is obeyed.
    public var obeyRobots = true
    /// Seconds of the first retry backoff (doubling, with jitter).
    public var backoff: Double = 1
    /// Longest retry backoff, in seconds.
    public var maxBackoff: Double = 30
    /// Longest wait a server's Retry-After may impose, in seconds.
    public var retryAfterCap: Double = 120
    /// Longest robots.txt Crawl-delay obeyed, in seconds.
    public var crawlDelayCap: Double = 60
    /// Seconds one source may take (listing pages, retries and waits included).
    public var sourceDeadline: Double = 900
    /// Seconds a whole run may spend fetching before it ends with what it has (exit 75).
    public var runDeadline: Double = 3600
    /// Seconds of reading (parse and extraction) one page may take before it counts as failed.
    public var pageBudget: Double = 120

    /// The largest value any of the timeouts, caps and deadlines may take (one day).
    public static let longestSeconds: Double = 86_400

    public init() {}
}
