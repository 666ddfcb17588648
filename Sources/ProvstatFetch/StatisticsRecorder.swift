import Foundation

/// Collects `FetchStatistics` from every worker of a run.
///
/// Threads: safe from any thread (one lock around a dictionary of counters).
public final class StatisticsRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var statistics = FetchStatistics()

    public init() {}

    /// Adds to the figures of `host`.
    public func record(host: String, _ change: (inout FetchStatistics.Figures) -> Void) {
        lock.lock()
        change(&statistics.hosts[host, default: FetchStatistics.Figures()])
        lock.unlock()
    }

    /// The figures so far.
    public var snapshot: FetchStatistics {
        lock.lock()
        defer { lock.unlock() }
        return statistics
    }
}
