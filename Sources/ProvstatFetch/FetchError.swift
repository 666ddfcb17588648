/// Why a fetch failed, with the URL it was for.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The class of failure, which decides whether a retry may help.
    public enum Reason: Sendable, Equatable {
        /// libcurl reported an error (connect, DNS, TLS, timeout, reset, short body, …).
        case transport(code: Int, message: String)
        /// The server answered with an HTTP error status.
        case status(Int)
        /// The body exceeded the configured cap.
        case tooLarge(limit: Int)
        /// The URL's scheme is not http, https or file.
        case unsupportedScheme(String)
        /// A redirect pointed at a scheme other than http or https.
        case redirectRefused(target: String)
        /// More redirects than allowed (a loop, usually).
        case tooManyRedirects(limit: Int)
        /// `--offline` and the raw store holds no copy of the URL.
        case notInStore
        /// The raw store could not be written or read.
        case store(String)
        /// robots.txt disallows the URL.
        case disallowedByRobots
        /// robots.txt could not be fetched (5xx or unreachable), which RFC 9309 reads as "disallow all";
        /// `transient` when that failure may pass (refused, DNS, timeout, 5xx): an outage, not a refusal.
        case robotsUnreachable(String, transient: Bool)
        /// The source's policy refuses the URL's scheme (a `file:` link on a web page, say).
        case schemeRefused(String)
        /// The source's or the run's time ran out before the page could be had.
        case deadline(String)
    }

    /// The URL that failed.
    public var url: String
    /// What went wrong.
    public var reason: Reason
    /// How many attempts were made before giving up (0 when none was).
    public var attempts: Int

    public init(url: String, reason: Reason, attempts: Int = 1) {
        self.url = url
        self.reason = reason
        self.attempts = attempts
    }

    /// Whether another attempt may succeed: timeouts, connection failures, cut-short bodies and
    /// 408, 429, 500, 502, 503, 504.
    public var isTransient: Bool {
        switch reason {
        case .transport(let code, _): Self.transientCurlCodes.contains(code)
        case .status(let status): Self.transientStatuses.contains(status)
        case .robotsUnreachable(_, let transient): transient
        case .deadline: true
        default: false
        }
    }

    static let transientStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]
    /// CURLE_COULDNT_RESOLVE_HOST 6, COULDNT_CONNECT 7, HTTP2 16, PARTIAL_FILE 18, OPERATION_TIMEDOUT 28,
    /// GOT_NOTHING 52, SEND_ERROR 55, RECV_ERROR 56, HTTP2_STREAM 92.
    static let transientCurlCodes: Set<Int> = [6, 7, 16, 18, 28, 52, 55, 56, 92]

    public var description: String {
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        switch reason {
        case .transport(_, let message): return "\(url): \(message)\(tries)"
        case .status(let status):
            let hint =
                switch status {
                case 404, 410: "; check the source's url (or the month) in the definition"
                case 401, 403: "; the site refuses provstat, ask its operator"
                case 500...599: "; the site is failing, retry later"
                default: ""
                }
            return "\(url): HTTP \(status)\(tries)\(hint)"
        case .tooLarge(let limit):
            return "\(url): body larger than the \(limit)-byte cap (raise fetch.max_bytes if the page is genuine)"
        case .unsupportedScheme(let scheme):
            return "\(url): scheme '\(scheme)' is not supported (use http, https or file)"
        case .redirectRefused(let target):
            return "\(url): refused a redirect to \(target) (only http and https are followed)"
        case .tooManyRedirects(let limit):
            return "\(url): more than \(limit) redirects (a redirect loop?); give the final URL instead"
        case .notInStore:
            return "\(url): not in the raw store; run once online (without --offline) or point --cache at the store"
        case .store(let message): return "\(url): raw store: \(message)"
        case .disallowedByRobots:
            return
                "\(url): disallowed by the site's robots.txt (--ignore-robots overrides, with the operator's permission)"
        case .robotsUnreachable(let why, _):
            return
                "\(url): robots.txt unreachable (\(why)), so the site counts as disallowed; retry later or use --ignore-robots"
        case .schemeRefused(let scheme):
            return
                "\(url): refused: a link found on a web page, or a redirect, may only lead to http or https, not '\(scheme)'"
        case .deadline(let which):
            return "\(url): \(which) ran out; the page was not fetched (retry later, or raise the deadline)"
        }
    }
}
