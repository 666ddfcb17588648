import Foundation
import Logging

/// One worker's fetcher: politeness, robots.txt, retries, conditional requests and the raw store
/// around one curl handle.
///
/// Threads: owns a `CurlEasyHandle`, so one thread uses it at a time; what it shares with other
/// workers lives in its `FetchSession`.
public final class PageFetcher {
    private let session: FetchSession
    private let handle: CurlEasyHandle
    private var configuration: FetchSession.Configuration { session.configuration }
    private var logger: Logger { session.logger }

    /// When the current source's time runs out (set by the caller before each source); the
    /// run's deadline applies as well, whichever comes first.
    public var deadline: Date?
    /// Which schemes the current source may lead to; nil: the URL's own (a `file:` URL given
    /// directly may be read, a link or redirect to one may not).
    public var policy: SchemePolicy?

    init(session: FetchSession) {
        self.session = session
        self.handle = CurlEasyHandle(options: session.configuration.client)
    }

    /// Fetches `url`: from the store when offline, else over the network, conditionally when the
    /// store holds validators, and keeps the new bytes. Throws when the page cannot be had.
    public func fetch(_ url: String) throws(FetchError) -> FetchResult {
        try fetch(url, holding: nil)
    }

    /// `fetch(_:)` with a permit for the URL's host already held (a scheduler that picks URLs
    /// by free host acquires it); the first attempt uses it, and it is released in any case.
    public func fetch(_ url: String, holding permit: HostCoordinator.Permit?) throws(FetchError) -> FetchResult {
        let host = HostCoordinator.hostKey(of: url)
        var permit = permit
        // Loading robots.txt needs a slot of its own on the host: give ours back rather than
        // wait for a second one (with a per-host limit of 1 that would never come).
        if let held = permit, configuration.offline || !robotsReady(url) {
            session.coordinator.release(held)
            permit = nil
        }
        do {
            let result = try fetchRecording(url, host: host, permit: permit)
            session.statistics.record(host: host) { figures in
                switch result.origin {
                case .network:
                    figures.fetched += 1
                    figures.bytes += result.response.body.count
                case .notModified: figures.notModified += 1
                case .replayed: figures.replayed += 1
                }
            }
            return result
        } catch {
            session.statistics.record(host: host) { $0.failed += 1 }
            throw error
        }
    }

    /// Whether fetching `url` needs no robots.txt request first.
    private func robotsReady(_ url: String) -> Bool {
        guard configuration.obeyRobots, let origin = RobotsRegistry.origin(of: url) else { return true }
        return session.robots.isLoaded(origin)
    }

    private func fetchRecording(_ url: String, host: String, permit: HostCoordinator.Permit?) throws(FetchError)
        -> FetchResult
    {
        let policy = policy ?? SchemePolicy(definitionURL: url)
        guard policy.allows(url) else {
            if let permit { session.coordinator.release(permit) }
            logger.warning("refused \(url): not an http(s) URL on a web source")
            throw FetchError(url: url, reason: .schemeRefused(SchemePolicy.scheme(of: url) ?? "none"), attempts: 0)
        }
        if configuration.offline {
            guard let response = try configuration.store?.response(for: url) else {
                throw FetchError(url: url, reason: .notInStore, attempts: 0)
            }
            return FetchResult(response: response, origin: .replayed, attempts: 0)
        }
        let isHTTP = RobotsRegistry.origin(of: url) != nil
        if isHTTP && configuration.obeyRobots {
            do throws(FetchError) { try checkRobots(url, host: host) } catch {
                if let permit { session.coordinator.release(permit) }
                throw error
            }
        }

        // Validators only help when the bytes they stand for are still in the store.
        let stored = (try? configuration.store?.page(for: url)) ?? nil
        let usable = stored.flatMap { page in configuration.store?.hasBody(page) == true ? page : nil }
        var (response, attempts) = try following(
            url, host: host, headers: usable?.conditionalHeaders ?? [], polite: isHTTP, permit: permit)
        if response.status == 304 {
            if let usable, let store = configuration.store, let body = try store.body(of: usable) {
                let confirmed = try store.confirm(usable, at: response.fetchedAt, headers: response.headers)
                return FetchResult(response: confirmed.response(body: body), origin: .notModified, attempts: attempts)
            }
            // A 304 we did not ask for (or the blob vanished since): ask again, unconditionally.
            let again = try following(url, host: host, headers: [], polite: isHTTP)
            response = again.response
            attempts += again.attempts
        }
        guard (200..<300).contains(response.status) else {
            throw FetchError(url: url, reason: .status(response.status), attempts: attempts)
        }
        try configuration.store?.save(response)
        return FetchResult(response: response, origin: .network, attempts: attempts)
    }

