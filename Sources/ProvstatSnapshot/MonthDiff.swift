import Foundation
import ProvstatCore

/// The differences between two snapshots of one pipeline and month (either side may be absent
/// when two output roots are compared).
public struct MonthDiff: Hashable, Sendable, Encodable {
    public var pipeline: String
    public var month: Month
    /// `pipeline/YYYY-MM@vN` or a path; nil when the month is only on the other side.
    public var old: String?
    public var new: String?
    public var oldStatus: Snapshot.Status?
    public var newStatus: Snapshot.Status?
    public var indicators: [IndicatorChange]
    public var checks: [CheckChange]
    public var sources: [SourceChange]

    /// Whether anything that counts differs: an indicator beyond tolerance, the status or a check.
    public var isDifferent: Bool {
        !indicators.isEmpty || !checks.isEmpty || oldStatus != newStatus
    }

    /// Compares `old` with `new`; values within `tolerance` count as equal.
    public init(old: StoredSnapshot?, new: StoredSnapshot?, tolerance: DiffTolerance = DiffTolerance()) {
        let any = (new ?? old)!.snapshot
        pipeline = any.pipeline
        month = any.month
        self.old = old?.label
        self.new = new?.label
        oldStatus = old?.snapshot.status
        newStatus = new?.snapshot.status
        indicators = Self.indicatorChanges(old?.snapshot, new?.snapshot, tolerance: tolerance)
        checks = Self.checkChanges(old?.snapshot, new?.snapshot)
        sources = Self.sourceChanges(old?.snapshot, new?.snapshot)
    }

    enum CodingKeys: String, CodingKey {
        case pipeline, month, old, new, indicators, checks, sources
        case oldStatus = "old_status"
        case newStatus = "new_status"
        case isDifferent = "different"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pipeline, forKey: .pipeline)
        try container.encode(month, forKey: .month)
        try container.encodeIfPresent(old, forKey: .old)
        try container.encodeIfPresent(new, forKey: .new)
        try container.encodeIfPresent(oldStatus, forKey: .oldStatus)
        try container.encodeIfPresent(newStatus, forKey: .newStatus)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(checks, forKey: .checks)
        try container.encode(sources, forKey: .sources)
        try container.encode(isDifferent, forKey: .isDifferent)
    }

    // MARK: - Comparing

    private static func indicatorChanges(_ old: Snapshot?, _ new: Snapshot?, tolerance: DiffTolerance)
        -> [IndicatorChange]
    {
        let oldValues = old?.indicators ?? [:]
        let newValues = new?.indicators ?? [:]
        return Set(oldValues.keys).union(newValues.keys).sorted().compactMap { id in
            let before = oldValues[id]
            let after = newValues[id]
            // A value's page on the side that lacks the indicator: the same URL's record there.
            let url = (after ?? before)!.provenance.url
            let cause = ChangeCause.explain(
                oldURL: before?.provenance.url ?? old?.sources.first { $0.url == url }?.url,
                oldDigest: before?.provenance.sha256 ?? old?.sources.first { $0.url == url }?.sha256,
                newURL: after?.provenance.url ?? new?.sources.first { $0.url == url }?.url,
                newDigest: after?.provenance.sha256 ?? new?.sources.first { $0.url == url }?.sha256,
                old: old, new: new)
            switch (before, after) {
            case (nil, let after?):
                return IndicatorChange(
                    id: id, kind: .added, old: nil, new: after.value, oldUnit: nil, newUnit: after.unit, cause: cause)
            case (let before?, nil):
                return IndicatorChange(
                    id: id, kind: .removed, old: before.value, new: nil, oldUnit: before.unit, newUnit: nil,
                    cause: cause)
            case (let before?, let after?):
                var fields: [String] = []
                if !tolerance.ignores(old: before.value, new: after.value) { fields.append("value") }
                if before.unit != after.unit { fields.append("unit") }
                if before.kind != after.kind { fields.append("kind") }
                if before.estimate != after.estimate { fields.append("estimate") }
                guard !fields.isEmpty else { return nil }
                return IndicatorChange(
                    id: id, kind: .changed, old: before.value, new: after.value, oldUnit: before.unit,
                    newUnit: after.unit, fields: fields, cause: cause)
            case (nil, nil):
                return nil
            }
        }
    }

    private static func checkChanges(_ old: Snapshot?, _ new: Snapshot?) -> [CheckChange] {
        let before = Dictionary((old?.checks ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary((new?.checks ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { id in
            let check = (after[id] ?? before[id])!
            guard before[id]?.status != after[id]?.status else { return nil }
            return CheckChange(
                id: id, severity: check.severity, old: before[id]?.status, new: after[id]?.status,
                message: check.message)
        }
    }

    private static func sourceChanges(_ old: Snapshot?, _ new: Snapshot?) -> [SourceChange] {
        let before = Dictionary((old?.sources ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary((new?.sources ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { id in
            let (a, b) = (before[id], after[id])
            // Fetched, 304 and replayed are the same bytes obtained differently: not a change.
            guard a?.sha256 != b?.sha256 || a?.succeeded != b?.succeeded else { return nil }
            return SourceChange(
                id: id, oldDigest: a?.sha256, newDigest: b?.sha256, oldOutcome: a?.outcome, newOutcome: b?.outcome)
        }
    }
}
