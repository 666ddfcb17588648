import Foundation
import ProvstatCore
import ProvstatSnapshot

/// Everything the report shows of one pipeline, read from its snapshots alone.
public struct PipelineHistory: Sendable {
    public var pipeline: String
    /// Every month that has a readable version, ascending.
    public var months: [MonthRecord]
    /// Consecutive versions of each month, in month and version order.
    public var changes: [VersionChange]
    /// Months with version files none of which could be read, with why.
    public var unreadable: [String]
    /// A month's record and its version changes, or why none of its versions could be read.
    private static func readMonth(_ month: Month, pipeline: String, store: SnapshotStore)
        -> Swift.Result<
            (record: MonthRecord, changes: [VersionChange]), Unreadable
        >
    {
        var versions: [StoredSnapshot] = []
        var problems: [String] = []
        for number in store.versions(pipeline: pipeline, month: month) {
            do { versions.append(try store.read(pipeline: pipeline, month: month, version: number)) } catch {
                problems.append("v\(number): \(error.description)")
            }
        }
        let latest: Int?
        do { latest = try store.latestVersion(pipeline: pipeline, month: month) } catch {
            latest = nil
            problems.append("latest: \(error.description)")
        }
        guard let newest = versions.last else { return .failure(Unreadable(problems: problems)) }
        let shown = versions.first { $0.version == latest } ?? newest
        let changes = zip(versions, versions.dropFirst()).compactMap { old, new -> VersionChange? in
            guard let oldNumber = old.version, let newNumber = new.version else { return nil }
            return VersionChange(
                month: month, oldVersion: oldNumber, newVersion: newNumber, diff: MonthDiff(old: old, new: new))
        }
        let record = MonthRecord(month: month, shown: shown, versions: versions, latest: latest, problems: problems)
        return .success((record, changes))
    }

    /// Why a month could not be read at all.
    private struct Unreadable: Error {
        var problems: [String]
    }

    /// Indicator ids found in any shown month, sorted.
    public let indicatorIDs: [String]
    /// The status of every month shown.
    public let monthStatus: [Month: Snapshot.Status]
    // Worked out once: every page and chart asks for them (decimal division is not cheap).
    private let seriesByID: [String: [SeriesPoint]]
    private let planByID: [String: [PlanPoint]]

    public init(pipeline: String, months: [MonthRecord], changes: [VersionChange], unreadable: [String] = []) {
        self.pipeline = pipeline
        self.months = months
        self.changes = changes
        self.unreadable = unreadable
        let ids = Set(months.flatMap { $0.shown.snapshot.indicators.keys }).sorted()
        indicatorIDs = ids
        monthStatus = Dictionary(uniqueKeysWithValues: months.map { ($0.month, $0.status) })
        seriesByID = Dictionary(uniqueKeysWithValues: ids.map { ($0, Self.series($0, months)) })
        planByID = Dictionary(uniqueKeysWithValues: ids.map { ($0, Self.plan($0, months)) })
    }

    /// Reads every version of every month of `pipeline`; an unreadable version is reported, not fatal.
    public static func load(pipeline: String, from store: SnapshotStore) -> PipelineHistory {
        let found = store.months(pipeline: pipeline)
        // Months are read on every core: decoding JSON is most of the work.
        let read = ConcurrentSlots.map(found.count) { index in readMonth(found[index], pipeline: pipeline, store: store)
        }
        var months: [MonthRecord] = []
        var changes: [VersionChange] = []
        var unreadable: [String] = []
        for (month, outcome) in zip(found, read) {
            switch outcome {
            case .success(let record):
                months.append(record.record)
                changes += record.changes
            case .failure(let problems): unreadable += problems.problems.map { "\(month) \($0)" }
            }
        }
        return PipelineHistory(pipeline: pipeline, months: months, changes: changes, unreadable: unreadable)
    }

    /// The record of a month, if it has one.
    public func record(_ month: Month) -> MonthRecord? {
        months.first { $0.month == month }
    }

    /// An indicator's value in every shown month that has it.
    public func series(_ indicator: String) -> [SeriesPoint] {
        seriesByID[indicator] ?? []
    }

    private static func series(_ indicator: String, _ months: [MonthRecord]) -> [SeriesPoint] {
        months.compactMap { record in
            record.shown.snapshot.indicators[indicator].map {
                SeriesPoint(month: record.month, value: $0.value, status: record.status, estimate: $0.estimate)
            }
        }
    }

    /// The unit of an indicator's newest value.
    public func unit(_ indicator: String) -> String {
        months.reversed().lazy.compactMap { $0.shown.snapshot.indicators[indicator]?.unit }.first ?? ""
    }

    /// The plan of a year-to-date indicator, month by month, from the `progress:` checks the
    /// snapshots recorded: the check holds the share of the target reached (observed) and the
    /// share due by the month (expected), so target = value ÷ reached share, due = target × due share.
    /// The target of a year is the one its newest month implies.
    public func plan(_ indicator: String) -> [PlanPoint] {
        planByID[indicator] ?? []
    }

    private static func plan(_ indicator: String, _ months: [MonthRecord]) -> [PlanPoint] {
        var points: [PlanPoint] = []
        for record in months {
            let snapshot = record.shown.snapshot
            guard let value = snapshot.indicators[indicator]?.value,
                let check = snapshot.checks.first(where: { $0.id == "progress:\(indicator)" }),
                check.status != .skipped, let reached = check.observed, let dueShare = check.expected, reached > 0
            else { continue }
            let target = Self.significant(value * 100 / reached, digits: 6)
            points.append(
                PlanPoint(month: record.month, target: target, due: target * dueShare / 100, dueShare: dueShare))
        }
        // One target per year: the newest month's (a definition may have been corrected during the year).
        let newest = Dictionary(grouping: points, by: { $0.month.year }).mapValues { $0.last!.target }
        return points.map { point in
            var point = point
            point.target = newest[point.month.year]!
            point.due = point.target * point.dueShare / 100
            return point
        }
    }

    /// `value` rounded to `digits` significant digits: the check's rounded share leaves noise
    /// past them (`1499999999.7` → `1500000000`).
    static func significant(_ value: Decimal, digits: Int) -> Decimal {
        guard value != 0 else { return 0 }
        let exponent = Int(Foundation.floor(Foundation.log10(Swift.abs(AxisScale.double(value)))))
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, digits - 1 - exponent, .plain)
        return output
    }
}
