import Foundation

/// The rules of one robots.txt (RFC 9309) that apply to one user-agent token.
///
/// The group naming the token wins over `*`; within it the longest matching Allow or Disallow
/// path decides, Allow winning a tie; `*` and `$` wildcards are understood. `Crawl-delay` is
/// not in the RFC but widely used, and honoured.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule]
    /// Seconds between requests that the site asks for.
    public var crawlDelay: TimeInterval?

    /// Rules that allow everything (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)
    /// Rules that allow nothing (robots.txt unreachable).
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    init(rules: [Rule], crawlDelay: TimeInterval?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Parses robots.txt text for `userAgent` (its product token, e.g. `provstat`).
    public init(parsing text: String, userAgent: String) {
        let token = userAgent.lowercased()
        var groups: [(agents: [String], rules: [Rule], delay: TimeInterval?)] = []
        var startingGroup = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                // Consecutive User-agent lines share one group; one after a rule starts a new group.
                if groups.isEmpty || !startingGroup { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                startingGroup = true
            case "allow", "disallow":
                startingGroup = false
                guard !groups.isEmpty else { continue }
                // An empty Disallow allows everything; it adds no rule.
                if !value.isEmpty { groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value)) }
            case "crawl-delay":
                startingGroup = false
                guard !groups.isEmpty, let seconds = TimeInterval(value), seconds >= 0 else { continue }
                groups[groups.count - 1].delay = seconds
            default:
                continue
            }
        }
        let named = groups.filter { $0.agents.contains(token) }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        self.rules = chosen.flatMap(\.rules)
        self.crawlDelay = chosen.compactMap(\.delay).max()
    }

    /// Whether `path` (path and query of a URL) may be fetched.
    public func allows(_ path: String) -> Bool {
        let path = path.isEmpty ? "/" : path
        var best: Rule? = nil
        for rule in rules where Self.matches(rule.pattern, path) {
            if let current = best {
                if rule.pattern.count > current.pattern.count
                    || (rule.pattern.count == current.pattern.count && rule.allow)
                {
                    best = rule
                }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// Prefix match with `*` (any run of characters) and a final `$` (end of path).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Substring(pattern)
        let anchored = pattern.hasSuffix("$")
        if anchored { pattern = pattern.dropLast() }
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (index, piece) in pieces.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if index == pieces.count - 1 && anchored {
                return rest.hasSuffix(piece)
            } else {
                guard let range = rest.range(of: piece) else { return false }
                rest = rest[range.upperBound...]
            }
        }
        return !anchored || rest.isEmpty
    }
}
