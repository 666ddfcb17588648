import Foundation
import ProvstatCore
import ProvstatSnapshot

/// Reads the published (`latest`) snapshots of earlier months, for the checks across months.
struct PublishedHistory {
    let store: SnapshotStore
    let pipeline: String

    init(root: URL, pipeline: String) {
        self.store = SnapshotStore(root: root)
        self.pipeline = pipeline
    }

    /// The indicator values of a month's latest snapshot; nil when none is published or it
    /// cannot be read (the checks that need it are then skipped, saying so).
    func indicators(of month: Month) -> [String: IndicatorValue]? {
        guard let version = try? store.latestVersion(pipeline: pipeline, month: month),
            let stored = try? store.read(pipeline: pipeline, month: month, version: version)
        else { return nil }
        return stored.snapshot.indicators
    }

    /// How many facts each source gave in a month's latest snapshot; nil when none is published.
    func factCounts(of month: Month) -> [String: Int]? {
        guard let version = try? store.latestVersion(pipeline: pipeline, month: month),
            let stored = try? store.read(pipeline: pipeline, month: month, version: version)
        else { return nil }
        return stored.snapshot.facts.mapValues(\.count)
    }
}
