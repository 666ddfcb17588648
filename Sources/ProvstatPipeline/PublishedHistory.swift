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
        let directory = store.monthDirectory(pipeline: pipeline, month: month)
        guard let pointer = try? String(contentsOf: directory.appendingPathComponent("latest"), encoding: .utf8),
            let data = try? Data(contentsOf: directory.appendingPathComponent(pointer.trimmingCharacters(in: .whitespacesAndNewlines))),
            let snapshot = try? SnapshotCoding.decode(Snapshot.self, from: data)
        else { return nil }
        return snapshot.indicators
    }
}
