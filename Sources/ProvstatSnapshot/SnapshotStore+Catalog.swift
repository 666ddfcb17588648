extension SnapshotStore {
    /// Every stored version of every pipeline and month (optionally one pipeline), in order.
    ///
    /// An unreadable file is listed with its problem rather than stopping the listing.
    public func catalog(pipeline only: String? = nil) -> [CatalogEntry] {
        var entries: [CatalogEntry] = []
        for pipeline in pipelines() where only == nil || only == pipeline {
            for month in months(pipeline: pipeline) {
                let latest: Int?
                var pointerProblem: String? = nil
                do { latest = try latestVersion(pipeline: pipeline, month: month) } catch {
                    latest = nil
                    pointerProblem = error.description
                }
                for version in versions(pipeline: pipeline, month: month) {
                    var entry = CatalogEntry(
                        pipeline: pipeline, month: month, version: version, status: nil, finishedAt: nil,
                        isLatest: version == latest, problem: pointerProblem)
                    do {
                        let stored = try read(pipeline: pipeline, month: month, version: version)
                        entry.status = stored.snapshot.status
                        entry.finishedAt = stored.snapshot.finishedAt
                    } catch {
                        entry.problem = error.description
                    }
                    entries.append(entry)
                }
            }
        }
        return entries
    }
}
