import Foundation

/// Politeness shared by every fetch worker of a run: at most `perHost` requests in flight to one
/// host, at least `minimumDelay` seconds between the starts of two requests to one host (longer
/// when robots.txt asks for a Crawl-delay or a server for Retry-After), and at most `global`
/// requests in flight overall.
///
/// Threads: safe from any thread; workers block in `acquire` until their request may start.
/// A permit must be given back with `release` exactly once.
public final class HostCoordinator: @unchecked Sendable {
    /// The limits the coordinator enforces.
    public struct Limits: Sendable {
        /// Requests in flight to one host.
        public var perHost: Int
        /// Seconds between the starts of two requests to one host.
        public var minimumDelay: TimeInterval
        /// Requests in flight overall.
        public var global: Int

        public init(perHost: Int = 2, minimumDelay: TimeInterval = 1, global: Int = 8) {
            self.perHost = max(1, perHost)
            self.minimumDelay = max(0, minimumDelay)
            self.global = max(1, global)
        }
    }

    /// The right to start one request to one host.
    public struct Permit: Sendable {
        public let host: String
    }

    /// What a caller of `acquire(pick:)` chose under the coordinator's lock.
    public enum Pick<Value> {
        /// Start a request to `host`, carrying `value` back to the caller.
        case take(host: String, Value)
        /// Nothing may start now; wake when something changes.
        case wait
        /// Nothing is left to start.
        case done
    }

    public let limits: Limits
    private let condition = NSCondition()
    private var inFlight: [String: Int] = [:]
    private var globalInFlight = 0
    private var nextStart: [String: Date] = [:]
    private var crawlDelay: [String: TimeInterval] = [:]

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// The key politeness is counted by: the URL's host, lower-cased (ports share a host).
    public static func hostKey(of url: String) -> String {
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return "(local)" }
        return host
    }

    // MARK: - Acquiring

    /// Blocks until a request to `host` may start, and returns its permit.
    public func acquire(host: String) -> Permit {
        let (_, permit) = acquire { mayStart in mayStart(host) ? .take(host: host, ()) : .wait }!
        return permit
    }

    /// Blocks until a request to `host` may start, or until `deadline` passes (then nil).
    public func acquire(host: String, until deadline: Date?) -> Permit? {
        guard let deadline else { return acquire(host: host) }
        condition.lock()
        defer { condition.unlock() }
        while true {
            let now = Date()
            if mayStart(host, now: now) { return grant(host, now: now) }
            if now >= deadline { return nil }
            _ = condition.wait(until: min(deadline, earliestChange(after: now)))
        }
    }

    /// Blocks until `pick` chooses something that may start (or says nothing is left).
    ///
    /// `pick` runs under the coordinator's lock, with a predicate telling which hosts may start
    /// now, so a scheduler can take the first job whose host is free instead of blocking on the
    /// first job in line. It must be quick and must not call back into the coordinator.
    public func acquire<Value>(pick: (_ mayStart: (String) -> Bool) -> Pick<Value>) -> (Value, Permit)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let now = Date()
            switch pick({ self.mayStart($0, now: now) }) {
            case .take(let host, let value):
                precondition(mayStart(host, now: now), "pick chose \(host), which may not start")
                return (value, grant(host, now: now))
            case .done:
                return nil
            case .wait:
                _ = condition.wait(until: earliestChange(after: now))
            }
        }
    }

    /// Like `acquire(pick:)` but never blocks: `.wait` comes back as `nil`.
    public func tryAcquire<Value>(pick: (_ mayStart: (String) -> Bool) -> Pick<Value>) -> (Value, Permit)? {
        condition.lock()
        defer { condition.unlock() }
        let now = Date()
        guard case .take(let host, let value) = pick({ self.mayStart($0, now: now) }),
            mayStart(host, now: now)
        else { return nil }
        return (value, grant(host, now: now))
    }

    /// Gives a permit back and wakes waiting workers.
    public func release(_ permit: Permit) {
        condition.lock()
        inFlight[permit.host, default: 1] -= 1
        globalInFlight -= 1
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - Slowing down

    /// Applies a robots.txt `Crawl-delay` (seconds) to `host`: it replaces the minimum delay when longer.
    public func setCrawlDelay(_ seconds: TimeInterval, host: String) {
        condition.lock()
        crawlDelay[host] = max(0, seconds)
        condition.unlock()
    }

    /// Holds every request to `host` until `date` (a server's Retry-After concerns the whole host).
    public func holdOff(host: String, until date: Date) {
        condition.lock()
        nextStart[host] = max(nextStart[host] ?? .distantPast, date)
        condition.broadcast()
        condition.unlock()
    }

    /// The earliest time a request to `host` may start, were a slot free.
    public func nextStartTime(host: String) -> Date {
        condition.lock()
        defer { condition.unlock() }
        return nextStart[host] ?? .distantPast
    }

    // MARK: - Under the lock

    private func mayStart(_ host: String, now: Date) -> Bool {
        globalInFlight < limits.global && inFlight[host, default: 0] < limits.perHost
            && (nextStart[host] ?? .distantPast) <= now
    }

    private func grant(_ host: String, now: Date) -> Permit {
        inFlight[host, default: 0] += 1
        globalInFlight += 1
        let delay = max(limits.minimumDelay, crawlDelay[host] ?? 0)
        nextStart[host] = now.addingTimeInterval(delay)
        return Permit(host: host)
    }

    /// When waiting should end at the latest: the next host whose delay runs out (a release
    /// wakes waiters earlier through the condition).
    private func earliestChange(after now: Date) -> Date {
        let upcoming = nextStart.values.filter { $0 > now }.min()
        return upcoming ?? now.addingTimeInterval(60)
    }
}
