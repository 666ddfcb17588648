import Foundation

/// When a whole run must stop fetching: a time set at the start, which a signal (SIGTERM) may
/// pull forward to "now".
///
/// Threads: safe from any thread (one lock); fetch workers read it before every attempt and wait.
public final class RunDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    private var why: String

    /// A deadline `seconds` from now.
    public init(seconds: TimeInterval, now: Date = Date()) {
        self.date = now.addingTimeInterval(seconds)
        self.why = "the run's deadline (\(Int(seconds)) s)"
    }

    /// When fetching must have ended, and how to name that in a message.
    public var current: (date: Date, name: String) {
        lock.lock()
        defer { lock.unlock() }
        return (date, why)
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool { current.date <= Date() }

    /// Ends the run now (a stop signal): every later attempt fails at once with `reason`.
    public func stopNow(reason: String) {
        lock.lock()
        date = min(date, Date())
        why = reason
        lock.unlock()
    }

    /// Whether `stopNow` was called (rather than the time running out).
    public var wasStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !why.hasPrefix("the run's deadline")
    }
}
