/// Why a fetch failed, with the URL it was for.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The class of failure, which decides whether a retry may help.
    public enum Reason: Sendable, Equatable {
        /// libcurl reported an error (connect, DNS, TLS, timeout, …).
        case transport(code: Int, message: String)
        /// The server answered with an HTTP error status.
        case status(Int)
        /// The body exceeded the configured cap.
        case tooLarge(limit: Int)
        /// The URL's scheme is not http, https or file.
        case unsupportedScheme(String)
        /// `--offline` and the raw store holds no copy of the URL.
        case notInStore
        /// robots.txt disallows the URL.
        case disallowedByRobots
    }

    /// The URL that failed.
    public var url: String
    /// What went wrong.
    public var reason: Reason

    public init(url: String, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .transport(_, let message): "\(url): \(message)"
        case .status(let status): "\(url): HTTP \(status)"
        case .tooLarge(let limit): "\(url): body larger than the \(limit)-byte cap"
        case .unsupportedScheme(let scheme): "\(url): scheme '\(scheme)' is not supported (http, https, file)"
        case .notInStore: "\(url): not in the raw store; run once online, or drop --offline"
        case .disallowedByRobots: "\(url): disallowed by robots.txt (--ignore-robots overrides)"
        }
    }
}
