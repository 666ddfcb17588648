import Foundation

/// robots.txt rules per origin for one run, each fetched once however many workers ask.
///
/// Threads: safe from any thread. A second worker asking for an origin being loaded waits for
/// the first instead of fetching robots.txt again.
public final class RobotsRegistry: @unchecked Sendable {
    /// Why robots.txt could not be had, and whether that may pass (an outage, not a refusal).
    public struct Failure: Sendable, Equatable {
        public var message: String
        public var transient: Bool

        public init(message: String, transient: Bool) {
            self.message = message
            self.transient = transient
        }
    }

    private enum Entry {
        case loading
        case loaded(RobotsRules, failure: Failure?)
    }

    private let condition = NSCondition()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// `scheme://host:port` of a URL, the scope of one robots.txt; nil for non-HTTP URLs.
    public static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased()
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)"
    }

    /// Whether the rules for `origin` are known already (no robots.txt request pending).
    public func isLoaded(_ origin: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .loaded? = entries[origin] { return true }
        return false
    }

    /// The rules for `origin`, calling `load` (once per origin) to get them. `load` returns the
    /// rules and, when robots.txt was unreachable, why.
    public func rules(
        for origin: String, load: () -> (RobotsRules, failure: Failure?)
    ) -> (RobotsRules, failure: Failure?) {
        condition.lock()
        while true {
            switch entries[origin] {
            case .loaded(let rules, let failure)?:
                condition.unlock()
                return (rules, failure)
            case .loading?:
                condition.wait()
            case nil:
                entries[origin] = .loading
                condition.unlock()
                let loaded = load()
                condition.lock()
                entries[origin] = .loaded(loaded.0, failure: loaded.failure)
                condition.broadcast()
                condition.unlock()
                return loaded
            }
        }
    }
}