    // MARK: - Redirects

    /// `perform` for `url`, following redirects itself so that each target is vetted first:
    /// only http and https, and (when obeyed) allowed by the target's robots.txt.
    /// `vetRobots: false` for robots.txt itself: its redirects are not subject to robots.txt (and
    /// asking the registry for an origin being loaded by this very call would wait for ever).
    private func following(
        _ url: String, host: String, headers: [String], polite: Bool, permit held: HostCoordinator.Permit? = nil,
        vetRobots: Bool = true
    ) throws(FetchError) -> (response: FetchResponse, attempts: Int) {
        var current = url
        var currentHost = host
        var attempts = 0
        var held = held
        var hops = 0
        while true {
            let (response, made) = try perform(
                current, host: currentHost, headers: headers, polite: polite, permit: held)
            held = nil
            attempts += made
            guard polite, Self.redirectStatuses.contains(response.status), let location = response.header("location")
            else {
                var final = response
                final.url = url
                return (final, attempts)
            }
            guard let target = URL(string: location, relativeTo: URL(string: current))?.absoluteURL.absoluteString,
                let scheme = SchemePolicy.scheme(of: target), scheme == "http" || scheme == "https"
            else {
                logger.warning("refused a redirect from \(current) to \(location)")
                throw FetchError(url: url, reason: .redirectRefused(target: location), attempts: attempts)
            }
            hops += 1
            guard hops <= configuration.client.maxRedirects else {
                throw FetchError(
                    url: url, reason: .tooManyRedirects(limit: configuration.client.maxRedirects), attempts: attempts)
            }
            currentHost = HostCoordinator.hostKey(of: target)
            if configuration.obeyRobots, vetRobots {
                do throws(FetchError) { try checkRobots(target, host: currentHost) } catch {
                    logger.info("redirect from \(current) to \(target) refused by robots.txt")
                    throw FetchError(url: url, reason: error.reason, attempts: attempts)
                }
            }
            logger.debug("following a redirect from \(current) to \(target)")
            current = target
        }
    }

    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    // MARK: - Deadlines

    /// The earlier of the source's and the run's deadline, and what to call it in a message.
    private var effectiveDeadline: (date: Date, name: String)? {
        switch (deadline, configuration.runDeadline?.current) {
        case (let source?, let run?): source < run.date ? (source, "the source's deadline") : run
        case (let source?, nil): (source, "the source's deadline")
        case (nil, let run?): run
        case (nil, nil): nil
        }
    }

    /// Whether the run was stopped, for libcurl to abort a transfer in flight; nil without a run deadline.
    private var stopCheck: (@Sendable () -> Bool)? {
        guard let deadline = configuration.runDeadline else { return nil }
        return { deadline.wasStopped }
    }

    /// Sleeps `seconds`, waking early when the run is stopped (SIGTERM pulls its deadline forward).
    private func pause(_ seconds: TimeInterval) {
        let end = Date().addingTimeInterval(seconds)
        while true {
            let left = end.timeIntervalSinceNow
            if left <= 0 || configuration.runDeadline?.hasPassed == true { return }
            Thread.sleep(forTimeInterval: min(left, 0.25))
        }
    }

    // MARK: - Attempts

