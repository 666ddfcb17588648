import Foundation
import ProvstatCore

/// Which months a run processes, and why: the months a scheduled, ranged, catch-up or
/// reprocessing run selects, in calendar order.
public struct MonthPlan: Sendable, Equatable {
    /// One month to run and the reason it was chosen.
    public struct Entry: Sendable, Equatable {
        public var month: Month
        public var reason: String

        public init(month: Month, reason: String) {
            self.month = month
            self.reason = reason
        }
    }

    /// What is known of a month's snapshots, as the planner needs it.
    public struct MonthState: Sendable, Equatable {
        /// Status of the newest version written, if any.
        public var newestStatus: String?
        /// Whether a published (`latest`) version exists.
        public var published: Bool
        /// provstat version that wrote the newest version.
        public var provstatVersion: String?
        /// Definition digest the newest version was made with.
        public var definitionDigest: String?
        /// Ids of the sources whose page now differs from the bytes the newest version read
        /// (looked up only for `--reprocess stale`).
        public var changedSources: [String] = []

        public init(
            newestStatus: String? = nil, published: Bool = false, provstatVersion: String? = nil,
            definitionDigest: String? = nil
        ) {
            self.newestStatus = newestStatus
            self.published = published
            self.provstatVersion = provstatVersion
            self.definitionDigest = definitionDigest
        }

        /// No snapshot at all.
        public static let none = MonthState()
    }

    /// Which already-processed months to run again.
    public enum Reprocess: String, Sendable, CaseIterable {
        /// Months with no snapshot.
        case missing
        /// Months with no snapshot, or whose newest snapshot is rejected or partial.
        case failed
        /// Months made by another provstat version or pipeline definition.
        case stale
        /// Every month in the range.
        case all
    }

    /// How the months were asked for.
    public enum Request: Sendable, Equatable {
        /// The month that just closed (`lagDays` after its end).
        case scheduled(lagDays: Int)
        /// One month.
        case single(Month)
        /// A range, both ends included.
        case range(from: Month, to: Month)
        /// Every month after the last complete one up to the month that just closed.
        case catchUp(lagDays: Int, limit: Int)
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The month that closed at least `lagDays` days before `now` (UTC).
    public static func closedMonth(now: Date, lagDays: Int) -> Month {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let shifted = calendar.date(byAdding: .day, value: -min(max(0, lagDays), longestLagDays), to: now) ?? now
        let parts = calendar.dateComponents([.year, .month], from: shifted)
        // Out of Month's range only with a clock gone wrong: the earliest month rather than a crash.
        guard let year = parts.year, let number = parts.month, let month = Month(year: year, month: number) else {
            return Self.earliestMonth
        }
        return month.previous
    }

    /// 1900-01, Month's first (a constant, so the unwrap cannot fail).
    static let earliestMonth = Month(year: 1900, month: 1)!

    /// The most months one run may cover (a hundred years); more is a usage error.
    public static let longestRange = 1200
    /// The longest `--lag-days` accepted (a year).
    public static let longestLagDays = 366

    /// How many months `from...to` holds (0 when `from` is later).
    public static func count(from: Month, to: Month) -> Int {
        max(0, (to.year * 12 + to.month) - (from.year * 12 + from.month) + 1)
    }

    /// Plans the months of a request.
    ///
    /// - Parameters:
    ///   - reprocess: when set, months of the range are kept only if they need it; when nil,
    ///     every requested month runs (a re-run that changes nothing writes nothing).
    ///   - state: what the snapshot tree holds for a month.
    public static func plan(
        _ request: Request, reprocess: Reprocess?, now: Date, currentVersion: String, currentDigest: String,
        state: (Month) -> MonthState
    ) -> MonthPlan {
        var candidates: [Entry]
        switch request {
        case .scheduled(let lag):
            candidates = [Entry(month: closedMonth(now: now, lagDays: lag), reason: "the month that just closed")]
        case .single(let month):
            candidates = [Entry(month: month, reason: "requested")]
        case .range(let from, let to):
            candidates = months(from: from, to: to).map { Entry(month: $0, reason: "in the requested range") }
        case .catchUp(let lag, let limit):
            let last = closedMonth(now: now, lagDays: lag)
            var first = last
            // Walk back to the last complete month, at most `limit` months.
            // `previous` of the first representable month is itself: stop there too.
            while first.previous < first, first.previous >= last.advanced(by: -(limit - 1)),
                state(first.previous).newestStatus != "complete"
            {
                first = first.previous
            }
            candidates = months(from: first, to: last).map { month in
                Entry(
                    month: month,
                    reason: month == last ? "the month that just closed" : "missed since the last complete month")
            }
        }
        guard let reprocess else { return MonthPlan(entries: candidates) }
        let kept = candidates.compactMap { entry -> Entry? in
            let known = state(entry.month)
            guard let why = reason(reprocess, known, currentVersion: currentVersion, currentDigest: currentDigest)
            else { return nil }
            return Entry(month: entry.month, reason: why)
        }
        return MonthPlan(entries: kept)
    }

    /// Why a month needs reprocessing under `mode`, or nil when it does not.
    static func reason(_ mode: Reprocess, _ state: MonthState, currentVersion: String, currentDigest: String) -> String?
    {
        guard let status = state.newestStatus else { return "no snapshot yet" }
        switch mode {
        case .missing:
            return nil
        case .failed:
            return status == "complete" ? nil : "its newest snapshot is \(status)"
        case .stale:
            if let version = state.provstatVersion, version != currentVersion {
                return "made by provstat \(version), this is \(currentVersion)"
            }
            if let digest = state.definitionDigest, digest != currentDigest {
                return "made with another version of the pipeline definition"
            }
            if !state.changedSources.isEmpty {
                return "source pages changed since: \(state.changedSources.joined(separator: ", "))"
            }
            return nil
        case .all:
            return "reprocessing all"
        }
    }

    /// The months from `from` to `to`, both included (empty when `from` is later), at most
    /// `longestRange` of them.
    static func months(from: Month, to: Month) -> [Month] {
        var result: [Month] = []
        var month = from
        while month <= to, result.count < longestRange {
            result.append(month)
            // The last representable month has no next: `next` gives it back.
            let following = month.next
            guard following > month else { break }
            month = following
        }
        return result
    }
}
