import ProvstatCore
import ProvstatSnapshot

extension SnapshotStore {
    /// What the month planner needs to know of a month: its newest version's status, release
    /// and definition, and whether a version is published. An unreadable newest version counts
    /// as failed, so that `--reprocess failed` takes it up.
    ///
    /// With a `probe`, the sources whose page changed since the newest version are looked up too.
    public func planState(pipeline: String, month: Month, probe: SourceChangeProbe? = nil) -> MonthPlan.MonthState {
        guard let newest = versions(pipeline: pipeline, month: month).last else { return .none }
        let published = (try? latestVersion(pipeline: pipeline, month: month)) != nil
        guard let stored = try? read(pipeline: pipeline, month: month, version: newest) else {
            return MonthPlan.MonthState(newestStatus: "unreadable", published: published)
        }
        var state = MonthPlan.MonthState(
            newestStatus: stored.snapshot.status.rawValue, published: published,
            provstatVersion: stored.snapshot.provstatVersion, definitionDigest: stored.snapshot.definitionDigest)
        state.changedSources = probe?.changedSources(of: stored.snapshot) ?? []
        return state
    }
}
