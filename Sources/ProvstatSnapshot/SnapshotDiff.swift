import Foundation
import ProvstatCore

/// What changed between two snapshots, or between two output roots (every pipeline and month in
/// either, at their latest versions): what a new data release or a new provstat changed.
public struct SnapshotDiff: Hashable, Sendable, Encodable {
    /// The two sides as given.
    public var old: String
    public var new: String
    /// One entry per pipeline and month compared, sorted; equal months included.
    public var months: [MonthDiff]

    /// Whether any month differs.
    public var isDifferent: Bool { months.contains(where: \.isDifferent) }

    public init(old: String, new: String, months: [MonthDiff]) {
        self.old = old
        self.new = new
        self.months = months
    }

    /// Compares two references, resolved against `store` (both snapshots, or both roots).
    public init(
        old: SnapshotReference, new: SnapshotReference, store: SnapshotStore, tolerance: DiffTolerance = DiffTolerance()
    ) throws(SnapshotError) {
        switch (old, new) {
        case (.root(let oldRoot), .root(let newRoot)):
            let before = try SnapshotStore(root: oldRoot).latestSnapshots()
            let after = try SnapshotStore(root: newRoot).latestSnapshots()
            let months = Set(before.keys).union(after.keys).sorted().map { key in
                MonthDiff(old: before[key], new: after[key], tolerance: tolerance)
            }
            self.init(old: oldRoot.path, new: newRoot.path, months: months)
        case (.root(let url), _), (_, .root(let url)):
            throw .unknownReference(
                url.path, detail: "is an output folder; compare it with another output folder, not with one snapshot")
        default:
            let before = try store.resolve(old)
            let after = try store.resolve(new)
            self.init(
                old: before.label, new: after.label, months: [MonthDiff(old: before, new: after, tolerance: tolerance)])
        }
    }

    enum CodingKeys: String, CodingKey {
        case old, new, months
        case isDifferent = "different"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(months, forKey: .months)
        try container.encode(isDifferent, forKey: .isDifferent)
    }
}
