import Foundation
import ProvstatFetch

/// What the months of one run share: the listing pages read so far, and the fetch session's
/// politeness and robots.txt rules. Make one per run (`provstat run`, `provstat discover`) and
/// pass it in `FetchOptions.run`; a later run starts afresh and asks again, conditionally.
///
/// Threads: safe from any thread.
public final class RunScope: @unchecked Sendable {
    /// Listing pages read in this run.
    public let listings = ListingIndex()
    private let lock = NSLock()
    private var sessions: [String: FetchSession] = [:]

    public init() {}

    /// The run's first session for `key` (a pipeline), made by `make` on first use.
    func session(for key: String, make: () -> FetchSession) -> FetchSession {
        lock.withLock {
            if let session = sessions[key] { return session }
            let session = make()
            sessions[key] = session
            return session
        }
    }
}
