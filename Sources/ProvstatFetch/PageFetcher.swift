import Foundation

/// One worker's fetcher: politeness, robots.txt, retries, conditional requests and the raw store
/// around one curl handle.
///
/// Threads: owns a `CurlEasyHandle`, so one thread uses it at a time; what it shares with other
/// workers lives in its `FetchSession`.
public final class PageFetcher {
    private let session: FetchSession
    private let handle: CurlEasyHandle
    private var configuration: FetchSession.Configuration { session.configuration }

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
        var (response, attempts) = try perform(
            url, host: host, headers: usable?.conditionalHeaders ?? [], polite: isHTTP, permit: permit)
        if response.status == 304 {
            if let usable, let store = configuration.store, let body = try store.body(of: usable) {
                let confirmed = try store.confirm(usable, at: response.fetchedAt, headers: response.headers)
                return FetchResult(response: confirmed.response(body: body), origin: .notModified, attempts: attempts)
            }
            // A 304 we did not ask for (or the blob vanished since): ask again, unconditionally.
            let again = try perform(url, host: host, headers: [], polite: isHTTP)
            response = again.response
            attempts += again.attempts
        }
        guard (200..<300).contains(response.status) else {
            throw FetchError(url: url, reason: .status(response.status), attempts: attempts)
        }
        try configuration.store?.save(response)
        return FetchResult(response: response, origin: .network, attempts: attempts)
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
            let permit = held ?? (polite ? session.coordinator.acquire(host: host) : nil)
            held = nil
            let outcome: Result<FetchResponse, FetchError>
            do throws(FetchError) { outcome = .success(try handle.get(url, headers: headers)) } catch {
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
            guard failure.isTransient, attempt < retry.attempts else { throw failure }

            session.statistics.record(host: host) { $0.retried += 1 }
            let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            // A Retry-After speaks for the whole host: hold every worker off it, not just this one.
            if retryAfter != nil { session.coordinator.holdOff(host: host, until: Date().addingTimeInterval(wait)) }
            Thread.sleep(forTimeInterval: wait)
        }
    }

    // MARK: - robots.txt

    private func checkRobots(_ url: String, host: String) throws(FetchError) {
        guard let origin = RobotsRegistry.origin(of: url) else { return }
        let (rules, failure) = session.robots.rules(for: origin) { loadRobots(origin: origin, host: host) }
        guard let components = URLComponents(string: url) else { return }
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        guard !rules.allows(path) else { return }
        if let failure { throw FetchError(url: url, reason: .robotsUnreachable(failure), attempts: 0) }
        throw FetchError(url: url, reason: .disallowedByRobots, attempts: 0)
    }

    /// Fetches and reads robots.txt (RFC 9309 §2.3.1: 2xx → its rules; 4xx → allow all;
    /// 5xx or unreachable → disallow all), and applies its Crawl-delay to the host.
    private func loadRobots(origin: String, host: String) -> (RobotsRules, failure: String?) {
        let robotsURL = origin + "/robots.txt"
        let rules: RobotsRules
        do throws(FetchError) {
            let (response, _) = try perform(robotsURL, host: host, headers: [], polite: true)
            switch response.status {
            case 200..<300:
                rules = RobotsRules(
                    parsing: String(decoding: response.body, as: UTF8.self), userAgent: configuration.robotsToken)
            case 400..<500:
                return (.allowAll, nil)
            default:
                return (.disallowAll, "HTTP \(response.status)")
            }
        } catch {
            if case .status(let status) = error.reason, (400..<500).contains(status) { return (.allowAll, nil) }
            if case .tooLarge = error.reason { return (.allowAll, nil) }
            return (.disallowAll, error.description)
        }
        if let delay = rules.crawlDelay { session.coordinator.setCrawlDelay(delay, host: host) }
        return (rules, nil)
    }
}

@available(*, unavailable, message: "owns a CurlEasyHandle: use it from the worker that made it")
extension PageFetcher: Sendable {}