    /// GETs `url`, retrying transient failures; returns the last response (any non-transient
    /// status) and the number of attempts, or throws the last failure.
    private func perform(
        _ url: String, host: String, headers: [String], polite: Bool, permit held: HostCoordinator.Permit? = nil
    ) throws(FetchError) -> (response: FetchResponse, attempts: Int) {
        let retry = configuration.retry
        var attempt = 0
        var held = held
        while true {
            attempt += 1
            let limit = effectiveDeadline
            var permit = held
            held = nil
            if permit == nil, polite {
                permit = session.coordinator.acquire(host: host, until: limit?.date)
                if permit == nil, let limit {
                    throw FetchError(url: url, reason: .deadline(limit.name), attempts: attempt - 1)
                }
            }
            let remaining = limit.map { $0.date.timeIntervalSinceNow }
            if let remaining, remaining <= 0, let limit {
                if let permit { session.coordinator.release(permit) }
                throw FetchError(url: url, reason: .deadline(limit.name), attempts: attempt - 1)
            }
            let outcome: Result<FetchResponse, FetchError>
            do throws(FetchError) {
                outcome = .success(
                    try handle.get(
                        url, headers: headers, followRedirects: !polite, allowFiles: !polite, timeout: remaining,
                        shouldAbort: stopCheck))
            } catch {
                outcome = .failure(error)
            }
            if let permit { session.coordinator.release(permit) }
            if polite { session.statistics.record(host: host) { $0.requests += 1 } }

            var failure: FetchError
            var retryAfter: TimeInterval? = nil
            switch outcome {
            case .success(let response) where FetchError.transientStatuses.contains(response.status):
                failure = FetchError(url: url, reason: .status(response.status))
                retryAfter = response.header("retry-after").flatMap { RetryAfter.seconds($0) }
            case .success(let response):
                return (response, attempt)
            case .failure(let error):
                failure = error
            }
            failure.attempts = attempt
            // A transfer cut short by the deadline (its timeout was the time left) is the deadline's doing.
            if let limit, failure.isTransient, limit.date.timeIntervalSinceNow <= 0.05 {
                throw FetchError(url: url, reason: .deadline(limit.name), attempts: attempt)
            }
            guard failure.isTransient, attempt < retry.attempts else { throw failure }

            let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            // No point waiting past the deadline: give up now with what went wrong.
            if let limit, Date().addingTimeInterval(wait) >= limit.date {
                logger.info(
                    "not retrying \(url): \(limit.name) would pass during the wait", metadata: ["error": "\(failure)"])
                throw FetchError(url: url, reason: .deadline(limit.name), attempts: attempt)
            }
            session.statistics.record(host: host) { $0.retried += 1 }
            logger.info(
                "retrying \(url) in \(String(format: "%.1f", wait)) s (attempt \(attempt + 1) of \(retry.attempts))",
                metadata: ["error": "\(failure)"])
            // A Retry-After speaks for the whole host: hold every worker off it, not just this one.
            if let retryAfter {
                logger.info(
                    "\(host) asked to wait (Retry-After \(retryAfter) s): holding the host for \(String(format: "%.1f", wait)) s"
                )
                session.coordinator.holdOff(host: host, until: Date().addingTimeInterval(wait))
            }
            pause(wait)
        }
    }

    // MARK: - robots.txt

    private func checkRobots(_ url: String, host: String) throws(FetchError) {
        guard let origin = RobotsRegistry.origin(of: url) else { return }
        let (rules, failure) = session.robots.rules(for: origin) { loadRobots(origin: origin, host: host) }
        guard let components = URLComponents(string: url) else { return }
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        guard !rules.allows(path) else { return }
        if let failure {
            logger.info(
                "\(url): robots.txt of \(origin) unreachable (\(failure.message)); the site counts as disallowed")
            throw FetchError(
                url: url, reason: .robotsUnreachable(failure.message, transient: failure.transient), attempts: 0)
        }
        logger.info("\(url): disallowed by robots.txt")
        throw FetchError(url: url, reason: .disallowedByRobots, attempts: 0)
    }

    /// Fetches and reads robots.txt (RFC 9309 §2.3.1: 2xx → its rules; 4xx → allow all;
    /// 5xx or unreachable → disallow all), and applies its Crawl-delay to the host.
    private func loadRobots(origin: String, host: String) -> (RobotsRules, failure: RobotsRegistry.Failure?) {
        let robotsURL = origin + "/robots.txt"
        let rules: RobotsRules
        do throws(FetchError) {
            // robots.txt may redirect (RFC 9309 §2.3.1.2), within the origin's scheme policy.
            let (response, _) = try following(robotsURL, host: host, headers: [], polite: true, vetRobots: false)
            switch response.status {
            case 200..<300:
                rules = RobotsRules(
                    parsing: String(decoding: response.body, as: UTF8.self), userAgent: configuration.robotsToken)
            case 400..<500:
                return (.allowAll, nil)
            default:
                // A 5xx is the server failing: an outage, which may pass.
                return (
                    .disallowAll,
                    RobotsRegistry.Failure(message: "HTTP \(response.status)", transient: response.status >= 500)
                )
            }
        } catch {
            if case .status(let status) = error.reason, (400..<500).contains(status) { return (.allowAll, nil) }
            if case .tooLarge = error.reason { return (.allowAll, nil) }
            let transient: Bool
            if case .status(let status) = error.reason {
                transient = status >= 500
            } else {
                transient = error.isTransient
            }
            return (.disallowAll, RobotsRegistry.Failure(message: error.description, transient: transient))
        }
        if let asked = rules.crawlDelay {
            let cap = configuration.crawlDelayCap
            let delay = min(max(0, asked), cap)
            if asked > cap {
                logger.warning("\(host): robots.txt asks for Crawl-delay \(asked) s; capped at \(cap) s")
                session.statistics.record(host: host) { figures in
                    figures.crawlDelayAsked = asked
                    figures.crawlDelayCap = cap
                }
            }
            session.coordinator.setCrawlDelay(delay, host: host)
        }
        return (rules, nil)
    }
}

@available(*, unavailable, message: "owns a CurlEasyHandle: use it from the worker that made it")
extension PageFetcher: Sendable {}
