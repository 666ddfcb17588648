import Foundation

/// When and how long to wait before trying a URL again.
///
/// Transient failures (see `FetchError.isTransient`) are retried up to `attempts` in all, with
/// exponential backoff and jitter; a server's `Retry-After` replaces the backoff, capped so a
/// hostile or confused server cannot park a worker for hours.
public struct RetryPolicy: Sendable {
    /// Attempts per URL, the first included.
    public var attempts: Int
    /// The first backoff, in seconds; each later one doubles.
    public var baseDelay: TimeInterval
    /// The longest backoff, in seconds.
    public var maxDelay: TimeInterval
    /// The longest wait a `Retry-After` may impose, in seconds.
    public var retryAfterCap: TimeInterval

    public init(
        attempts: Int = 4, baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 30, retryAfterCap: TimeInterval = 120
    ) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryAfterCap = retryAfterCap
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based).
    ///
    /// With a `Retry-After` the server's wish (capped) is used as is; otherwise "equal jitter":
    /// half the exponential step fixed, half random, so that workers that failed together do not
    /// come back together.
    public func delay<Generator: RandomNumberGenerator>(
        afterAttempt attempt: Int, retryAfter: TimeInterval?, using generator: inout Generator
    ) -> TimeInterval {
        if let retryAfter { return min(max(0, retryAfter), retryAfterCap) }
        let step = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        return step / 2 + Double.random(in: 0...(step / 2), using: &generator)
    }

    /// `delay(afterAttempt:retryAfter:using:)` with the system generator.
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval?) -> TimeInterval {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, retryAfter: retryAfter, using: &generator)
    }
}
